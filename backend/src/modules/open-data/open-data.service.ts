import { Inject, Injectable } from '@nestjs/common';
import { OCDS_FEED_PAGE_SIZE, OCDS_ROUTES, PUBLIC_TENDER_STATUSES } from '@openbrief/contracts';
import { type OcdsRecordPackage, type OcdsReleasePackage, type PackageMeta, recordPackage, releasePackage } from '@openbrief/ocds';
import { Clock } from '../../common/clock/clock';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { SETTINGS, type Settings } from '../../config/settings';
import { AwardNotices, type AwardFeedKind } from '../award/award-notices';
import type { Tender } from '../tenders/entities/tender.entity';
import { PublishedRecords } from '../tenders/lifecycle/published-records';
import type { ReleaseFeedQueryDto } from './dto/release-feed.query';
import { decodeFeedCursor, encodeFeedCursor, type FeedCursor } from './feed-cursor';
import { FEED_RANK, type KeyedRelease, TenderReleases } from './tender-releases';

/** One candidate of a feed page, before its release is built: its place in the order and its tender. */
interface FeedKey {
  at: Date;
  rank: number;
  id: string;
  tenderId: string;
}

/**
 * The open data API: a release package and a record package per ocid, and the feed of every public release. Reads
 * only what other modules publish, through their read-only services (docs/open-data.md).
 */
@Injectable()
export class OpenDataService {
  constructor(
    private readonly releases: TenderReleases,
    private readonly records: PublishedRecords,
    private readonly awards: AwardNotices,
    private readonly clock: Clock,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async releasePackage(ocid: string): Promise<OcdsReleasePackage> {
    const all = await this.ofOcid(ocid);
    return releasePackage(
      all.map((k) => k.release),
      this.meta(OCDS_ROUTES.releases(ocid)),
    );
  }

  async recordPackage(ocid: string): Promise<OcdsRecordPackage> {
    const all = await this.ofOcid(ocid);
    return recordPackage(
      all.map((k) => k.release),
      this.meta(OCDS_ROUTES.record(ocid)),
    );
  }

  /**
   * One page of every public release, newest first (by date, then source, then row), within the dates asked for. The
   * three sources (published versions, award notices, contracts) are read along their keysets, at most a page and one
   * more each, and merged; `links.next` carries the last release's key.
   */
  async feed(query: ReleaseFeedQueryDto): Promise<OcdsReleasePackage> {
    const limit = query.limit ?? OCDS_FEED_PAGE_SIZE;
    const from = query.updatedFrom ? new Date(query.updatedFrom) : undefined;
    const to = query.updatedTo ? new Date(query.updatedTo) : undefined;
    if (from && to && from.getTime() > to.getTime())
      throw new ValidationFailedError('updatedFrom must not be after updatedTo.', [{ field: 'updatedFrom', message: 'After updatedTo.' }]);
    const cursor = query.cursor === undefined ? null : decodeFeedCursor(query.cursor);
    if (query.cursor !== undefined && !cursor)
      throw new ValidationFailedError('cursor is not one this feed gave out: start again from the first page.', [
        { field: 'cursor', message: 'Unknown cursor.' },
      ]);

    const keys = await this.feedKeys(limit + 1, from, to, cursor);
    const page = keys.slice(0, limit);
    const built = new Map<string, KeyedRelease[] | null>();
    const releases = [];
    for (const key of page) {
      if (!built.has(key.tenderId)) built.set(key.tenderId, await this.publicReleases(key.tenderId));
      const found = built.get(key.tenderId)?.find((r) => r.rank === key.rank && r.id === key.id && r.at.getTime() === key.at.getTime());
      if (found) releases.push(found.release);
    }
    const last = page[page.length - 1];
    const pkg = releasePackage(releases, {
      ...this.meta(OCDS_ROUTES.feed(), feedQuery(query, limit)),
      publishedDate: releases.length ? undefined : this.clock.now().toISOString(),
    });
    if (keys.length > limit && last)
      pkg.links = { next: this.url(OCDS_ROUTES.feed(), feedQuery({ ...query, cursor: encodeFeedCursor(last) }, limit)) };
    return pkg;
  }

  private async ofOcid(ocid: string): Promise<KeyedRelease[]> {
    const tender = await this.releases.publicTenderByOcid(ocid);
    const all = tender && (await this.releases.of(tender));
    if (!all?.length) throw new NotFoundError('That tender');
    return all;
  }

  private async publicReleases(tenderId: string): Promise<KeyedRelease[] | null> {
    const tender: Tender | null = await this.releases.publicTender(tenderId);
    return tender && this.releases.of(tender);
  }

  /** The next `take` keys of the three sources after `cursor`, in the feed's order. */
  private async feedKeys(take: number, from: Date | undefined, to: Date | undefined, cursor: FeedCursor | null): Promise<FeedKey[]> {
    // After the cursor (at, rank, id) in descending order: a source of lower rank may still list releases of the same
    // instant, one of higher rank only earlier ones, and the cursor's own source those after its id.
    const after = (rank: number) =>
      cursor ? { at: cursor.at, id: rank === cursor.rank ? cursor.id : '', inclusive: rank < cursor.rank } : undefined;
    const versions = await this.records.versionsFeed({
      statuses: PUBLIC_TENDER_STATUSES,
      from,
      to,
      after: after(FEED_RANK.version),
      limit: take,
    });
    const notices = await this.awards.feed('notice', { from, to, after: after(FEED_RANK.award), limit: take });
    const contracts = await this.awards.feed('contract', { from, to, after: after(FEED_RANK.contract), limit: take });
    const award = (kind: AwardFeedKind) => (n: (typeof notices)[number]) => ({
      at: kind === 'notice' ? n.noticePublishedAt : n.contractEnteredAt!,
      rank: kind === 'notice' ? FEED_RANK.award : FEED_RANK.contract,
      id: n.awardId,
      tenderId: n.tenderId,
    });
    const keys: FeedKey[] = [
      ...contracts.map(award('contract')),
      ...notices.map(award('notice')),
      ...versions.map((v) => ({ at: v.publishedAt, rank: FEED_RANK.version, id: v.id, tenderId: v.tenderId })),
    ];
    // Each source is already in its own order (by id within an instant, as its database sorts); a stable sort by
    // instant and rank keeps it.
    return keys.sort((a, b) => b.at.getTime() - a.at.getTime() || b.rank - a.rank).slice(0, take);
  }

  private meta(path: string, query?: URLSearchParams): PackageMeta {
    return {
      uri: this.url(path, query),
      publisher: { name: 'Openbrief', uri: this.settings.mail.publicUrl },
    };
  }

  private url(path: string, query?: URLSearchParams): string {
    const q = query?.toString();
    return `${this.settings.mail.publicUrl}/api/v1${path}${q ? `?${q}` : ''}`;
  }
}

function feedQuery(query: ReleaseFeedQueryDto, limit: number): URLSearchParams {
  const q = new URLSearchParams();
  if (query.updatedFrom) q.set('updatedFrom', query.updatedFrom);
  if (query.updatedTo) q.set('updatedTo', query.updatedTo);
  if (query.cursor) q.set('cursor', query.cursor);
  q.set('limit', String(limit));
  return q;
}
