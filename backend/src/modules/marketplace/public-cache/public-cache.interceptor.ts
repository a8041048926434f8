import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { type Observable, tap } from 'rxjs';
import { markPending } from './public-cache.hooks';
import { PublicCache } from './public-cache';
import type { PublicReadKind } from './response-store';

const PUBLIC_READ_KIND = 'openbrief:public-read-kind';

/**
 * The route's response is the same for everyone and kept by the public cache (see cache-policy.ts for how
 * long). Only for routes that read nothing of the caller: `@Public()` with an "anyone" rule, no user.
 */
export const CachedPublicRead = (kind: PublicReadKind) =>
  applyDecorators(SetMetadata(PUBLIC_READ_KIND, kind), UseInterceptors(PublicCacheInterceptor));

/** Marks a public read before its controller runs; the Fastify hooks keep and answer it (public-cache.hooks.ts). */
@Injectable()
export class PublicCacheInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly cache: PublicCache,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const kind = this.reflector.get<PublicReadKind | undefined>(PUBLIC_READ_KIND, context.getHandler());
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    if (!kind || req.method !== 'GET') return next.handle();
    const id = (req.params as { id?: string }).id;
    // Tagged with the id as events name it, so a change drops it whatever letter case the URL used.
    const read = await this.cache.begin(req.url, kind, kind === 'list' ? null : (id?.toLowerCase() ?? null));
    markPending(req, read);
    return next.handle().pipe(tap((body) => this.cache.expireBy(read, deadlinesShown(body))));
  }
}

/** The dates of the timetable a tender's page shows: when one passes, the page may read differently. */
function deadlinesShown(body: unknown): string[] {
  const timetable = (body as { tender?: { timetable?: Record<string, unknown> } } | undefined)?.tender?.timetable;
  return timetable ? Object.values(timetable).filter((v): v is string => typeof v === 'string') : [];
}
