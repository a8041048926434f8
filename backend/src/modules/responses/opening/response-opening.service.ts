import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CurrentUser,
  DEFAULT_RESPONSE_RULES,
  NotificationKind,
  type OpeningRecord,
  type OpeningState,
  type ResponseCounts,
} from '@openbrief/contracts';
import type { EntityManager, Repository } from 'typeorm';
import { BUYING_TEAM_ROLES } from '../../../common/access/access-policy';
import { AccessService } from '../../../common/access/access.service';
import { Clock } from '../../../common/clock/clock';
import { DomainEvents } from '../../../common/events/domain-events.service';
import { ConflictError } from '../../../common/errors/domain.error';
import { Transactions } from '../../../database/transactions';
import { InterestRegister } from '../../clarifications/interest-register';
import { People } from '../../identity/people';
import { Notifications } from '../../notifications/notifications.service';
import { actorOf } from '../../../common/events/domain-events';
import { ResponseOpeningRow, SupplierResponseRow } from '../entities';
import { ResponseTenders, type TenderFacts } from '../response-tenders';
import { ResponsesOpened, ResponsesOpeningRequested } from '../responses.events';
import { OpenedResponses } from './opened-responses';

/** A tender never published: nothing was ever asked for, so nothing is counted or open. */
const NEVER_PUBLISHED: OpeningState = {
  state: 'sealed',
  twoPersonOpening: DEFAULT_RESPONSE_RULES.twoPersonOpening,
  requestedBy: null,
  requestedById: null,
  requestedAt: null,
  openedAt: null,
  confirmedBy: null,
};

/**
 * The buying team's side of responses: counts (numbers only, never who) at any time, and after the deadline the
 * opening, by one person or, when the tender says so, requested by one and confirmed by a different colleague.
 */
@Injectable()
export class ResponseOpening {
  constructor(
    @InjectRepository(ResponseOpeningRow) private readonly openings: Repository<ResponseOpeningRow>,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly tenders: ResponseTenders,
    private readonly interest: InterestRegister,
    private readonly people: People,
    private readonly notifications: Notifications,
    private readonly opened: OpenedResponses,
  ) {}

  async counts(user: CurrentUser, tenderId: string): Promise<ResponseCounts> {
    const m = this.openings.manager;
    const facts = await this.loadFor(m, user, tenderId, 'response.count');
    if (!facts) return { interested: 0, submitted: 0, opening: NEVER_PUBLISHED };
    const [interested, submitted, opening] = await Promise.all([
      this.interest.count(tenderId),
      m.countBy(SupplierResponseRow, { tenderId, status: 'submitted' }),
      this.state(m, facts),
    ]);
    return { interested, submitted, opening };
  }

  /** Opens now, or (two-person opening) records the request a colleague must confirm. */
  async open(user: CurrentUser, tenderId: string): Promise<OpeningState> {
    return this.transactions.run(async (tx) => {
      await this.transactions.lock(tx, `response-opening:${tenderId}`);
      await this.refuseIfNeverPublished(tx, user, tenderId);
      const facts = await this.tenders.load(tx, tenderId);
      const row = await tx.findOneBy(ResponseOpeningRow, { tenderId });
      this.access.require(user, 'response.open', this.tenders.forOpening(facts, row?.state === 'opened'));
      if (row?.state === 'opened') throw new ConflictError('The responses have already been opened.');
      if (row) {
        throw new ConflictError(
          row.requestedBy === user.id
            ? 'You have asked to open the responses. A different member of your team must confirm the opening.'
            : 'A colleague has asked to open the responses: confirm the opening instead.',
        );
      }
      const now = this.clock.now();
      const request: ResponseOpeningRow = {
        tenderId,
        state: 'awaiting-confirmation',
        requestedBy: user.id,
        requestedAt: now,
        confirmedBy: null,
        openedAt: null,
      };
      if (facts.rules.twoPersonOpening) {
        await tx.insert(ResponseOpeningRow, request);
        await this.events.emit(tx, new ResponsesOpeningRequested(actorOf(user), tenderId));
        return this.state(tx, facts);
      }
      await tx.insert(ResponseOpeningRow, request);
      await this.finish(tx, user, facts, request, null);
      return this.state(tx, facts);
    });
  }

  /** The second person of a two-person opening: anyone of the buying team but the one who asked. */
  async confirm(user: CurrentUser, tenderId: string): Promise<OpeningState> {
    return this.transactions.run(async (tx) => {
      await this.transactions.lock(tx, `response-opening:${tenderId}`);
      await this.refuseIfNeverPublished(tx, user, tenderId);
      const facts = await this.tenders.load(tx, tenderId);
      const row = await tx.findOneBy(ResponseOpeningRow, { tenderId });
      this.access.require(user, 'response.open', this.tenders.forOpening(facts, row?.state === 'opened'));
      if (row?.state === 'opened') throw new ConflictError('The responses have already been opened.');
      if (!row) throw new ConflictError('Nobody has asked to open the responses yet: open them first.');
      if (row.requestedBy === user.id) {
        throw new ConflictError(
          'You asked to open the responses, so you cannot also confirm it. A different member of your team must confirm.',
        );
      }
      await this.finish(tx, user, facts, row, user.id);
      return this.state(tx, facts);
    });
  }

  /** The state to the buying team; the opened responses with their hashes only once opened. */
  async record(user: CurrentUser, tenderId: string): Promise<OpeningRecord> {
    const m = this.openings.manager;
    const facts = await this.loadFor(m, user, tenderId, 'response.count');
    if (!facts) return { ...NEVER_PUBLISHED, responses: [] };
    const state = await this.state(m, facts);
    if (state.state !== 'opened') return { ...state, responses: [] };
    const list = await this.opened.list(user, tenderId);
    return {
      ...state,
      responses: list.map((r) => ({
        responseId: r.responseId,
        submissionId: r.submissionId,
        supplierName: r.supplierName,
        lotNumber: r.lotNumber,
        submittedAt: r.submittedAt,
        sha256: r.sha256,
      })),
    };
  }

  private async finish(tx: EntityManager, user: CurrentUser, facts: TenderFacts, row: ResponseOpeningRow, confirmedBy: string | null) {
    const now = this.clock.now();
    await tx.update(ResponseOpeningRow, { tenderId: row.tenderId }, { state: 'opened', confirmedBy, openedAt: now });
    // Every counted response's hash, checked against its sealed content: the same values the receipts show.
    const counted = await this.opened.verifiedHashes(tx, row.tenderId);
    await this.events.emit(tx, new ResponsesOpened(actorOf(user), row.tenderId, row.requestedBy, confirmedBy, counted));
    const team = await this.people.members(facts.tender.organisationId, BUYING_TEAM_ROLES, undefined, tx);
    await this.notifications.enqueue(tx, {
      userIds: team.map((p) => p.id),
      kind: NotificationKind.ResponsesOpened,
      title: `Responses opened: ${facts.latest.reference}`,
      body: `The responses to “${facts.latest.content.title}” were opened. ${counted.length} ${counted.length === 1 ? 'response counts' : 'responses count'}.`,
      link: `/tenders/${row.tenderId}/responses`,
    });
  }

  private async state(m: EntityManager, facts: TenderFacts): Promise<OpeningState> {
    const row = await m.findOneBy(ResponseOpeningRow, { tenderId: facts.tender.id });
    const names = await this.people.names(
      [row?.requestedBy, row?.confirmedBy].filter((x): x is string => !!x),
      m,
    );
    return {
      state: row ? row.state : 'sealed',
      twoPersonOpening: facts.rules.twoPersonOpening,
      requestedBy: row ? (names.get(row.requestedBy) ?? 'A former member of the team') : null,
      requestedById: row?.requestedBy ?? null,
      requestedAt: row?.requestedAt.toISOString() ?? null,
      openedAt: row?.openedAt?.toISOString() ?? null,
      confirmedBy: row?.confirmedBy ? (names.get(row.confirmedBy) ?? 'A former member of the team') : null,
    };
  }

  /** The tender's facts, or null for the team's own tender that was never published (nothing to count or open yet). */
  private async loadFor(m: EntityManager, user: CurrentUser, tenderId: string, action: 'response.count'): Promise<TenderFacts | null> {
    this.access.requireRole(user, action);
    const tender = await this.tenders.summary(m, tenderId);
    this.access.require(user, action, { organisationId: tender.organisationId, status: tender.status });
    return tender.publishedVersion < 1 ? null : this.tenders.load(m, tenderId);
  }

  /** A tender never published has no deadline behind it: its team is told the responses stay sealed (409), others 404. */
  private async refuseIfNeverPublished(tx: EntityManager, user: CurrentUser, tenderId: string): Promise<void> {
    const tender = await this.tenders.summary(tx, tenderId);
    if (tender.publishedVersion < 1)
      this.access.require(user, 'response.open', {
        organisationId: tender.organisationId,
        status: tender.status,
        deadlinePassed: false,
        opened: false,
      });
  }
}
