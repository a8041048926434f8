import { ResponseStatus, SupplierResponse, VatBasis } from '@openbrief/contracts';

/** A draft response to lot 1 with one question (100 words), one pass/fail requirement and one price line. */
export function supplierResponse(over: Partial<SupplierResponse> = {}): SupplierResponse {
  return {
    id: 'resp-1',
    tenderId: 'tender-1',
    tenderReference: 'OB-2027-0001',
    tenderTitle: 'Community transport',
    buyerName: 'Northshire Council',
    lotId: 'lot-1',
    lotNumber: 1,
    lotTitle: 'Rural routes',
    status: ResponseStatus.Draft,
    tenderVersion: 1,
    latestTenderVersion: 1,
    changesSince: null,
    submissionDeadline: '2027-03-31T16:00:00.000Z',
    attachmentsAllowed: true,
    maxAttachments: 5,
    maxAttachmentBytes: 10 * 1024 * 1024,
    answers: [{ criterionId: 'crit-1', criterionName: 'Approach', text: 'Our plan', wordLimit: 100, wordCount: 2, wordsOverLimit: 0 }],
    declarations: [{ requirementId: 'req-1', requirementOutcome: 'Drivers are DBS checked', meets: null, evidence: '' }],
    price: {
      lines: [{ id: 'line-1', description: 'Driver hours', quantity: 10, unit: 'hour', unitPrice: 25, total: 250 }],
      total: 250,
      currency: 'GBP',
      vatBasis: VatBasis.ExcludingVat,
    },
    attachments: [],
    missing: [],
    receipt: null,
    outcome: null,
    revision: 3,
    updatedAt: '2027-03-01T10:00:00.000Z',
    ...over,
  };
}
