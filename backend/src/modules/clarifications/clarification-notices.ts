import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { NotificationKind, Role } from '@openbrief/contracts';
import type { EntityManager } from 'typeorm';
import { inTransaction, TenderPublished } from '../../common/events/domain-events';
import { People } from '../identity/people';
import { Notifications } from '../notifications/notifications.service';
import { PublishedRecords } from '../tenders/lifecycle/published-records';
import { TenderQueries } from '../tenders/tender-queries';
import type { ClarificationQuestion } from './entities/clarification-question.entity';
import { InterestRegister } from './interest-register';

const ALL_ROLES = Object.values(Role);

/**
 * Who is told what, written in the transaction that makes the change (so a change that rolls back tells nobody):
 * a public answer goes to everyone with active interest and the asker; a private one to the asking organisation
 * only; a new published version to everyone with active interest.
 */
@Injectable()
export class ClarificationNotices {
  constructor(
    private readonly notifications: Notifications,
    private readonly interest: InterestRegister,
    private readonly people: People,
    private readonly tenders: TenderQueries,
    private readonly records: PublishedRecords,
  ) {}

  async answered(tx: EntityManager, question: ClarificationQuestion, visibility: 'public' | 'private'): Promise<void> {
    const tender = await this.tenders.summary(question.tenderId, tx);
    const title = tender?.title ?? 'a tender';
    const link = `/opportunities/${question.tenderId}`;
    if (visibility === 'public') {
      await this.notifications.enqueue(tx, {
        userIds: [...new Set([...(await this.interest.userIds(question.tenderId, tx)), question.askedBy])],
        kind: NotificationKind.QuestionAnswered,
        title: `A question about ${title} has been answered`,
        body: `The buyer has published an answer to a clarification question about ${title}. Read it with the other answers on the tender's page.`,
        link,
        dedupeKey: `question-answered:${question.id}`,
      });
      return;
    }
    const members = await this.people.members(question.organisationId, ALL_ROLES, undefined, tx);
    await this.notifications.enqueue(tx, {
      userIds: members.map((m) => m.id),
      kind: NotificationKind.QuestionAnswered,
      title: `Your question about ${title} has been answered`,
      body: `The buyer has answered your organisation's clarification question about ${title} privately, because it is commercially sensitive. Only your organisation can read the answer.`,
      link,
      dedupeKey: `question-answered:${question.id}`,
    });
  }

  /** A new version (a corrigendum) of a tender people registered interest in: tell them, in the publishing transaction. */
  @OnEvent(inTransaction(TenderPublished), { suppressErrors: false })
  async onPublished(event: TenderPublished): Promise<void> {
    if (event.version <= 1 || !event.tenderId) return;
    const userIds = await this.interest.userIds(event.tenderId, event.tx);
    if (!userIds.length) return;
    const record = await this.records.record(event.tx, event.tenderId, event.version);
    const title = record?.content.title ?? 'A tender you registered interest in';
    await this.notifications.enqueue(event.tx, {
      userIds,
      kind: NotificationKind.TenderChanged,
      title: `${title} has changed (version ${event.version})`,
      body: [
        `The buyer has published version ${event.version} of ${title}.`,
        event.changeNote ? `What changed: ${event.changeNote}` : null,
        'Check your questions and any response you have started against the new version.',
      ]
        .filter(Boolean)
        .join('\n\n'),
      link: `/opportunities/${event.tenderId}`,
      dedupeKey: `tender-changed:${event.tenderId}:${event.version}`,
    });
  }
}
