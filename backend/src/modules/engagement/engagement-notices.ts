import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ENGAGEMENT_LIMITS, type EngagementNotice, type EngagementNoticePage } from '@openbrief/contracts';
import { type EntityManager, In, Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { decodeCursor, encodeCursor } from './engagement-cursor';
import { toNotice } from './engagement.mapper';
import { EngagementRegistrationRow, EngagementRow } from './entities';

/**
 * Published engagement notices, read-only: the public list and page, and a tender's notice for other modules (the
 * open-data module's planning release, UK2). Nothing here reads feedback or supplier names.
 */
@Injectable()
export class EngagementNotices {
  constructor(
    @InjectRepository(EngagementRow) private readonly rows: Repository<EngagementRow>,
    private readonly clock: Clock,
  ) {}

  /** The tender's published notice (open or closed), or null if it never had one. */
  async forTender(tenderId: string, tx?: EntityManager): Promise<EngagementNotice | null> {
    const m = tx ?? this.rows.manager;
    const row = await m.findOneBy(EngagementRow, { tenderId });
    return row ? toNotice(row, await this.registrations(m, row.id), this.clock.now()) : null;
  }

  /** One notice for anyone, open or closed: the notice only, registrations as a number. */
  async publicNotice(id: string): Promise<EngagementNotice> {
    const row = await this.rows.findOneBy({ id });
    if (!row) throw new NotFoundError('That engagement');
    return toNotice(row, await this.registrations(this.rows.manager, row.id), this.clock.now());
  }

  /** Engagements taking feedback now, newest first, keyset-paged on (published_at, id). */
  async openList(query: { limit?: number; cursor?: string } = {}): Promise<EngagementNoticePage> {
    const limit = query.limit ?? ENGAGEMENT_LIMITS.pageSize;
    const after = query.cursor === undefined || query.cursor === '' ? null : decodeCursor(query.cursor);
    if (query.cursor && !after) {
      throw new ValidationFailedError('cursor is not one this list gave out: start again from the first page.', [
        { field: 'cursor', message: 'Unknown cursor.' },
      ]);
    }
    const now = this.clock.now();
    const open = () => this.rows.createQueryBuilder('e').where("e.status = 'open'").andWhere('e.feedback_closes > :now', { now });
    const page = open();
    if (after) page.andWhere('(e.published_at, e.id) < (:at, :id)', { at: after.publishedAt, id: after.id });
    const rows = await page
      .orderBy('e.published_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const counts = await this.registrationCounts(items.map((r) => r.id));
    const last = items[items.length - 1];
    return {
      items: items.map((r) => toNotice(r, counts.get(r.id) ?? 0, now)),
      nextCursor: rows.length > limit && last ? encodeCursor({ publishedAt: last.publishedAt, id: last.id }) : null,
      total: await open().getCount(),
    };
  }

  private registrations(m: EntityManager, engagementId: string): Promise<number> {
    return m.countBy(EngagementRegistrationRow, { engagementId });
  }

  private async registrationCounts(ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await this.rows.manager
      .createQueryBuilder(EngagementRegistrationRow, 'r')
      .select('r.engagement_id', 'id')
      .addSelect('COUNT(*)', 'n')
      .where({ engagementId: In(ids) })
      .groupBy('r.engagement_id')
      .getRawMany<{ id: string; n: number | string }>();
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }
}
