import type { Role } from './identity';

/** Comment threads on a draft tender: the buying team's review conversation, anchored to what it is about. */

export enum CommentThreadStatus {
  Open = 'open',
  Resolved = 'resolved',
}

/** Which threads to list: `all` (the default), or only open or resolved ones. */
export type CommentStatusFilter = 'open' | 'resolved' | 'all';
export const COMMENT_STATUS_FILTERS: readonly CommentStatusFilter[] = ['open', 'resolved', 'all'];

/** Fields of the tender as a whole that a thread can be anchored to. */
export const TENDER_COMMENT_FIELDS = ['summary', 'problem', 'users', 'workDone', 'constraints'] as const;
/** Fields of one requirement that a thread can be anchored to (needs `requirementId`). */
export const REQUIREMENT_COMMENT_FIELDS = ['outcome', 'whyItMatters', 'measure', 'roomForProposals', 'justification'] as const;
export const COMMENT_FIELDS = [...TENDER_COMMENT_FIELDS, ...REQUIREMENT_COMMENT_FIELDS] as const;
export type CommentField = (typeof COMMENT_FIELDS)[number];

/** The words the editor uses for each field. */
export const COMMENT_FIELD_LABELS: Record<CommentField, string> = {
  summary: 'Summary',
  problem: 'The problem',
  users: 'Who the users are',
  workDone: 'Work already done',
  constraints: 'Existing constraints',
  outcome: 'What must be true',
  whyItMatters: 'Why it matters',
  measure: 'How success is measured',
  roomForProposals: 'What suppliers are free to propose',
  justification: 'Why this must be specific',
};

export function isRequirementCommentField(field: CommentField): boolean {
  return (REQUIREMENT_COMMENT_FIELDS as readonly string[]).includes(field);
}

export const COMMENT_LIMITS = {
  body: 5000,
  quote: 500,
  /** `start` and `end` are opaque to the API: the editor keeps Yjs relative positions there (base64). */
  position: 300,
  mentions: 20,
} as const;

/** Where a new thread points: nothing (the tender as a whole), a requirement, a field, a quoted range. */
export interface CommentAnchorRequest {
  requirementId?: string;
  field?: CommentField;
  quote?: string;
  start?: string;
  end?: string;
}

export interface CommentAnchor {
  /** null: the thread is about the tender as a whole (or one of its tender-level fields). */
  requirementId: string | null;
  /** "1.2" (lot, then position) while the requirement exists; null otherwise. */
  requirementNumber: string | null;
  /** The start of the requirement's outcome: as it is now, or as it was when the thread began if it has been deleted. */
  requirementExcerpt: string | null;
  /** The thread was about a requirement that has since been deleted; it stays listed. */
  requirementDeleted: boolean;
  field: CommentField | null;
  quote: string | null;
  start: string | null;
  end: string | null;
}

export interface CommentPerson {
  id: string;
  name: string;
}

/** One entry in a thread: a comment, or the record of someone resolving or reopening it. */
export type CommentEntryKind = 'comment' | 'resolved' | 'reopened';

export interface CommentEntry {
  id: string;
  kind: CommentEntryKind;
  author: CommentPerson;
  /** Empty for `resolved` and `reopened`. */
  body: string;
  mentions: CommentPerson[];
  createdAt: string;
}

export interface CommentThread {
  id: string;
  tenderId: string;
  status: CommentThreadStatus;
  anchor: CommentAnchor;
  /** Oldest first; the first is the comment that started the thread. */
  entries: CommentEntry[];
  createdAt: string;
  /** The latest comment, resolution or reopening: lists are ordered by this, newest first. */
  lastActivityAt: string;
  resolvedBy: CommentPerson | null;
  resolvedAt: string | null;
}

export interface RequirementCommentCount {
  requirementId: string;
  open: number;
  total: number;
}

/** Counts over all the tender's threads, whatever the filter. */
export interface CommentCounts {
  open: number;
  resolved: number;
  /** Threads (open or resolved) in which someone mentioned you. */
  mentioningMe: number;
  /** Open threads in which someone mentioned you. */
  openMentioningMe: number;
  byRequirement: RequirementCommentCount[];
}

export interface CommentThreadList {
  threads: CommentThread[];
  counts: CommentCounts;
}

export interface CreateCommentThreadRequest {
  /** Leave out for a thread about the tender as a whole. */
  anchor?: CommentAnchorRequest;
  body: string;
  /** Ids of team members to mention (see GET /tenders/:id/team). */
  mentions?: string[];
}

export interface ReplyToCommentThreadRequest {
  body: string;
  mentions?: string[];
}

/** Someone in the tender's organisation who can read and join its comment threads. */
export interface TeamMember {
  id: string;
  name: string;
  role: Role;
}

/** The tender a thread belongs to, named for someone who may not read the tender itself (a mentioned evaluator). */
export interface CommentTenderRef {
  id: string;
  reference: string;
  title: string;
}

/** A thread with the tender it is about: what a mentioned person opens from their list. */
export interface CommentThreadInContext {
  tender: CommentTenderRef;
  thread: CommentThread;
}
