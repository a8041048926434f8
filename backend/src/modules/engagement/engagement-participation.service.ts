import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CurrentUser,
  ENGAGEMENT_LIMITS,
  type EngagementFeedback,
  IDEMPOTENCY_KEY_PATTERN,
  type SupplierEngagementView,
} from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { type EntityManager, Not, QueryFailedError, Repository } from 'typeorm';
import { AccessService } from '../../common/access/access.service';
import { Clock } from '../../common/clock/clock';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { actorOf } from '../../common/events/domain-events';
import { DomainEvents } from '../../common/events/domain-events.service';
import { Transactions } from '../../database/transactions';
import type { GiveEngagementFeedbackDto, RegisterForEngagementDto } from './dto/engagement-commands.dto';
import { EngagementFeedbackGiven, EngagementRegistered, EngagementRegistrationWithdrawn } from './engagement.events';
import { feedbackClosed, registrationClosed, toFeedback, toNotice, toRegistration } from './engagement.mapper';
import { EngagementFeedbackRow, EngagementRegistrationRow, EngagementRow } from './entities';
import { EventFullError, TooMuchFeedbackError } from './errors/engagement.errors';

/**
 * A supplier's side of market engagement: its own feedback and registration, never another supplier's. Deadlines
 * are the server's clock. Bounds (feedback per supplier, the event's places) are counted and written under one lock,
 * so requests sent at once cannot all pass them.
 */
@Injectable()
export class EngagementParticipation {
  constructor(
    @InjectRepository(EngagementRow) private readonly rows: Repository<EngagementRow>,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async view(user: CurrentUser, id: string): Promise<SupplierEngagementView> {
    this.access.require(user, 'engagement.readOwn');
    const m = this.rows.manager;
    return this.viewOf(m, user, await this.engagement(m, id));
  }

  /** New feedback (`replayed: false`), or the one an earlier request with the same Idempotency-Key made. */
  async giveFeedback(
    user: CurrentUser,
    id: string,
    dto: GiveEngagementFeedbackDto,
    idempotencyKey?: string,
  ): Promise<{ feedback: EngagementFeedback; replayed: boolean }> {
    const key = idempotencyKey ? idempotencyKey : null;
    if (key !== null && !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new ValidationFailedError('The Idempotency-Key header must be 8 to 100 letters, digits or . _ : - (a UUID is fine).', [
        { field: 'Idempotency-Key', message: 'Use 8 to 100 letters, digits or . _ : -' },
      ]);
    }
    try {
      return await this.transactions.run((tx) => this.giveIn(tx, user, id, dto, key));
    } catch (error) {
      // Two retries at once on PostgreSQL: the unique index lets one in; the other answers with what it wrote.
      if (key !== null && error instanceof QueryFailedError && /UNIQUE|duplicate key/i.test(error.message)) {
        const replay = await this.rows.manager.findOneBy(EngagementFeedbackRow, {
          engagementId: id,
          organisationId: user.organisation.id,
          idempotencyKey: key,
        });
        if (replay) return { feedback: toFeedback(replay, true), replayed: true };
      }
      throw error;
    }
  }

  private async giveIn(tx: EntityManager, user: CurrentUser, id: string, dto: GiveEngagementFeedbackDto, key: string | null) {
    const engagement = await this.engagement(tx, id);
    const organisationId = user.organisation.id;
    // A retry is answered with what the first attempt did, even after feedback closed: it asks for nothing new.
    if (key !== null) {
      const replay = await tx.findOneBy(EngagementFeedbackRow, { engagementId: id, organisationId, idempotencyKey: key });
      if (replay) return { feedback: toFeedback(replay, true), replayed: true };
    }
    this.access.require(user, 'engagement.feedback', { closed: feedbackClosed(engagement, this.clock.now()) });
    const outcome = engagement.outcomes.find((o) => o.requirementId === dto.requirementId);
    if (!outcome) {
      throw new ValidationFailedError('requirementId is not one of this engagement’s outcomes.', [
        { field: 'requirementId', message: 'Choose one of the outcomes in the notice.' },
      ]);
    }
    const proposed = dto.proposedOutcome?.trim() || null;
    if (dto.kind === 'alternative' && !proposed) {
      throw new ValidationFailedError('Write the outcome you propose instead.', [
        { field: 'proposedOutcome', message: 'An alternative needs the outcome as you would write it.' },
      ]);
    }
    if (dto.kind === 'comment' && proposed) {
      throw new ValidationFailedError('A comment has no proposed outcome: send it as an alternative instead.', [
        { field: 'proposedOutcome', message: 'Only an alternative proposes an outcome.' },
      ]);
    }
    await this.transactions.lock(tx, `engagement-feedback:${id}:${organisationId}`);
    if ((await tx.countBy(EngagementFeedbackRow, { engagementId: id, organisationId })) >= ENGAGEMENT_LIMITS.feedbackPerSupplier) {
      throw new TooMuchFeedbackError(ENGAGEMENT_LIMITS.feedbackPerSupplier);
    }
    const row: EngagementFeedbackRow = {
      id: randomUUID(),
      engagementId: id,
      requirementId: outcome.requirementId,
      kind: dto.kind,
      text: dto.text,
      proposedOutcome: proposed,
      organisationId,
      organisationName: user.organisation.name,
      authorId: user.id,
      createdAt: this.clock.now(),
      idempotencyKey: key,
      adoptedAt: null,
      adoptedBy: null,
      adoptedByName: null,
    };
    await tx.insert(EngagementFeedbackRow, row);
    await this.events.emit(
      tx,
      new EngagementFeedbackGiven(actorOf(user), engagement.tenderId, row.id, row.kind, outcome.number, row.organisationName),
    );
    return { feedback: toFeedback(row, true), replayed: false };
  }

  /**
   * Registers the organisation's people for the event, or changes how many: one registration per organisation.
   * The places are counted under a lock per engagement, so parallel registrations never overfill the event.
   */
  async register(user: CurrentUser, id: string, dto: RegisterForEngagementDto): Promise<SupplierEngagementView> {
    return this.transactions.run(async (tx) => {
      const engagement = await this.engagement(tx, id);
      const now = this.clock.now();
      this.access.require(user, 'engagement.register', { closed: registrationClosed(engagement, now) });
      const organisationId = user.organisation.id;
      await this.transactions.lock(tx, `engagement-registration:${id}`);
      const capacity = engagement.event?.capacity ?? null;
      if (capacity !== null) {
        const taken = await tx
          .createQueryBuilder(EngagementRegistrationRow, 'r')
          .select('COALESCE(SUM(r.attendees), 0)', 'taken')
          .where({ engagementId: id, organisationId: Not(organisationId) })
          .getRawOne<{ taken: number | string }>();
        const left = capacity - Number(taken?.taken ?? 0);
        if (dto.attendees > left) throw new EventFullError(Math.max(left, 0));
      }
      const mine = await tx.findOneBy(EngagementRegistrationRow, { engagementId: id, organisationId });
      const values = {
        organisationName: user.organisation.name,
        userId: user.id,
        contactName: user.name,
        contactEmail: user.email,
        attendees: dto.attendees,
        accessNeeds: dto.accessNeeds ?? '',
        registeredAt: now,
      };
      const rowId = mine?.id ?? randomUUID();
      if (mine) await tx.update(EngagementRegistrationRow, { id: mine.id }, values);
      else await tx.insert(EngagementRegistrationRow, { id: rowId, engagementId: id, organisationId, ...values });
      await this.events.emit(
        tx,
        new EngagementRegistered(actorOf(user), engagement.tenderId, rowId, dto.attendees, user.organisation.name),
      );
      return this.viewOf(tx, user, engagement);
    });
  }

  /** Withdraws the organisation's registration; withdrawing when not registered changes nothing. */
  async withdraw(user: CurrentUser, id: string): Promise<SupplierEngagementView> {
    return this.transactions.run(async (tx) => {
      const engagement = await this.engagement(tx, id);
      this.access.require(user, 'engagement.register', { closed: registrationClosed(engagement, this.clock.now()) });
      const mine = await tx.findOneBy(EngagementRegistrationRow, { engagementId: id, organisationId: user.organisation.id });
      if (mine) {
        await tx.delete(EngagementRegistrationRow, { id: mine.id });
        await this.events.emit(
          tx,
          new EngagementRegistrationWithdrawn(actorOf(user), engagement.tenderId, mine.id, user.organisation.name),
        );
      }
      return this.viewOf(tx, user, engagement);
    });
  }

  private async engagement(m: EntityManager, id: string): Promise<EngagementRow> {
    const row = await m.findOneBy(EngagementRow, { id });
    if (!row) throw new NotFoundError('That engagement');
    return row;
  }

  private async viewOf(m: EntityManager, user: CurrentUser, row: EngagementRow): Promise<SupplierEngagementView> {
    const organisationId = user.organisation.id;
    const [feedback, registration, registrations] = await Promise.all([
      m.find(EngagementFeedbackRow, { where: { engagementId: row.id, organisationId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      m.findOneBy(EngagementRegistrationRow, { engagementId: row.id, organisationId }),
      m.countBy(EngagementRegistrationRow, { engagementId: row.id }),
    ]);
    return {
      notice: toNotice(row, registrations, this.clock.now()),
      myFeedback: feedback.map((f) => toFeedback(f, true)),
      myRegistration: registration ? toRegistration(registration) : null,
    };
  }
}
