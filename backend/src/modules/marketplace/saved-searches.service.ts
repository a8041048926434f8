import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CurrentUser,
  type PublishedTenderSummary,
  type SavedSearch,
  type SavedSearchList,
  type SavedSearchQuery,
  type SavedSearchWithFeed,
  SAVED_SEARCH_LIMIT,
} from '@openbrief/contracts';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { ConflictError, NotFoundError } from '../../common/errors/domain.error';
import { SETTINGS, type Settings } from '../../config/settings';
import { Transactions } from '../../database/transactions';
import { FEED_ENTRIES } from './atom-feed';
import type { CreateSavedSearchDto, UpdateSavedSearchDto } from './dto/saved-search.dto';
import { SavedSearchRow } from './entities/saved-search.entity';
import { PublicTenderService } from './public-tender.service';

/** The query fields a saved search keeps, in the order its canonical JSON lists them. */
const QUERY_FIELDS = ['q', 'buyer', 'category', 'region', 'value', 'closingFrom', 'closingTo', 'state', 'sme'] as const;
const NOT_FOUND = 'That saved search';

/**
 * A supplier's saved searches of the public list: kept per person, at most SAVED_SEARCH_LIMIT each; anyone else's is
 * "not found". The feed's token is random, shown once, and kept as its SHA-256 (a leaked table gives no feed addresses).
 */
@Injectable()
export class SavedSearches {
  constructor(
    @InjectRepository(SavedSearchRow) private readonly rows: Repository<SavedSearchRow>,
    private readonly publicTenders: PublicTenderService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async list(user: CurrentUser): Promise<SavedSearchList> {
    const rows = await this.rows.find({ where: { userId: user.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return { items: rows.map(toSavedSearch) };
  }

  async create(user: CurrentUser, dto: CreateSavedSearchDto): Promise<SavedSearchWithFeed> {
    const token = newToken();
    const row = await this.transactions.run(async (tx) => {
      // Two saves at once by the same person count one after the other.
      await this.transactions.lock(tx, `saved-search:${user.id}`);
      if ((await tx.countBy(SavedSearchRow, { userId: user.id })) >= SAVED_SEARCH_LIMIT) {
        throw new ConflictError(`You can keep up to ${SAVED_SEARCH_LIMIT} saved searches. Delete one you no longer need first.`);
      }
      const created = tx.create(SavedSearchRow, {
        id: randomUUID(),
        userId: user.id,
        organisationId: user.organisation.id,
        name: dto.name,
        query: canonicalQuery(dto.query),
        alerts: dto.alerts ?? true,
        feedTokenHash: hashOf(token),
        createdAt: this.clock.now(),
        lastAlertedAt: null,
      });
      await tx.insert(SavedSearchRow, created);
      return created;
    });
    return { ...toSavedSearch(row), feedPath: feedPath(row.id, token) };
  }

  async update(user: CurrentUser, id: string, dto: UpdateSavedSearchDto): Promise<SavedSearch | SavedSearchWithFeed> {
    const row = await this.own(user, id);
    if (dto.name !== undefined) row.name = dto.name;
    if (dto.alerts !== undefined) row.alerts = dto.alerts;
    const token = dto.renewFeedToken ? newToken() : null;
    if (token) row.feedTokenHash = hashOf(token);
    await this.rows.update({ id: row.id, userId: user.id }, { name: row.name, alerts: row.alerts, feedTokenHash: row.feedTokenHash });
    return token ? { ...toSavedSearch(row), feedPath: feedPath(row.id, token) } : toSavedSearch(row);
  }

  async remove(user: CurrentUser, id: string): Promise<void> {
    const { affected } = await this.rows.delete({ id, userId: user.id });
    if (!affected) throw new NotFoundError(NOT_FOUND);
  }

  /** The saved search and its newest matches, for a feed reader holding the token; any other token is "not found". */
  async feed(id: string, token: string): Promise<{ search: SavedSearch; items: PublishedTenderSummary[] }> {
    const row = await this.rows.findOneBy({ id });
    if (!row || !sameHash(row.feedTokenHash, hashOf(token))) throw new NotFoundError(NOT_FOUND);
    const page = await this.publicTenders.list({ ...parseQuery(row.query), sort: 'newest', limit: FEED_ENTRIES });
    return { search: toSavedSearch(row), items: page.items };
  }

  get publicUrl(): string {
    return this.settings.mail.publicUrl;
  }

  private async own(user: CurrentUser, id: string): Promise<SavedSearchRow> {
    const row = await this.rows.findOneBy({ id, userId: user.id });
    if (!row) throw new NotFoundError(NOT_FOUND);
    return row;
  }
}

/** The search's words and filters as canonical JSON: fixed key order, nothing unset, no page, size or order. */
export function canonicalQuery(query: SavedSearchQuery): string {
  const kept: Record<string, unknown> = {};
  for (const field of QUERY_FIELDS) if (query[field] !== undefined && query[field] !== null) kept[field] = query[field];
  return JSON.stringify(kept);
}

/** The search as the list page's query string ("q=roads&sme=true"), empty for no search. */
export function queryString(query: SavedSearchQuery): string {
  return new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
}

export function parseQuery(json: string): SavedSearchQuery {
  return JSON.parse(json) as SavedSearchQuery;
}

function toSavedSearch(row: SavedSearchRow): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    query: parseQuery(row.query),
    alerts: row.alerts,
    createdAt: row.createdAt.toISOString(),
    lastAlertedAt: row.lastAlertedAt?.toISOString() ?? null,
  };
}

const newToken = () => randomBytes(32).toString('base64url');
const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const feedPath = (id: string, token: string) => `/api/v1/saved-searches/${id}/feed.atom?token=${token}`;
