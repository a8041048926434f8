import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { SETTINGS, type Settings } from '../../config/settings';
import { PasswordChecksBusyError } from './errors/identity.errors';
import { HashSlots } from './hash-slots';

/** How long a refused caller is asked to wait: a full line drains in about this long on a small server. */
const BUSY_RETRY_AFTER_SECONDS = 5;

@Injectable()
export class PasswordService {
  /** Verifying against this when the e-mail is unknown keeps response times alike, so e-mails cannot be probed. */
  private readonly decoy = argon2.hash('decoy-password-never-used');
  readonly slots: HashSlots;

  constructor(@Inject(SETTINGS) settings: Settings) {
    this.slots = new HashSlots(settings.passwordHash.concurrency, settings.passwordHash.queue);
  }

  hash(password: string): Promise<string> {
    return this.inSlot(() => argon2.hash(password, { type: argon2.argon2id }));
  }

  /** Always costs one hash, known e-mail or not; a malformed stored hash simply does not match. */
  async verify(hash: string | undefined, password: string): Promise<boolean> {
    const against = hash ?? (await this.decoy);
    return this.inSlot(() => argon2.verify(against, password).catch(() => false));
  }

  private async inSlot<T>(work: () => Promise<T>): Promise<T> {
    const done = await this.slots.run(work);
    if (!done) throw new PasswordChecksBusyError(BUSY_RETRY_AFTER_SECONDS);
    return done.value;
  }
}
