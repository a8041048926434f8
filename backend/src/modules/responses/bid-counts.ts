import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { VatBasis } from '@openbrief/contracts';
import type { Repository } from 'typeorm';
import { ResponseSubmissionRow, SupplierResponseRow } from './entities';
import { ResponseSeal, SEAL_PLACES } from './sealing/response-seal';
import type { SealedSubmission } from './sealing/sealed-shapes';

/**
 * Read-only, for the open data once a tender's deadline has passed (the caller decides when): which organisations
 * submitted a counted response to each lot, and an awarded response's price. Nothing else of a response leaves here.
 */
@Injectable()
export class BidCounts {
  constructor(
    @InjectRepository(SupplierResponseRow) private readonly responses: Repository<SupplierResponseRow>,
    private readonly seal: ResponseSeal,
  ) {}

  /** Each submitted (not withdrawn) response's lot and organisation. */
  async submitted(tenderId: string): Promise<{ lotId: string; organisationId: string }[]> {
    return this.responses.find({ where: { tenderId, status: 'submitted' }, select: { id: true, lotId: true, organisationId: true } });
  }

  /** The total price of a response's counting submission (its latest, not withdrawn); null if none counts. */
  async price(responseId: string): Promise<{ total: number; currency: string; vatBasis: VatBasis } | null> {
    const m = this.responses.manager;
    const response = await m.findOneBy(SupplierResponseRow, { id: responseId });
    const last = await m.findOne(ResponseSubmissionRow, { where: { responseId }, order: { sequence: 'DESC' } });
    if (!response || !last || last.withdrawnAt !== null) return null;
    const sealed = await this.seal.openJson<SealedSubmission>(response.dataKeyId, last.snapshot, SEAL_PLACES.submission(last.id), m);
    return { total: sealed.content.price.total, currency: sealed.content.price.currency, vatBasis: sealed.content.price.vatBasis };
  }
}
