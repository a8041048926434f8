import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { CurrentUser as CurrentUserShape } from '@openbrief/contracts';
import type { FastifyRequest } from 'fastify';

export const IS_PUBLIC = 'openbrief:public';

/** The route needs no sign-in (a signed-in user is still recognised). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The signed-in user; on a @Public() route it may be undefined. */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CurrentUserShape | undefined => ctx.switchToHttp().getRequest<FastifyRequest>().user,
);
