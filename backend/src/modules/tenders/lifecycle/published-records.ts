import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { PublishedTenderRecord } from '@openbrief/contracts';
import { type EntityManager, Repository } from 'typeorm';
import { TenderVersion } from '../entities/tender-version.entity';
import { Tender } from '../entities/tender.entity';
import { versionRecord } from './published-version';

/**
 * Read-only access to what has been published, for the public side (marketplace): the tenders the
 * public may read and their version rows. Only this module writes them.
 */
@Injectable()
export class PublishedRecords {
  constructor(
    @InjectRepository(Tender) private readonly tenders: Repository<Tender>,
    @InjectRepository(TenderVersion) private readonly versions: Repository<TenderVersion>,
  ) {}

  /** The tender row, whatever its status: whether the public may read it is the access policy's question (`public.read`). */
  tender(id: string): Promise<Tender | null> {
    return this.tenders.findOneBy({ id });
  }

  versionRow(tenderId: string, version: number): Promise<TenderVersion | null> {
    return this.versions.findOneBy({ tenderId, version });
  }

  /** Each version's number, time and note, oldest first: the records themselves stay unread. */
  changeLog(tenderId: string): Promise<Pick<TenderVersion, 'version' | 'publishedAt' | 'changeNote'>[]> {
    return this.versions.find({
      where: { tenderId },
      select: { version: true, publishedAt: true, changeNote: true },
      order: { version: 'ASC' },
    });
  }

  /** A version's record, read in the transaction `tx` (e.g. the one publishing it, by an in-transaction subscriber); null if there is no such version. */
  async record(tx: EntityManager, tenderId: string, version: number): Promise<PublishedTenderRecord | null> {
    const row = await tx.findOneBy(TenderVersion, { tenderId, version });
    return row && versionRecord(row);
  }

  /** For the open data: the tender an OCDS ocid names (`tender.ocid`, unique), whatever its status. */
  tenderByOcid(ocid: string): Promise<Tender | null> {
    return this.tenders.findOneBy({ ocid });
  }

  /** For the open data: every version row of a tender, oldest first. */
  versionRows(tenderId: string): Promise<TenderVersion[]> {
    return this.versions.find({ where: { tenderId }, order: { version: 'ASC' } });
  }

  /**
   * For the open data feed: version rows of tenders in `statuses`, newest publication first (then by row id),
   * published within [from, to], strictly after the keyset `after` in that order.
   */
  versionsFeed(q: {
    statuses: readonly string[];
    from?: Date;
    to?: Date;
    after?: { at: Date; id: string; inclusive: boolean };
    limit: number;
  }): Promise<(TenderVersion & { tender: Tender })[]> {
    const query = this.versions
      .createQueryBuilder('v')
      .innerJoinAndSelect('v.tender', 't')
      .where('t.status IN (:...statuses)', { statuses: [...q.statuses] });
    if (q.from) query.andWhere('v.published_at >= :from', { from: q.from });
    if (q.to) query.andWhere('v.published_at <= :to', { to: q.to });
    if (q.after?.inclusive) query.andWhere('v.published_at <= :at', { at: q.after.at });
    else if (q.after) query.andWhere('(v.published_at < :at OR (v.published_at = :at AND v.id < :id))', { at: q.after.at, id: q.after.id });
    return query.orderBy('v.publishedAt', 'DESC').addOrderBy('v.id', 'DESC').limit(q.limit).getMany() as Promise<
      (TenderVersion & { tender: Tender })[]
    >;
  }
}
