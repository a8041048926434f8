import { Inject, Injectable } from '@nestjs/common';
import { SETTINGS, type Settings } from '../../config/settings';

/** Enough to remember every address and account active in a busy window, small enough to stay a few MB. */
const MAX_TRACKED = 100_000;

/** What one admitted attempt counted, so a success can give it back. */
export interface SignInAttempt {
  address: string;
  /** Normalised e-mail, or null where only the address is limited (sign-up). */
  account: string | null;
  addressWindowStart: number;
}

export type Admission = { admitted: true; attempt: SignInAttempt } | { admitted: false; retryAfterSeconds: number };

interface AddressWindow {
  start: number;
  count: number;
}

interface AccountBackoff {
  /** Attempts since the last success; each is counted as failed until it succeeds. */
  failures: number;
  blockedUntil: number;
  lastAt: number;
}

/**
 * Two limits on password guessing, kept in memory per instance:
 * - per client address, across e-mails (stops one machine spraying many accounts);
 * - per account, across addresses, with a wait that doubles with every further failure
 *   (stops many machines guessing one password). A successful sign-in clears the account's count.
 * An attempt counts as soon as it is admitted, before its password is checked, so parallel attempts
 * cannot all slip in before the first failure is known.
 */
@Injectable()
export class SignInLimiter {
  private readonly addresses = new Map<string, AddressWindow>();
  private readonly accounts = new Map<string, AccountBackoff>();
  private readonly windowMs: number;
  private readonly maxBackoffMs: number;
  private lastSweep = 0;

  /** The clock; integration tests move it forward instead of waiting out a back-off. */
  now: () => number = () => Date.now();

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {
    this.windowMs = settings.signIn.windowSeconds * 1000;
    this.maxBackoffMs = Math.max(settings.signIn.maxBackoffSeconds * 1000, this.windowMs);
  }

  admit(address: string, account: string | null): Admission {
    const now = this.now();
    let window = this.addresses.get(address);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.remember(this.addresses, address, window, (w) => now - w.start >= this.windowMs);
    }
    if (window.count >= this.settings.signIn.limitPerAddress) {
      return { admitted: false, retryAfterSeconds: seconds(window.start + this.windowMs - now) };
    }

    if (account !== null) {
      let backoff = this.accounts.get(account);
      if (backoff && this.forgotten(backoff, now)) backoff = undefined;
      if (backoff && now < backoff.blockedUntil) {
        return { admitted: false, retryAfterSeconds: seconds(backoff.blockedUntil - now) };
      }
      if (!backoff) {
        backoff = { failures: 0, blockedUntil: 0, lastAt: now };
        this.remember(this.accounts, account, backoff, (b) => this.forgotten(b, now));
      }
      backoff.failures += 1;
      backoff.lastAt = now;
      const beyond = backoff.failures - this.settings.signIn.limitPerAccount;
      if (beyond >= 0) backoff.blockedUntil = now + Math.min(this.maxBackoffMs, this.windowMs * 2 ** Math.min(beyond, 30));
    }

    window.count += 1;
    return { admitted: true, attempt: { address, account, addressWindowStart: window.start } };
  }

  /** The password was right: the attempt no longer counts against the address, and the account starts afresh. */
  succeeded(attempt: SignInAttempt): void {
    const window = this.addresses.get(attempt.address);
    if (window && window.start === attempt.addressWindowStart && window.count > 0) window.count -= 1;
    if (attempt.account !== null) this.accounts.delete(attempt.account);
  }

  /** An account forgets its failures after a quiet spell as long as the longest back-off, once any wait is over. */
  private forgotten(backoff: AccountBackoff, now: number): boolean {
    return now - Math.max(backoff.lastAt, backoff.blockedUntil) >= this.maxBackoffMs;
  }

  /** Adds an entry, first dropping stale ones (or, under a flood, the oldest) so memory stays bounded. */
  private remember<T>(map: Map<string, T>, key: string, value: T, stale: (v: T) => boolean): void {
    if (map.size >= MAX_TRACKED) {
      // A full sweep at most once a second: under a flood, evicting the oldest keeps each insert cheap.
      const now = this.now();
      if (now - this.lastSweep >= 1000) {
        this.lastSweep = now;
        for (const [k, v] of map) if (stale(v)) map.delete(k);
      }
      if (map.size >= MAX_TRACKED) map.delete(map.keys().next().value as string);
    }
    map.set(key, value);
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** E-mails are compared as the DTO stores them: trimmed and lower-case. */
export function accountKey(email: unknown): string | null {
  return typeof email === 'string' && email.trim() ? email.trim().toLowerCase() : null;
}
