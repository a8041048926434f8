import type { EntityManager } from 'typeorm';
import { type SearchDocument, type SearchMatches, TenderSearch } from './tender-search';

/**
 * PostgreSQL full-text search. `published_tender_search` holds one `tsvector` per tender (removed with its
 * listing by the foreign key), under a GIN index (migration 1764610000000). Configuration `simple` (lower case,
 * no stemming, no stop words), on text already folded as for SQLite (search-words.ts), so both databases find the
 * same tenders. Rank: ts_rank with the title weighted A, summary B, outcomes C, buyer D, divided by 1 + log(length).
 */
export class PostgresTenderSearch extends TenderSearch {
  async index(tx: EntityManager, tenderId: string, doc: SearchDocument): Promise<void> {
    await tx.query(
      `INSERT INTO published_tender_search (tender_id, document) VALUES ($1,
         setweight(to_tsvector('simple', $2), 'A') || setweight(to_tsvector('simple', $3), 'B') ||
         setweight(to_tsvector('simple', $4), 'C') || setweight(to_tsvector('simple', $5), 'D'))
       ON CONFLICT (tender_id) DO UPDATE SET document = excluded.document`,
      [tenderId, doc.title, doc.summary, doc.outcomes, doc.buyer],
    );
  }

  async remove(tx: EntityManager, tenderId: string): Promise<void> {
    await tx.query('DELETE FROM published_tender_search WHERE tender_id = $1', [tenderId]);
  }

  matches(words: readonly string[]): SearchMatches {
    // Each word quoted as a tsquery operand (letters and digits only, so it cannot end the quote); the last also as a prefix.
    const expression = words.map((w, i) => `'${w}'${i === words.length - 1 ? ':*' : ''}`).join(' & ');
    return {
      sql: `(SELECT d.tender_id AS tender_id, -ts_rank(d.document, to_tsquery('simple', :searchQuery), 1)::float8 AS rank
          FROM published_tender_search d
         WHERE d.document @@ to_tsquery('simple', :searchQuery))`,
      parameters: { searchQuery: expression },
    };
  }
}
