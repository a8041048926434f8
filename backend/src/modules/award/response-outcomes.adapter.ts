import { Injectable } from '@nestjs/common';
import { API_PREFIX, EVALUATION_ROUTES, type ResponseOutcome } from '@openbrief/contracts';
import { type EntityManager, In } from 'typeorm';
import type { ResponseOutcomes } from '../responses/response-outcomes.port';
import { AssessmentSummaryRow } from './entities';

/** The responses module's ResponseOutcomes port: a response's outcome is known to its supplier once its summary is issued. */
@Injectable()
export class ResponseOutcomesAdapter implements ResponseOutcomes {
  async of(m: EntityManager, responseIds: string[]): Promise<Map<string, ResponseOutcome>> {
    if (!responseIds.length) return new Map();
    const rows = await m.find(AssessmentSummaryRow, {
      where: { responseId: In(responseIds), status: 'issued' },
      select: { responseId: true, content: true, issuedAt: true },
      // The latest issued wins, as the supplier's download does.
      order: { issuedAt: 'ASC' },
    });
    return new Map(
      rows.map((r) => [
        r.responseId,
        {
          successful: r.content.successful,
          summaryIssuedAt: r.issuedAt!.toISOString(),
          summaryPdfPath: `/${API_PREFIX}${EVALUATION_ROUTES.supplierSummaryPdf(r.responseId)}`,
        },
      ]),
    );
  }
}
