import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type ItlRegion,
  PUBLIC_TENDER_PAGE_SIZE,
  type ProcurementCategory,
  type PublicTenderSearch,
  type PublishedTenderPage,
  type PublishedTenderSummary,
  type PublishedTenderView,
  type PublishedVersion,
  type SmeSuitabilityReason,
  type TenderOpenness,
} from '@openbrief/contracts';
import { type DataSource, type EntityManager, In, type Repository, type SelectQueryBuilder } from 'typeorm';
import { AccessService } from '../../common/access/access.service';
import { Clock } from '../../common/clock/clock';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import type { TenderVersion } from '../tenders/entities/tender-version.entity';
import type { Tender } from '../tenders/entities/tender.entity';
import { PublishedRecords } from '../tenders/lifecycle/published-records';
import { toPublishedVersion, versionRecord } from '../tenders/lifecycle/published-version';
import { PublishedTender } from './entities/published-tender.entity';
import { decodeCursor, encodeCursor, type PublicListCursor } from './public-list-cursor';
import { regionsOf } from './public-listing';
import { cursorKey, listSearch, matchingQuery, pageOf, searchFingerprint, stateOf } from './search/public-search';
import { TenderSearch } from './search/tender-search';

const BAD_CURSOR = 'cursor is not one this list gave out: start again from the first page.';

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
    private readonly search: TenderSearch,
    private readonly clock: Clock,
  ) {}

  /**
   * One page of the list: the tenders matching the words and filters, in the chosen order, read from the
   * summary rows along the sort's index (docs/search.md), so the work per request is bounded by the page
   * size for the keyset sorts, whatever the number of published tenders. `total` counts every match.
   */
  async list(query: PublicTenderSearch = {}): Promise<PublishedTenderPage> {
    const limit = query.limit ?? PUBLIC_TENDER_PAGE_SIZE;
    const search = listSearch(query);
    const fingerprint = searchFingerprint(search);
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    // The query DTO has refused a malformed cursor already; one made for another search or sort is refused here.
    if (query.cursor !== undefined && (!after || after.sort !== search.sort || after.search !== fingerprint)) {
      throw new ValidationFailedError(`Please check cursor: ${BAD_CURSOR}`, [{ field: 'cursor', message: BAD_CURSOR }]);
    }
    const now = this.clock.now();
    const manager = this.listings.manager;
    const rows =
      search.sort === 'relevance'
        ? await this.ranked(pageOf(matchingQuery(manager, this.search, search, now, true), 'relevance', after, limit + 1))
        : await pageOf(matchingQuery(manager, this.search, search, now), search.sort, after, limit + 1).getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const read = (after?.sort === 'relevance' ? after.key : 0) + items.length;
    return {
      items: items.map((p) => toSummary(p, now)),
      nextCursor:
        rows.length > limit
          ? encodeCursor({ sort: search.sort, search: fingerprint, key: cursorKey(search.sort, last, read), tenderId: last.tenderId })
          : null,
      total: await countOf(matchingQuery(manager, this.search, search, now)),
    };
  }

  /** The rows of a "best match" page, in the order the ranked query gave their ids. */
  private async ranked(query: SelectQueryBuilder<PublishedTender>): Promise<PublishedTender[]> {
    const ids = (await query.getRawMany<{ tender_id: string }>()).map((r) => r.tender_id);
    const rows = new Map((await this.listings.findBy({ tenderId: In(ids) })).map((r) => [r.tenderId, r]));
    // A row removed between the two reads (a cancellation) is simply left out.
    return ids.flatMap((id) => rows.get(id) ?? []);
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
      openness: await this.openness(id),
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

  /** The checker's verdict, made at publication and kept on the listing row. */
  private async openness(id: string): Promise<TenderOpenness> {
    const row = await this.listings.findOne({
      where: { tenderId: id },
      select: { tenderId: true, opennessScore: true, readingAge: true, smeSuitable: true, smeReasons: true },
    });
    if (!row) throw new NotFoundError('That tender');
    return toOpenness(row);
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
 * The unfiltered list, newest publication first, ties broken by id: the plan the public list's tests EXPLAIN.
 * The row-value comparison lets SQLite and PostgreSQL start the scan of `ix_published_tender_order` at the
 * cursor and read it backwards, sorting nothing.
 */
export function pageQuery(source: DataSource | EntityManager, after: { publishedAt: Date; tenderId: string } | null, take: number) {
  const cursor: PublicListCursor | null = after && {
    sort: 'newest',
    search: '',
    key: after.publishedAt.getTime(),
    tenderId: after.tenderId,
  };
  return pageOf(source.createQueryBuilder(PublishedTender, 'p'), 'newest', cursor, take);
}

/** How many rows match: a plain COUNT(*) (getCount would count DISTINCT ids, which the primary key makes needless and 50,000 rows make slow). */
async function countOf(q: SelectQueryBuilder<PublishedTender>): Promise<number> {
  const row = await q.select('COUNT(*)', 'n').getRawOne<{ n: number | string }>();
  return Number(row?.n ?? 0);
}

function toSummary(p: PublishedTender, now: Date): PublishedTenderSummary {
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
    mainCategory: p.mainCategory as ProcurementCategory,
    regions: regionsOf(p.regions) as ItlRegion[],
    state: stateOf(p, now),
    suitableForSmallSuppliers: p.smeSuitable,
  };
}

function toOpenness(p: Pick<PublishedTender, 'opennessScore' | 'readingAge' | 'smeSuitable' | 'smeReasons'>): TenderOpenness {
  return {
    score: p.opennessScore,
    readingAge: p.readingAge,
    suitableForSmallSuppliers: p.smeSuitable,
    reasons: JSON.parse(p.smeReasons) as SmeSuitabilityReason[],
  };
}
