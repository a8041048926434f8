export type { Clarification, TenderPackOptions } from './context';
export { criteriaRows, priceMarks, type CriterionRow } from './evaluation';
export { formatDate, formatDateTime, formatMoney, formatPercent } from './format';
export { numberLot, numberTender, type LotNumbering, type NumberedRequirement } from './numbering';
export { buildTenderPack, renderTenderPack, renderTenderPackToBuffer } from './render-tender-pack';
