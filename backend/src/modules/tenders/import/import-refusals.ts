import type { ImportedRequirement } from '@openbrief/contracts';

/**
 * What an import task answers. Plain data, because it crosses from the worker thread to the main thread
 * (errors lose their class on the way); the service turns a refusal into the HTTP error.
 */
export type ImportOutcome = { ok: true; requirements: ImportedRequirement[] } | { ok: false; status: 413 | 422; message: string };

export interface ImportLimits {
  maxBytes: number;
  maxExpandedBytes: number;
  maxEntries: number;
  maxParagraphs: number;
  /** Characters of requirement text one import may answer with: bounds the response and its serialisation. */
  maxChars: number;
}

/** Each outcome is cut to this many characters and each heading to 200, so the response stays bounded too. */
export const MAX_REQUIREMENT_CHARS = 2000;
export const MAX_HEADING_CHARS = 200;

const mb = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
const count = (n: number) => n.toLocaleString('en-GB');

/** The wording a buyer sees for each refusal: what is wrong and what to do. */
export const refuse = {
  notWord: (): ImportOutcome => ({
    ok: false,
    status: 422,
    message: 'That file could not be read as a Word document (.docx). Save it again as .docx, or paste the text instead.',
  }),
  tooManyEntries: (limits: ImportLimits): ImportOutcome => ({
    ok: false,
    status: 422,
    message: `That Word document is made of more than ${count(limits.maxEntries)} parts, more than a specification needs. Save it again as .docx without embedded files, or paste the text instead.`,
  }),
  expandsTooFar: (limits: ImportLimits): ImportOutcome => ({
    ok: false,
    status: 413,
    message: `That Word document unpacks to more than ${mb(limits.maxExpandedBytes)}, which is more than we can import. Split it into smaller documents, or remove large images, and try again.`,
  }),
  sizesDoNotMatch: (): ImportOutcome => ({
    ok: false,
    status: 422,
    message:
      'That Word document is damaged: its contents do not match its own index. Save it again as .docx from Word, or paste the text instead.',
  }),
  tooManyParagraphs: (limits: ImportLimits): ImportOutcome => ({
    ok: false,
    status: 422,
    message: `That specification has more than ${count(limits.maxParagraphs)} paragraphs, more than we can import at once. Split it into smaller documents and import each.`,
  }),
  tooMuchText: (limits: ImportLimits): ImportOutcome => ({
    ok: false,
    status: 422,
    message: `That specification holds more than ${count(limits.maxChars)} characters of requirements, more than we can import at once. Split it into smaller documents and import each.`,
  }),
};

export const TOOK_TOO_LONG =
  'That document took too long to read, so we stopped. Split it into smaller documents, or paste the text instead.';
export const TOO_COMPLEX =
  'That document needs more memory to read than we allow, so we stopped. Split it into smaller documents, or paste the text instead.';
