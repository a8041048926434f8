import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { BuyerEngagementView, CurrentUser, EngagementFeedback, EngagementOutcome, TenderDetail } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import { AccessService, tenderResource } from '../../common/access/access.service';
import { Clock } from '../../common/clock/clock';
import { type DomainErrorDetail, NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { actorOf } from '../../common/events/domain-events';
import { DomainEvents } from '../../common/events/domain-events.service';
import { Transactions } from '../../database/transactions';
import { TenderQueries } from '../tenders/tender-queries';
import { TenderService } from '../tenders/tender.service';
import type { PublishEngagementDto } from './dto/engagement-commands.dto';
import { EngagementClosed, EngagementFeedbackAdopted, EngagementPublished } from './engagement.events';
import { toFeedback, toNotice, toRegistration } from './engagement.mapper';
import { EngagementFeedbackRow, EngagementRegistrationRow, EngagementRow } from './entities';
import { AlreadyPublishedError, NoOutcomesError, StaleDraftError } from './errors/engagement.errors';

/**
 * The buying team's side of market engagement: publishing the draft's outcomes (a snapshot, UK2), reading the
 * feedback with supplier names and the registrations, closing it, and recording a suggestion as adopted. Tenders
 * are read through the tenders module's services; each change is one transaction with its audit event.
 */
@Injectable()
export class EngagementService {
  constructor(
    @InjectRepository(EngagementRow) private readonly rows: Repository<EngagementRow>,
    private readonly tenders: TenderService,
    private readonly tenderQueries: TenderQueries,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async publish(user: CurrentUser, tenderId: string, dto: PublishEngagementDto): Promise<BuyerEngagementView> {
    // Pending live edits first, so the snapshot is what the buyer sees in the editor (reads never write).
    await this.tenders.flushLive(tenderId);
    return this.transactions.run(async (tx) => {
      const draft = await this.tenders.get(user, tenderId, tx);
      this.access.require(user, 'engagement.publish', tenderResource(draft));
      if (draft.revision !== dto.revision) throw new StaleDraftError(draft.revision);
      if (await tx.existsBy(EngagementRow, { tenderId })) throw new AlreadyPublishedError();
      const now = this.clock.now();
      checkTimes(dto, now);
      const outcomes = outcomesOf(draft);
      if (!outcomes.length) throw new NoOutcomesError();
      const row: EngagementRow = {
        id: randomUUID(),
        tenderId,
        organisationId: draft.buyer.id,
        buyerName: draft.buyer.name,
        reference: draft.reference,
        title: draft.title,
        summary: [draft.summary, draft.problem]
          .map((s) => s.trim())
          .filter(Boolean)
          .join('\n\n'),
        questions: dto.questions,
        outcomes,
        event: dto.event && {
          title: dto.event.title,
          startsAt: new Date(dto.event.startsAt).toISOString(),
          endsAt: dto.event.endsAt === null ? null : new Date(dto.event.endsAt).toISOString(),
          format: dto.event.format,
          place: dto.event.place,
          capacity: dto.event.capacity,
        },
        feedbackCloses: new Date(dto.feedbackCloses),
        status: 'open',
        publishedAt: now,
        publishedBy: user.id,
        closedAt: null,
        closedBy: null,
      };
      await tx.insert(EngagementRow, row);
      await this.events.emit(
        tx,
        new EngagementPublished(actorOf(user), tenderId, row.id, outcomes.length, row.feedbackCloses.toISOString(), !!row.event),
      );
      return this.viewOf(tx, row);
    });
  }

  async view(user: CurrentUser, tenderId: string): Promise<BuyerEngagementView> {
    const m = this.rows.manager;
    return this.viewOf(m, await this.engagementFor(m, user, tenderId));
  }

  /** Ends feedback and registration now; closing a closed engagement changes nothing. */
  async close(user: CurrentUser, tenderId: string): Promise<BuyerEngagementView> {
    return this.transactions.run(async (tx) => {
      const row = await this.engagementFor(tx, user, tenderId);
      if (row.status === 'open') {
        const now = this.clock.now();
        await tx.update(EngagementRow, { id: row.id, status: 'open' }, { status: 'closed', closedAt: now, closedBy: user.id });
        const feedback = await tx.countBy(EngagementFeedbackRow, { engagementId: row.id });
        await this.events.emit(tx, new EngagementClosed(actorOf(user), tenderId, row.id, feedback));
      }
      return this.viewOf(tx, await tx.findOneByOrFail(EngagementRow, { id: row.id }));
    });
  }

  /**
   * Records that the buyer took a supplier's suggestion into the draft (the editor writes the text as an ordinary
   * edit, so it is saved, versioned and live-merged like any other). Adopting twice records it once.
   */
  async adopt(user: CurrentUser, feedbackId: string): Promise<EngagementFeedback> {
    return this.transactions.run(async (tx) => {
      const feedback = await tx.findOneBy(EngagementFeedbackRow, { id: feedbackId });
      if (!feedback) throw new NotFoundError('That feedback');
      const engagement = await tx.findOneByOrFail(EngagementRow, { id: feedback.engagementId });
      const tender = await this.tenderQueries.summary(engagement.tenderId, tx);
      if (!tender) throw new NotFoundError('That feedback');
      this.access.require(user, 'engagement.adopt', tender);
      if (feedback.adoptedAt) return toFeedback(feedback, true);
      const moved = await tx.update(
        EngagementFeedbackRow,
        { id: feedbackId, adoptedAt: IsNull() },
        { adoptedAt: this.clock.now(), adoptedBy: user.id, adoptedByName: user.name },
      );
      const now = await tx.findOneByOrFail(EngagementFeedbackRow, { id: feedbackId });
      if (moved.affected) {
        const number = engagement.outcomes.find((o) => o.requirementId === feedback.requirementId)?.number ?? '?';
        await this.events.emit(
          tx,
          new EngagementFeedbackAdopted(actorOf(user), engagement.tenderId, feedbackId, feedback.kind, number, feedback.organisationName),
        );
      }
      return toFeedback(now, true);
    });
  }

  /** The tender's engagement, once the user may manage it; another organisation's is a tender that does not exist. */
  private async engagementFor(m: EntityManager, user: CurrentUser, tenderId: string): Promise<EngagementRow> {
    const tender = await this.tenderQueries.summary(tenderId, m);
    if (!tender) throw new NotFoundError('That tender');
    this.access.require(user, 'engagement.manage', tender);
    const row = await m.findOneBy(EngagementRow, { tenderId });
    if (!row) throw new NotFoundError('That engagement');
    return row;
  }

  private async viewOf(m: EntityManager, row: EngagementRow): Promise<BuyerEngagementView> {
    const [feedback, registrations] = await Promise.all([
      m.find(EngagementFeedbackRow, { where: { engagementId: row.id }, order: { createdAt: 'ASC', id: 'ASC' } }),
      m.find(EngagementRegistrationRow, { where: { engagementId: row.id }, order: { registeredAt: 'ASC', id: 'ASC' } }),
    ]);
    return {
      notice: toNotice(row, registrations.length, this.clock.now()),
      feedback: feedback.map((f) => toFeedback(f, true)),
      registrations: registrations.map(toRegistration),
    };
  }
}

/** Every requirement of the working copy, numbered as the editor numbers it ("1.3": lot and place in the lot). */
function outcomesOf(draft: TenderDetail): EngagementOutcome[] {
  return [...draft.lots]
    .sort((a, b) => a.number - b.number)
    .flatMap((lot) =>
      [...lot.requirements]
        .sort((a, b) => a.order - b.order)
        .map((r, i) => ({
          requirementId: r.id,
          lotTitle: lot.title,
          number: `${lot.number}.${i + 1}`,
          outcome: r.outcome,
          measure: r.measure.description.trim() || null,
        })),
    );
}

/** Dates the DTO cannot judge alone: they need the server's clock, or each other. */
function checkTimes(dto: PublishEngagementDto, now: Date): void {
  const problems: DomainErrorDetail[] = [];
  const future = (value: string) => new Date(value).getTime() > now.getTime();
  if (!future(dto.feedbackCloses)) problems.push({ field: 'feedbackCloses', message: 'Feedback must close in the future.' });
  if (dto.event) {
    if (!future(dto.event.startsAt)) problems.push({ field: 'event.startsAt', message: 'The event must start in the future.' });
    if (dto.event.endsAt !== null && new Date(dto.event.endsAt).getTime() <= new Date(dto.event.startsAt).getTime())
      problems.push({ field: 'event.endsAt', message: 'The event must end after it starts.' });
  }
  if (problems.length)
    throw new ValidationFailedError(problems.length === 1 ? problems[0]!.message : 'Some dates need changing.', problems);
}
