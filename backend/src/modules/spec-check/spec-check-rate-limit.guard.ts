import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { RetryLaterError } from '../../common/errors/domain.error';
import { SETTINGS, type Settings } from '../../config/settings';

/**
 * Requests per window to the public text check: anonymous callers counted per address, signed-in
 * buyers per account with a higher limit. Uses @nestjs/throttler's in-memory storage (its own
 * instance, provided by SpecCheckModule) so the sign-in throttles and this one stay independent.
 */
@Injectable()
export class SpecCheckRateLimitGuard implements CanActivate {
  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly storage: ThrottlerStorageService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const { rateLimit, rateLimitSignedIn, rateWindowSeconds } = this.settings.specCheck;
    const user = req.user;
    const [key, limit] = user ? [`user:${user.id}`, rateLimitSignedIn] : [`ip:${req.ip || 'unknown'}`, rateLimit];
    // No block duration: a sliding window, so a caller is refused only until its oldest counted request expires.
    const record = await this.storage.increment(`spec-check:${key}`, rateWindowSeconds * 1000, limit, 0, 'spec-check');
    if (record.isBlocked) {
      throw new RetryLaterError(
        `You have checked text ${limit} times in ${rateWindowSeconds} seconds, the most we allow${user ? '' : ' without signing in'}. Please wait ${record.timeToBlockExpire > 1 ? `${record.timeToBlockExpire} seconds` : 'a moment'} and try again.`,
        Math.max(1, Math.ceil(record.timeToBlockExpire)),
      );
    }
    return true;
  }
}
