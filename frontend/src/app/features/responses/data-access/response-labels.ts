import { ResponseStatus } from '@openbrief/contracts';

export const RESPONSE_STATUS_LABELS: Record<ResponseStatus, string> = {
  [ResponseStatus.Draft]: 'Draft',
  [ResponseStatus.Submitted]: 'Submitted',
  [ResponseStatus.Withdrawn]: 'Withdrawn',
  [ResponseStatus.Opened]: 'Opened',
};

/** Field ids, so that the list of missing items and error summaries can link straight to each control. */
export const fieldIds = {
  answer: (criterionId: string) => `answer-${criterionId}`,
  declaration: (requirementId: string) => `declaration-${requirementId}`,
  priceLine: (key: string, field: string) => `price-${key}-${field}`,
  price: 'price-lines',
  attachments: 'attachment-file',
};
