/** Clarification questions and registered interest: the supplier's side of a tender before responding. */
import { countWords, QUESTION_WORD_LIMIT } from './responses';

/** Bounds on questions and answers, checked in the browser and on the server. */
export const QUESTION_LIMITS = {
  /** Words in a question (QUESTION_WORD_LIMIT), counted by `questionWordCount`. */
  words: QUESTION_WORD_LIMIT,
  /** Characters in a question: 500 long words fit; a wall of text without spaces does not. */
  chars: 10_000,
  /** Questions one organisation may ask about one tender: enough for any real need, a bound on abuse. */
  perOrganisation: 50,
  answerChars: 20_000,
  privateReasonChars: 2_000,
} as const;

/** Words counted exactly as a response's answers are (runs of characters between white space). */
export const questionWordCount: (text: string) => number = countWords;

export enum QuestionStatus {
  /** Asked, no answer written yet. */
  New = 'new',
  /** The buyer has saved a draft answer, not yet released. */
  Drafted = 'drafted',
  /** Answered to everyone, the asker anonymised. */
  Published = 'published',
  /** Answered only to the asker, because the question is commercially sensitive (reason recorded). */
  AnsweredPrivately = 'answered_privately',
}

export interface AskQuestionRequest {
  text: string;
}

/** A question as the supplier that asked it sees it. */
export interface OwnQuestion {
  id: string;
  tenderId: string;
  text: string;
  askedAt: string;
  status: QuestionStatus;
  /** Present once answered (publicly or privately). */
  answer: string | null;
  answeredAt: string | null;
}

/** A published answer, as everyone sees it: no asker. */
export interface PublishedClarification {
  id: string;
  /** Order of publication, from 1. */
  number: number;
  question: string;
  answer: string;
  publishedAt: string;
}

/** A question in the buyer's queue. */
export interface QueuedQuestion {
  id: string;
  text: string;
  askedAt: string;
  askerOrganisation: string;
  status: QuestionStatus;
  draftAnswer: string;
  answer: string | null;
  answeredAt: string | null;
  /** Why it was answered privately. */
  privateReason: string | null;
  /** Its number among published answers (public answers only). */
  publishedNumber: number | null;
  /** Send it back as If-Match when saving a draft answer. */
  revision: number;
}

export interface QuestionQueue {
  counts: Record<QuestionStatus, number>;
  questions: QueuedQuestion[];
  clarificationDeadline: string | null;
  answersPublishedBy: string | null;
}

export interface DraftAnswerRequest {
  draftAnswer: string;
}

export interface PublishAnswerRequest {
  answer: string;
  /** public (default): everyone sees it, asker anonymised; private: only the asker, with a reason. */
  visibility: 'public' | 'private';
  privateReason?: string;
}

/** A supplier's interest in a tender; the buyer sees only the count until the deadline. */
export interface InterestState {
  registered: boolean;
  registeredAt: string | null;
}
