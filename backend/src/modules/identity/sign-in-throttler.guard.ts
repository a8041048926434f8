import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';

/** Counts attempts per address and e-mail, so one busy office network does not lock out its colleagues. */
@Injectable()
export class SignInThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const r = req as unknown as Request;
    const email = typeof r.body?.email === 'string' ? r.body.email.trim().toLowerCase() : '';
    return `${r.ip}|${email}`;
  }
}
