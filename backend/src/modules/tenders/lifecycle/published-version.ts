import {
  type LiveTenderFacts,
  type PublishedTenderRecord,
  type PublishedVersion,
  publishedTenderDetail,
  readPublishedRecord,
} from '@openbrief/contracts';
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { TenderVersion } from '../entities/tender-version.entity';

/**
 * A version row's record, checked: a record of a schema version this code does not know (or damaged by
 * hand) throws PublishedRecordError naming the version, instead of failing later in a page or a PDF.
 */
export function versionRecord(row: Pick<TenderVersion, 'tenderId' | 'version' | 'record'>): PublishedTenderRecord {
  return readPublishedRecord(row.record, `Version ${row.version} of tender ${row.tenderId}`);
}

/** What the API answers for a published version: the record's content, with the pack's hash once it is made. */
export function toPublishedVersion(record: PublishedTenderRecord, packSha256: string | null, live: LiveTenderFacts): PublishedVersion {
  return {
    version: record.version,
    publishedAt: record.publishedAt,
    changeNote: record.changeNote,
    packSha256,
    tender: publishedTenderDetail(record, live),
  };
}

/** SHA-256 of the record's canonical JSON (RFC 8785): the same record always gives the same hash. */
export function recordSha256(record: PublishedTenderRecord): string {
  return createHash('sha256').update(canonicalize(record)!, 'utf8').digest('hex');
}
