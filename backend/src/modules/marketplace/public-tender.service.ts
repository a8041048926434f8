import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PUBLIC_TENDER_STATUSES, type PublishedTenderSummary, type PublishedTenderView, type PublishedVersion } from '@openbrief/contracts';
import { DataSource, In } from 'typeorm';
import { NotFoundError } from '../../common/errors/domain.error';
import { TenderVersion } from '../tenders/entities/tender-version.entity';
import { Tender } from '../tenders/entities/tender.entity';

/**
 * The public reads published snapshots only, never the working copy: a buyer's unpublished edits
 * to a live tender stay private until they publish the next version.
 */
@Injectable()
export class PublicTenderService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<PublishedTenderSummary[]> {
    const rows = await this.dataSource
      .getRepository(TenderVersion)
      .createQueryBuilder('v')
      .innerJoin(Tender, 't', 't.id = v.tender_id AND t.published_version = v.version')
      .where('t.status IN (:...statuses)', { statuses: PUBLIC_TENDER_STATUSES })
      .orderBy('v.published_at', 'DESC')
      .getMany();
    return rows.map(toSummary);
  }

  async get(id: string): Promise<PublishedTenderView> {
    const tender = await this.dataSource.getRepository(Tender).findOneBy({ id, status: In(PUBLIC_TENDER_STATUSES as string[]) });
    if (!tender) throw new NotFoundError('That tender');
    const versions = await this.dataSource.getRepository(TenderVersion).find({ where: { tenderId: id }, order: { version: 'ASC' } });
    const latest = versions.find((v) => v.version === tender.publishedVersion);
    if (!latest) throw new NotFoundError('That tender');
    return {
      ...toPublished(latest, tender),
      changeLog: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString(), changeNote: v.changeNote })),
    };
  }

  /** A published version's row (latest when no number is given), for downloads. */
  async versionRow(id: string, version?: number): Promise<TenderVersion> {
    const tender = await this.dataSource.getRepository(Tender).findOneBy({ id, status: In(PUBLIC_TENDER_STATUSES as string[]) });
    const row = tender && (await this.dataSource.getRepository(TenderVersion).findOneBy({ tenderId: id, version: version ?? tender.publishedVersion }));
    if (!row) throw new NotFoundError(version ? `Version ${version} of that tender` : 'That tender');
    return row;
  }

  async version(id: string, version: number): Promise<PublishedVersion> {
    const tender = await this.dataSource.getRepository(Tender).findOneBy({ id, status: In(PUBLIC_TENDER_STATUSES as string[]) });
    const row = tender && (await this.dataSource.getRepository(TenderVersion).findOneBy({ tenderId: id, version }));
    if (!tender || !row) throw new NotFoundError(`Version ${version} of that tender`);
    return toPublished(row, tender);
  }
}

/** The snapshot's status is as published; the live status (closed, awarded…) comes from the tender. */
function toPublished(v: TenderVersion, tender: Tender): PublishedVersion {
  return {
    version: v.version,
    publishedAt: v.publishedAt.toISOString(),
    changeNote: v.changeNote,
    packSha256: v.packSha256,
    tender: { ...v.snapshot, status: tender.status },
  };
}

function toSummary(v: TenderVersion): PublishedTenderSummary {
  const t = v.snapshot;
  return {
    id: t.id,
    reference: t.reference,
    title: t.title,
    buyerName: t.buyer.name,
    summary: t.summary,
    estimatedValue: t.estimatedValue,
    currency: t.budget.currency,
    submissionDeadline: t.timetable.submissionDeadline,
    publishedAt: v.publishedAt.toISOString(),
    version: v.version,
  };
}
