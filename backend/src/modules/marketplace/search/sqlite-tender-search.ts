import type { EntityManager } from 'typeorm';
import { type SearchDocument, type SearchMatches, TenderSearch } from './tender-search';

/**
 * SQLite FTS5. `published_tender_search` holds each tender's normalised text (one row per tender, unique on
 * tender_id, removed with its listing by the foreign key); the FTS5 table `published_tender_fts` indexes it as
 * external content, kept in step by triggers (migration 1764610000000). Tokeniser `unicode61` with
 * `remove_diacritics 0`: the text is already folded the same way for both databases (search-words.ts).
 * Rank: bm25 with the title weighted above the summary, outcomes and buyer.
 */
export class SqliteTenderSearch extends TenderSearch {
  async index(tx: EntityManager, tenderId: string, doc: SearchDocument): Promise<void> {
    await tx.query(
      `INSERT INTO published_tender_search (tender_id, title, summary, outcomes, buyer) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (tender_id) DO UPDATE SET title = excluded.title, summary = excluded.summary, outcomes = excluded.outcomes, buyer = excluded.buyer`,
      [tenderId, doc.title, doc.summary, doc.outcomes, doc.buyer],
    );
  }

  async remove(tx: EntityManager, tenderId: string): Promise<void> {
    await tx.query('DELETE FROM published_tender_search WHERE tender_id = ?', [tenderId]);
  }

  matches(words: readonly string[]): SearchMatches {
    // Each word quoted (it holds only letters and digits, so it cannot end the quote); the last also as a prefix.
    const expression = words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
    return {
      sql: `(SELECT d.tender_id AS tender_id, bm25(published_tender_fts, 8.0, 3.0, 2.0, 1.0) AS rank
          FROM published_tender_fts JOIN published_tender_search d ON d.id = published_tender_fts.rowid
         WHERE published_tender_fts MATCH :searchMatch)`,
      parameters: { searchMatch: expression },
    };
  }
}
