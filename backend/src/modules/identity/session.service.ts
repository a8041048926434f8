import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser } from '@openbrief/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager, LessThan, Repository } from 'typeorm';
import { SETTINGS, type Settings } from '../../config/settings';
import { Transactions } from '../../database/transactions';
import { Session } from './entities/session.entity';
import { toCurrentUser } from './identity.mapper';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly transactions: Transactions,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Starts a session and returns the raw token for the cookie; only its hash is stored. */
  async start(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.settings.sessionHours * 3_600_000);
    await this.transactions.run(async (tx) => {
      await tx.insert(Session, { tokenHash: hashToken(token), userId, createdAt: now, expiresAt });
      // Housekeeping on sign-in rather than a timer: cheap, and needs no scheduler across instances.
      await tx.delete(Session, { expiresAt: LessThan(now) });
    });
    return { token, expiresAt };
  }

  async resolve(token: string): Promise<CurrentUser | null> {
    // One query per request: the session with its user and organisation.
    const session = await this.sessions.findOne({
      where: { tokenHash: hashToken(token) },
      relations: { user: { organisation: true } },
    });
    if (!session?.user?.organisation || session.expiresAt.getTime() <= Date.now()) return null;
    return toCurrentUser(session.user, session.user.organisation);
  }

  async end(token: string): Promise<void> {
    await this.transactions.run((tx) => tx.delete(Session, { tokenHash: hashToken(token) }));
  }

  /** Ends every session of one account (after a password change), inside the caller's transaction. */
  async endAllFor(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(Session, { userId });
  }
}
