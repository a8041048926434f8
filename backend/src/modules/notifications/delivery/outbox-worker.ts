import { Inject, Injectable, Logger, BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { OPTIONAL_NOTIFICATION_KINDS } from '@openbrief/contracts';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { SETTINGS, type Settings } from '../../../config/settings';
import { Transactions } from '../../../database/transactions';
import { User } from '../../identity/entities/user.entity';
import { NotificationPreference, OutboxMessage } from '../entities';
import { retryDelayMs } from './back-off';
import { escapeHtml } from './message-html';
import { MailTransport, type OutgoingMail } from './mail-transport';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/** How long a claim lasts: longer than one SMTP exchange can take, after which another instance may retry a crashed send. */
const CLAIM_MS = 15 * 60_000;
const BATCH = 50;

export interface DrainResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends the outbox. Every `NOTIFY_POLL_MS` it claims due messages one by one with a conditional UPDATE (the row is
 * claimed only if it is still unsent and unclaimed, re-checked under the row lock on PostgreSQL), so several instances
 * share the work and never send a message twice at once. A failure waits with exponential back-off, up to
 * `NOTIFY_MAX_ATTEMPTS` tries, then the message is marked failed and logged. Runs outside any request.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly transactions: Transactions,
    private readonly transport: MailTransport,
    private readonly unsubscribe: UnsubscribeTokens,
    private readonly clock: Clock,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  /** Before the database closes (TypeORM closes it on application shutdown), so a drain in progress can finish. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Sends every message due now (tests call this instead of waiting for the timer). */
  drainOnce(): Promise<DrainResult> {
    const run = this.running.then(() => this.drain());
    this.running = run.catch(() => undefined);
    return run;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.drainOnce()
        .catch((error: unknown) => this.logger.error(`The outbox could not be read: ${describe(error)}`))
        .finally(() => this.schedule());
    }, this.settings.mail.pollMs);
    // The timer must never keep the process (or a test) alive.
    this.timer.unref();
  }

  private async drain(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, retrying: 0, failed: 0 };
    const now = this.clock.now();
    const due = await this.transactions.run((tx) =>
      tx
        .createQueryBuilder(OutboxMessage, 'm')
        .select('m.id', 'id')
        .where(DUE, { now })
        .orderBy('m.next_attempt_at', 'ASC')
        .limit(BATCH)
        .getRawMany<{ id: string }>(),
    );
    for (const { id } of due) {
      if (this.stopped) break;
      const outcome = await this.deliver(id);
      if (outcome) result[outcome]++;
    }
    return result;
  }

  private async deliver(id: string): Promise<keyof DrainResult | null> {
    const claimed = await this.transactions.run((tx) => this.claim(tx, id));
    if (!claimed) return null;
    const { message, to, optedOut } = claimed;
    if (!to || optedOut) {
      await this.finish(id, {
        failedAt: this.clock.now(),
        lastError: to ? 'Not sent: e-mail of this kind was turned off.' : 'No address.',
      });
      return 'failed';
    }
    try {
      await this.transport.send(this.mail(message, to));
    } catch (error) {
      return this.failed(message, error);
    }
    await this.finish(id, { sentAt: this.clock.now(), lastError: null });
    return 'sent';
  }

  /** Takes the message if it is still due and nobody holds it; counts the attempt now, so a crash mid-send still counts. */
  private async claim(tx: EntityManager, id: string) {
    const now = this.clock.now();
    const { affected } = await tx
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: () => 'attempts + 1' })
      .where('id = :id', { id })
      .andWhere(DUE, { now })
      .execute();
    if (affected !== 1) return null;
    const message = await tx.findOneByOrFail(OutboxMessage, { id });
    const user = await tx.findOne(User, { where: { id: message.userId }, select: { id: true, email: true } });
    const optedOut =
      OPTIONAL_NOTIFICATION_KINDS.includes(message.kind) &&
      (await tx.existsBy(NotificationPreference, { userId: message.userId, kind: message.kind, email: false }));
    return { message, to: user?.email ?? null, optedOut };
  }

  private async failed(message: OutboxMessage, error: unknown): Promise<keyof DrainResult> {
    const now = this.clock.now();
    const lastError = describe(error).slice(0, 1000);
    if (message.attempts >= this.settings.mail.maxAttempts) {
      this.logger.error(`E-mail ${message.id} (${message.kind}) failed after ${message.attempts} attempts: ${lastError}`);
      await this.finish(message.id, { failedAt: now, lastError });
      return 'failed';
    }
    const nextAttemptAt = new Date(now.getTime() + retryDelayMs(message.attempts));
    this.logger.warn(
      `E-mail ${message.id} (${message.kind}) attempt ${message.attempts} failed, retrying at ${nextAttemptAt.toISOString()}: ${lastError}`,
    );
    await this.finish(message.id, { nextAttemptAt, lastError });
    return 'retrying';
  }

  private finish(id: string, change: Partial<OutboxMessage>): Promise<unknown> {
    return this.transactions.run((tx) => tx.update(OutboxMessage, { id }, { ...change, claimedUntil: null }));
  }

  private mail(message: OutboxMessage, to: string): OutgoingMail {
    const mail: OutgoingMail = { to, subject: message.subject, text: message.text, html: message.html, headers: {} };
    if (!OPTIONAL_NOTIFICATION_KINDS.includes(message.kind)) return mail;
    const url = this.unsubscribe.url(message.userId, message.kind);
    mail.headers['List-Unsubscribe'] = `<${url}>`;
    mail.text += `\n\n--\nYou get these e-mails because they are turned on in your notification settings. To stop them: ${url}`;
    mail.html &&= mail.html.replace(
      '</body>',
      `<hr>\n<p>You get these e-mails because they are turned on in your notification settings. <a href="${escapeHtml(url)}">Stop e-mails like this</a>.</p>\n</body>`,
    );
    return mail;
  }
}

/** Due at `now`: unsent, not given up, its time come, and not held by a live claim. Unqualified, for SELECT and UPDATE alike. */
const DUE = 'sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
