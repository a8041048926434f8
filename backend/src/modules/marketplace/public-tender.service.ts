import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type PublishedTenderSummary, TenderStatus } from '@openbrief/contracts';
import { In, Repository } from 'typeorm';
import { NotFoundError } from '../../common/errors/domain.error';
import { Tender } from '../tenders/entities/tender.entity';

/** Statuses in which a tender has been published and stays visible to everyone. */
const PUBLIC_STATUSES = [TenderStatus.Published, TenderStatus.Closed, TenderStatus.Evaluating, TenderStatus.Awarded];

@Injectable()
export class PublicTenderService {
  constructor(@InjectRepository(Tender) private readonly tenders: Repository<Tender>) {}

  async list(): Promise<PublishedTenderSummary[]> {
    const rows = await this.tenders.find({
      where: { status: In(PUBLIC_STATUSES) },
      relations: { organisation: true },
      order: { publishedAt: 'DESC' },
    });
    return rows.map(toSummary);
  }

  /** Drafts and tenders of any status the public may not see are "not found", never "forbidden". */
  async get(id: string): Promise<PublishedTenderSummary> {
    const tender = await this.tenders.findOne({
      where: { id, status: In(PUBLIC_STATUSES) },
      relations: { organisation: true },
    });
    if (!tender) throw new NotFoundError('That tender');
    return toSummary(tender);
  }
}

function toSummary(t: Tender): PublishedTenderSummary {
  return {
    id: t.id,
    reference: t.reference,
    title: t.title,
    buyerName: t.organisation?.name ?? '',
    summary: t.summary,
    estimatedValue: t.estimatedValue,
    currency: t.currency,
    submissionDeadline: t.submissionDeadline?.toISOString() ?? null,
    publishedAt: (t.publishedAt ?? t.updatedAt).toISOString(),
    version: t.publishedVersion,
  };
}
