import { Injectable } from '@nestjs/common';
import { DEFAULT_RESPONSE_RULES, type PublishedTenderRecord, type ResponseRules, TenderStatus } from '@openbrief/contracts';
import { formatDateTime } from '@openbrief/documents';
import type { EntityManager } from 'typeorm';
import type { OpenTenderResource, ResponseResource, SealedTenderResource } from '../../common/access/actions';
import { Clock } from '../../common/clock/clock';
import { NotFoundError } from '../../common/errors/domain.error';
import { PublishedRecords } from '../tenders/lifecycle/published-records';
import { TenderQueries, type TenderSummary } from '../tenders/tender-queries';

/** A tender as responding to it needs it: its row, its latest published record and the deadline by the server's clock. */
export interface TenderFacts {
  tender: TenderSummary;
  latest: PublishedTenderRecord;
  deadline: string | null;
  /** At or after the submission deadline by `Clock` (a deadline-less tender never passes it). */
  deadlinePassed: boolean;
  rules: ResponseRules;
}

/** Published records never change: a few hundred kept in memory save re-reading them on every autosave. */
const CACHED_RECORDS = 200;

/**
 * Reads tenders for the responses module through the tenders module's exported queries, and turns them into the
 * resources the access policy decides on. Suppliers work to the latest published version, never the buyer's
 * unpublished edits.
 */
@Injectable()
export class ResponseTenders {
  private readonly records = new Map<string, PublishedTenderRecord>();

  constructor(
    private readonly tenders: TenderQueries,
    private readonly published: PublishedRecords,
    private readonly clock: Clock,
  ) {}

  /** The tender row whatever its status; 404 if there is none. Whether the caller may know of it is the policy's question. */
  async summary(manager: EntityManager, tenderId: string): Promise<TenderSummary> {
    const tender = await this.tenders.summary(tenderId, manager);
    if (!tender) throw new NotFoundError('That tender');
    return tender;
  }

  /** 404 for a tender that does not exist or was never published (nobody outside its team may know of it). */
  async load(manager: EntityManager, tenderId: string): Promise<TenderFacts> {
    const tender = await this.tenders.summary(tenderId, manager);
    if (!tender || tender.publishedVersion < 1) throw new NotFoundError('That tender');
    const latest = await this.record(manager, tenderId, tender.publishedVersion);
    const deadline = latest.content.timetable.submissionDeadline;
    return {
      tender,
      latest,
      deadline,
      deadlinePassed: deadline !== null && this.clock.now().getTime() >= new Date(deadline).getTime(),
      rules: latest.content.responseRules ?? DEFAULT_RESPONSE_RULES,
    };
  }

  async record(manager: EntityManager, tenderId: string, version: number): Promise<PublishedTenderRecord> {
    const key = `${tenderId}:${version}`;
    const cached = this.records.get(key);
    if (cached) return cached;
    const record = await this.published.record(manager, tenderId, version);
    if (!record) throw new NotFoundError('That version of the tender');
    if (this.records.size >= CACHED_RECORDS) this.records.delete(this.records.keys().next().value!);
    this.records.set(key, record);
    return record;
  }

  /** Starting a response: open while the tender is published and its deadline has not passed. */
  forStarting(facts: TenderFacts): OpenTenderResource {
    return {
      organisationId: facts.tender.organisationId,
      status: facts.tender.status,
      closed: facts.deadlinePassed
        ? `The deadline for responses was ${formatDateTime(facts.deadline!)}. You can no longer start a response.`
        : null,
    };
  }

  /**
   * A response's resource. A tender closed or cancelled by its buyer counts as past its deadline for the supplier:
   * nothing can be changed once the tender no longer takes responses.
   */
  forResponse(facts: TenderFacts, organisationId: string): ResponseResource {
    return { organisationId, deadlinePassed: facts.deadlinePassed || facts.tender.status !== TenderStatus.Published };
  }

  /** The buying team's view: sealed until the deadline by the clock alone (closing the tender early opens nothing). */
  forOpening(facts: TenderFacts, opened: boolean): SealedTenderResource {
    return { organisationId: facts.tender.organisationId, status: facts.tender.status, deadlinePassed: facts.deadlinePassed, opened };
  }
}
