import { type QueuedQuestion, QuestionStatus } from '@openbrief/contracts';

export interface QuestionFilter {
  status: QuestionStatus;
  /** The tab's name. */
  label: string;
  /** Said when the tab has nothing in it. */
  empty: string;
}

/** The queue's tabs, in the order a question moves through them. */
export const QUESTION_FILTERS: readonly QuestionFilter[] = [
  { status: QuestionStatus.New, label: 'New', empty: 'No new questions. Suppliers’ questions appear here as they arrive.' },
  { status: QuestionStatus.Drafted, label: 'Drafted', empty: 'No draft answers waiting to be published.' },
  { status: QuestionStatus.Published, label: 'Published', empty: 'No answers published yet.' },
  { status: QuestionStatus.AnsweredPrivately, label: 'Answered privately', empty: 'No questions answered privately.' },
];

/** The `show` query parameter as a status: anything unknown shows the new questions. */
export function toQuestionStatus(value: string | null | undefined): QuestionStatus {
  return QUESTION_FILTERS.find((f) => f.status === value)?.status ?? QuestionStatus.New;
}

/** The questions of one tab; the oldest first, since the longest-waiting supplier should be answered first. */
export function questionsIn(questions: readonly QueuedQuestion[], status: QuestionStatus): QueuedQuestion[] {
  return questions.filter((q) => q.status === status).sort((a, b) => a.askedAt.localeCompare(b.askedAt));
}

/** "Questions (2 new)": the link to the queue from the tender's tabs. */
export function newQuestionsLabel(newCount: number): string {
  return newCount > 0 ? `${newCount} new` : '';
}
