import { Inject, Injectable } from '@nestjs/common';
import { OPTIONAL_NOTIFICATION_KINDS } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { SETTINGS, type Settings } from '../../config/settings';
import { User } from '../identity/entities/user.entity';
import { htmlMessage, linkParagraph, paragraphs } from './delivery/message-html';
import { Notification, NotificationPreference, OutboxMessage } from './entities';
import { DEDUPE_KEY_MAX, LINK_MAX, type NotificationRequest, TITLE_MAX } from './notification-request';

export type { NotificationRequest } from './notification-request';

/**
 * The one way other modules tell people something. Writes in the caller's transaction, so a change that rolls back
 * tells nobody; the outbox worker sends the e-mails afterwards, so a slow or broken mail server never holds up a request.
 */
@Injectable()
export class Notifications {
  constructor(
    private readonly clock: Clock,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** One in-app notification per person, and one outbox message per person who gets e-mail of this kind. Sends nothing. */
  async enqueue(tx: EntityManager, request: NotificationRequest): Promise<void> {
    checkRequest(request);
    const wanted = [...new Set(request.userIds)];
    if (!wanted.length) return;
    // People may have left since the caller looked them up: tell those who are still here.
    const present = await tx.find(User, { where: { id: In(wanted) }, select: { id: true } });
    const userIds = wanted.filter((id) => present.some((u) => u.id === id));
    if (!userIds.length) return;

    const now = this.clock.now();
    const title = request.title.slice(0, TITLE_MAX);
    const written: Notification[] = [];
    for (const userId of userIds) {
      const row = tx.create(Notification, {
        id: randomUUID(),
        userId,
        kind: request.kind,
        title,
        body: request.body,
        link: request.link,
        dedupeKey: request.dedupeKey ?? null,
        createdAt: now,
        readAt: null,
      });
      if (await this.insertOnce(tx, row)) written.push(row);
    }
    if (!written.length) return;

    const optedOut = await this.optedOut(
      tx,
      request,
      written.map((n) => n.userId),
    );
    const { text, html } = this.render(title, request);
    const messages = written
      .filter((n) => !optedOut.has(n.userId))
      .map((n) =>
        tx.create(OutboxMessage, {
          id: randomUUID(),
          notificationId: n.id,
          userId: n.userId,
          kind: request.kind,
          subject: title,
          text,
          html,
          attempts: 0,
          nextAttemptAt: now,
          claimedUntil: null,
          sentAt: null,
          failedAt: null,
          lastError: null,
          createdAt: now,
        }),
      );
    if (messages.length) await tx.insert(OutboxMessage, messages);
  }

  /**
   * Inserts unless this person already has a notification with the key. `orIgnore` (ON CONFLICT DO NOTHING / INSERT OR
   * IGNORE) keeps a concurrent duplicate from failing the caller's transaction; reading the key back tells whether the
   * row is ours, so only the first writer queues an e-mail.
   */
  private async insertOnce(tx: EntityManager, row: Notification): Promise<boolean> {
    if (row.dedupeKey === null) {
      await tx.insert(Notification, row);
      return true;
    }
    await tx.createQueryBuilder().insert().into(Notification).values(row).orIgnore().execute();
    const kept = await tx.findOne(Notification, { where: { userId: row.userId, dedupeKey: row.dedupeKey }, select: { id: true } });
    return kept?.id === row.id;
  }

  private async optedOut(tx: EntityManager, request: NotificationRequest, userIds: string[]): Promise<Set<string>> {
    if (!OPTIONAL_NOTIFICATION_KINDS.includes(request.kind)) return new Set();
    const rows = await tx.find(NotificationPreference, {
      where: { userId: In(userIds), kind: request.kind, email: false },
      select: { userId: true },
    });
    return new Set(rows.map((r) => r.userId));
  }

  private render(title: string, request: NotificationRequest): { text: string; html: string } {
    const url = request.link === null ? null : `${this.settings.mail.publicUrl}${request.link}`;
    const text = [request.body.trim(), url ? `Open it in Openbrief: ${url}` : null].filter(Boolean).join('\n\n');
    const html = htmlMessage(title, [paragraphs(request.body), url ? linkParagraph(url, 'Open it in Openbrief') : ''].join('\n'));
    return { text, html };
  }
}

/** A caller's mistake, not a user's: fail loudly so it is fixed, before anything is written. */
function checkRequest(request: NotificationRequest): void {
  if (!request.title.trim()) throw new Error('A notification needs a title.');
  if (request.link !== null && (!request.link.startsWith('/') || request.link.startsWith('//') || request.link.length > LINK_MAX))
    throw new Error(`A notification link must be an app path of at most ${LINK_MAX} characters, e.g. "/responses/…".`);
  if (request.dedupeKey !== undefined && (!request.dedupeKey || request.dedupeKey.length > DEDUPE_KEY_MAX))
    throw new Error(`A notification dedupe key must have 1 to ${DEDUPE_KEY_MAX} characters.`);
}
