import { type Lot, type OwnQuestion, QuestionStatus, ResponseStatus, type SupplierResponseSummary } from '@openbrief/contracts';

/** The supplier's existing response to each lot of a tender, by lot id. */
export function responsesByLot(
  tenderId: string,
  lots: readonly Pick<Lot, 'id' | 'number'>[],
  responses: readonly SupplierResponseSummary[],
): Map<string, SupplierResponseSummary> {
  const found = new Map<string, SupplierResponseSummary>();
  for (const lot of lots) {
    const response = responses.find((r) => r.tenderId === tenderId && r.lotId === lot.id);
    if (response) found.set(lot.id, response);
  }
  return found;
}

/** What the supplier is told about a response it already has for a lot. */
export function responseStatusText(status: ResponseStatus): string {
  switch (status) {
    case ResponseStatus.Draft:
      return 'Draft, not submitted yet';
    case ResponseStatus.Submitted:
      return 'Submitted';
    case ResponseStatus.Withdrawn:
      return 'Withdrawn: submit it again before the deadline for it to count';
    case ResponseStatus.Opened:
      return 'Submitted and opened by the buyer';
  }
}

/**
 * A question's state as its asker sees it. A drafted answer is the buyer's work in progress: the
 * supplier is told only that an answer is coming.
 */
export function ownQuestionStatusText(question: Pick<OwnQuestion, 'status'>): string {
  switch (question.status) {
    case QuestionStatus.New:
    case QuestionStatus.Drafted:
      return 'Waiting for an answer';
    case QuestionStatus.Published:
      return 'Answered to everyone, without your name';
    case QuestionStatus.AnsweredPrivately:
      return 'Answered to your organisation only';
  }
}

/** Whether a deadline (ISO time, or none set) has passed by this browser's clock; the server decides for real. */
export function hasPassed(deadline: string | null, now: number = Date.now()): boolean {
  return deadline !== null && new Date(deadline).getTime() <= now;
}
