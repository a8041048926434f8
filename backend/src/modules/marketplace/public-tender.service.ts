import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  PUBLIC_TENDER_PAGE_SIZE,
  type PublishedTenderPage,
  type PublishedTenderSummary,
  type PublishedTenderView,
  type PublishedVersion,
} from '@openbrief/contracts';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { AccessService } from '../../common/access/access.service';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import type { TenderVersion } from '../tenders/entities/tender-version.entity';
import type { Tender } from '../tenders/entities/tender.entity';
import { PublishedRecords } from '../tenders/lifecycle/published-records';
import { toPublishedVersion, versionRecord } from '../tenders/lifecycle/published-version';
import { PublishedTender } from './entities/published-tender.entity';
import { decodeCursor, encodeCursor, type PublicListCursor } from './public-list-cursor';

/**
 * The public reads published records only, never the working copy: a buyer's unpublished edits
 * to a live tender stay private until they publish the next version.
 */
@Injectable()
export class PublicTenderService {
  constructor(
    @InjectRepository(PublishedTender) private readonly listings: Repository<PublishedTender>,
    private readonly records: PublishedRecords,
    private readonly access: AccessService,
  ) {}

  /**
   * One page of the list, read from the summary rows along their index: the work per request is
   * bounded by the page size, whatever the number of published tenders.
   */
  async list(query: { limit?: number; cursor?: string } = {}): Promise<PublishedTenderPage> {
    const limit = query.limit ?? PUBLIC_TENDER_PAGE_SIZE;
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    // The query DTO has refused a bad cursor already; this keeps the service safe when called directly.
    if (query.cursor !== undefined && !after) {
      throw new ValidationFailedError('cursor is not one this list gave out: start again from the first page.', [
        { field: 'cursor', message: 'Unknown cursor.' },
      ]);
    }
    const rows = await pageQuery(this.listings.manager, after, limit + 1).getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toSummary),
      nextCursor: rows.length > limit ? encodeCursor({ publishedAt: last.publishedAt, tenderId: last.tenderId }) : null,
      total: await this.listings.count(),
    };
  }

  async get(id: string): Promise<PublishedTenderView> {
    const tender = await this.publicTender(id);
    if (!tender) throw new NotFoundError('That tender');
    // The log needs only each version's number, time and note: the records themselves stay unread.
    const versions = await this.records.changeLog(id);
    const latest = await this.records.versionRow(id, tender.publishedVersion);
    if (!latest) throw new NotFoundError('That tender');
    return {
      ...toPublished(latest, tender),
      changeLog: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString(), changeNote: v.changeNote })),
    };
  }

  /** A published version's row (latest when no number is given), for downloads. */
  async versionRow(id: string, version?: number): Promise<TenderVersion> {
    const tender = await this.publicTender(id);
    const row = tender && (await this.records.versionRow(id, version ?? tender.publishedVersion));
    if (!row) throw new NotFoundError(version ? `Version ${version} of that tender` : 'That tender');
    return row;
  }

  async version(id: string, version: number): Promise<PublishedVersion> {
    const tender = await this.publicTender(id);
    const row = tender && (await this.records.versionRow(id, version));
    if (!tender || !row) throw new NotFoundError(`Version ${version} of that tender`);
    return toPublished(row, tender);
  }

  /** The tender, if the public may read it (published, or closed and later); null otherwise. */
  private async publicTender(id: string): Promise<Tender | null> {
    const tender = await this.records.tender(id);
    // The same record for everyone, signed in or not: the rule is asked as for someone with no account.
    return tender && this.access.can(null, 'public.read', tender) ? tender : null;
  }
}

/** The record's content as published; the live status (closed, awarded…) comes from the tender. */
function toPublished(v: TenderVersion, tender: Tender): PublishedVersion {
  return toPublishedVersion(versionRecord(v), v.packSha256, { status: tender.status, createdAt: tender.createdAt.toISOString() });
}

/**
 * Newest publication first, ties broken by id. The row-value comparison lets SQLite and PostgreSQL
 * start the scan of `ix_published_tender_order` at the cursor and read it backwards, sorting nothing.
 */
export function pageQuery(source: DataSource | EntityManager, after: PublicListCursor | null, take: number) {
  const q = source.createQueryBuilder(PublishedTender, 'p');
  if (after) q.where('(p.published_at, p.tender_id) < (:at, :id)', { at: after.publishedAt, id: after.tenderId });
  return q.orderBy('p.published_at', 'DESC').addOrderBy('p.tender_id', 'DESC').limit(take);
}

function toSummary(p: PublishedTender): PublishedTenderSummary {
  return {
    id: p.tenderId,
    reference: p.reference,
    title: p.title,
    buyerName: p.buyerName,
    summary: p.summary,
    estimatedValue: p.estimatedValue,
    currency: p.currency,
    submissionDeadline: p.submissionDeadline?.toISOString() ?? null,
    publishedAt: p.publishedAt.toISOString(),
    version: p.version,
  };
}
