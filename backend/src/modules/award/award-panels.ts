import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '@openbrief/contracts';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../../common/access/access.service';
import { DomainError } from '../../common/errors/domain.error';
import { PriceScoringError, ScoringInputError } from '@openbrief/scoring';
import type { PanelRecord } from '../evaluation/panel-record';
import { PanelRecords } from '../evaluation/panel-records.service';
import { PriceInvestigationRow } from './entities';
import { computeResults, type ComputedResults } from './results/evaluation-results';

/** A panel's records as the buying team may read or manage them, and the result computed from them. */
@Injectable()
export class AwardPanels {
  constructor(
    private readonly records: PanelRecords,
    private readonly access: AccessService,
  ) {}

  /** The panel's records, once the caller may do `action` to its tender (a panel exists only after opening). */
  async load(m: EntityManager, user: CurrentUser, panelId: string, action: 'evaluation.read' | 'evaluation.manage'): Promise<PanelRecord> {
    this.access.requireRole(user, action);
    const record = await this.records.load(m, panelId);
    this.access.require(user, action, {
      organisationId: record.tender.organisationId,
      status: record.tender.status,
      deadlinePassed: true,
      opened: true,
    });
    return record;
  }

  /** The result from the records and this module's investigations, read in `m`. */
  async compute(m: EntityManager, record: PanelRecord): Promise<ComputedResults> {
    const investigations = await m.find(PriceInvestigationRow, { where: { panelId: record.panelId }, order: { responseId: 'ASC' } });
    try {
      return computeResults(record, investigations);
    } catch (error) {
      // The scoring library refuses inputs the publish check should have kept out (e.g. no ceiling price): say so, never 500.
      if (!(error instanceof PriceScoringError || error instanceof ScoringInputError)) throw error;
      throw new DomainError('unprocessable', `The results cannot be worked out from the published evaluation model: ${error.message}`);
    }
  }
}
