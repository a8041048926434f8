import { Inject, Injectable } from '@nestjs/common';
import { type NotificationKind, OPTIONAL_NOTIFICATION_KINDS } from '@openbrief/contracts';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { resolveAppSecret } from '../../../config/app-secret';
import { SETTINGS, type Settings } from '../../../config/settings';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Unsubscribe links work without signing in (they are opened from a mail client), so the token itself proves whose
 * preference it changes: `<user id>.<kind>.<HMAC(app secret, user id, kind)>`. It never expires; it can only turn
 * one optional kind off for one person.
 */
@Injectable()
export class UnsubscribeTokens {
  private readonly secret: string;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {
    this.secret = resolveAppSecret(settings);
  }

  url(userId: string, kind: NotificationKind): string {
    return `${this.settings.mail.publicUrl}/api/v1/notifications/unsubscribe?token=${encodeURIComponent(this.token(userId, kind))}`;
  }

  token(userId: string, kind: NotificationKind): string {
    return `${userId}.${kind}.${this.sign(userId, kind)}`;
  }

  /** Whose preference and which kind, or null for anything not signed by us. */
  verify(token: unknown): { userId: string; kind: NotificationKind } | null {
    if (typeof token !== 'string' || token.length > 200) return null;
    const [userId, kind, mac, ...rest] = token.split('.');
    if (rest.length || !userId || !kind || !mac || !UUID.test(userId)) return null;
    if (!(OPTIONAL_NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
    const expected = Buffer.from(this.sign(userId, kind));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { userId, kind: kind as NotificationKind };
  }

  private sign(userId: string, kind: string): string {
    return createHmac('sha256', this.secret).update(`openbrief-unsubscribe\n${userId}\n${kind}`).digest('base64url');
  }
}
