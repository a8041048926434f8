import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser, TenderListItem } from '@openbrief/contracts';
import { Repository } from 'typeorm';
import { Tender } from './entities/tender.entity';

@Injectable()
export class TenderService {
  constructor(@InjectRepository(Tender) private readonly tenders: Repository<Tender>) {}

  /** A buyer sees only its own organisation's tenders. */
  async listForOrganisation(user: CurrentUser): Promise<TenderListItem[]> {
    const rows = await this.tenders.find({
      where: { organisationId: user.organisation.id },
      order: { updatedAt: 'DESC' },
    });
    return rows.map((t) => ({
      id: t.id,
      reference: t.reference,
      title: t.title,
      status: t.status,
      updatedAt: t.updatedAt.toISOString(),
      submissionDeadline: t.submissionDeadline?.toISOString() ?? null,
    }));
  }
}
