import type { EntityManager } from 'typeorm';

/** What a tender is found by, each part already normalised by `indexText` (search-words.ts). */
export interface SearchDocument {
  title: string;
  summary: string;
  /** Every requirement outcome of the latest published version, one after another. */
  outcomes: string;
  buyer: string;
}

/** A subquery of the tenders matching a search, with columns `tender_id` and `rank` (lower is a better match), and its named parameters. */
export interface SearchMatches {
  sql: string;
  parameters: Record<string, unknown>;
}

/**
 * Full-text search over the public list, one interface for both databases: SQLite FTS5 in the embedded default
 * (`SqliteTenderSearch`) and PostgreSQL full-text search with DATABASE_URL (`PostgresTenderSearch`), chosen by the
 * data source's type. The index lives beside `published_tender` and is written in the publishing transaction.
 */
export abstract class TenderSearch {
  /** Puts (or replaces) the tender's entry, in the transaction `tx` that writes its listing. */
  abstract index(tx: EntityManager, tenderId: string, doc: SearchDocument): Promise<void>;

  /** Takes the tender's entry out, in the transaction `tx` that removes its listing. */
  abstract remove(tx: EntityManager, tenderId: string): Promise<void>;

  /**
   * The tenders matching every word (the last as a prefix too), each with its rank (lower is better). `words` come
   * from `searchWords`: letters and digits only, never query syntax, and they travel as a bound parameter.
   */
  abstract matches(words: readonly string[]): SearchMatches;
}
