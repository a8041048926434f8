import { Injectable } from '@nestjs/common';
import { formatDateTime } from '@openbrief/documents';
import type { EntityManager } from 'typeorm';
import type { OpenTenderResource } from '../../common/access/actions';
import { Clock } from '../../common/clock/clock';
import { NotFoundError } from '../../common/errors/domain.error';
import { PublishedRecords } from '../tenders/lifecycle/published-records';
import { TenderQueries, type TenderSummary } from '../tenders/tender-queries';

/** A tender as taking part needs it: the row's status and owner, and the dates of its latest published version. */
export interface TenderTimetable {
  tender: TenderSummary;
  clarificationDeadline: string | null;
  answersPublishedBy: string | null;
  submissionDeadline: string | null;
}

/**
 * Reads a tender's status and its published timetable through the tenders module, and says (by the server's
 * `Clock`, never the client's) whether questions or interest are closed: the `closed` text of the access policy's
 * `OpenTenderResource`. Suppliers work to the published dates, never the buyer's unpublished edits.
 */
@Injectable()
export class TenderTimetables {
  constructor(
    private readonly tenders: TenderQueries,
    private readonly records: PublishedRecords,
    private readonly clock: Clock,
  ) {}

  /** The tender and its published dates; 404 if there is no such tender. */
  async load(manager: EntityManager, tenderId: string): Promise<TenderTimetable> {
    const tender = await this.tenders.summary(tenderId, manager);
    if (!tender) throw new NotFoundError('That tender');
    const record = tender.publishedVersion > 0 ? await this.records.record(manager, tenderId, tender.publishedVersion) : null;
    const t = record?.content.timetable;
    return {
      tender,
      clarificationDeadline: t?.clarificationDeadline ?? null,
      answersPublishedBy: t?.answersPublishedBy ?? null,
      submissionDeadline: t?.submissionDeadline ?? null,
    };
  }

  /** For asking a question: closed at and after the clarification deadline (or, without one, the submission deadline). */
  forQuestions(t: TenderTimetable): OpenTenderResource {
    const deadline = t.clarificationDeadline ?? t.submissionDeadline;
    return {
      organisationId: t.tender.organisationId,
      status: t.tender.status,
      closed: this.passed(deadline) ? `Questions closed on ${formatDateTime(deadline!)}. You can no longer ask a question.` : null,
    };
  }

  /** For registering or withdrawing interest: closed at and after the submission deadline. */
  forInterest(t: TenderTimetable): OpenTenderResource {
    return {
      organisationId: t.tender.organisationId,
      status: t.tender.status,
      closed: this.passed(t.submissionDeadline)
        ? `The deadline for responses was ${formatDateTime(t.submissionDeadline!)}. You can no longer register or withdraw interest.`
        : null,
    };
  }

  private passed(deadline: string | null): boolean {
    return deadline !== null && this.clock.now().getTime() >= new Date(deadline).getTime();
  }
}
