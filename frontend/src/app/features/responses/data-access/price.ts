import { PriceLineInput, RESPONSE_LIMITS, VatBasis, isCurrencyCode, priceLineTotal } from '@openbrief/contracts';

/** A price line as typed: numbers stay text until they are valid, so "12." is not rewritten under the cursor. */
export interface PriceLineDraft {
  /** Kept across saves; absent until the server has given one. */
  id?: string;
  /** Stable within this page, for tracking and field ids. */
  key: string;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
}

export interface PriceLineProblem {
  field: 'description' | 'quantity' | 'unit' | 'unitPrice';
  message: string;
}

const DECIMAL = /^\d+(\.\d{1,2})?$/;

/** "1,200.50", " £1200.5 " → 1200.5; null for anything that is not a plain amount with at most 2 decimal places. */
export function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[\s,£€$]/g, '');
  if (!DECIMAL.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** quantity × unit price rounded to the penny: the server's own rule (shared through the contracts). */
export function lineTotal(quantity: number, unitPrice: number): number {
  return priceLineTotal(quantity, unitPrice);
}

/** A line's total, or null while its numbers are not valid yet. */
export function draftLineTotal(line: PriceLineDraft): number | null {
  const quantity = parseAmount(line.quantity);
  const unitPrice = parseAmount(line.unitPrice);
  return quantity === null || unitPrice === null ? null : lineTotal(quantity, unitPrice);
}

/** The sum of the valid lines' totals (lines still being typed count as nothing). */
export function grandTotal(lines: readonly PriceLineDraft[]): number {
  let pennies = 0;
  for (const line of lines) {
    const quantity = parseAmount(line.quantity);
    const unitPrice = parseAmount(line.unitPrice);
    if (quantity !== null && unitPrice !== null) pennies += Math.round(lineTotal(quantity, unitPrice) * 100);
  }
  return pennies / 100;
}

/** A line nobody has typed in yet is not sent (nor checked): it is only a place to start. */
export function isBlankLine(line: PriceLineDraft): boolean {
  return !line.description.trim() && !line.quantity.trim() && !line.unit.trim() && !line.unitPrice.trim();
}

/** The same checks as the server's (description and unit may be empty), so a line is refused here with the reason rather than by a save. */
export function priceLineProblems(line: PriceLineDraft): PriceLineProblem[] {
  const problems: PriceLineProblem[] = [];
  if (line.description.trim().length > RESPONSE_LIMITS.priceLineDescription)
    problems.push({ field: 'description', message: `Describe the line in ${RESPONSE_LIMITS.priceLineDescription} characters or fewer` });

  const quantity = parseAmount(line.quantity);
  if (!line.quantity.trim()) problems.push({ field: 'quantity', message: 'Enter a quantity' });
  else if (line.quantity.trim().startsWith('-')) problems.push({ field: 'quantity', message: 'The quantity cannot be negative' });
  else if (quantity === null)
    problems.push({ field: 'quantity', message: 'Enter the quantity as a number with up to 2 decimal places, like 12 or 2.5' });
  else if (quantity > RESPONSE_LIMITS.maxQuantity)
    problems.push({ field: 'quantity', message: `The quantity must be ${RESPONSE_LIMITS.maxQuantity.toLocaleString('en-GB')} or less` });

  if (line.unit.trim().length > RESPONSE_LIMITS.priceLineUnit)
    problems.push({ field: 'unit', message: `Write the unit in ${RESPONSE_LIMITS.priceLineUnit} characters or fewer` });

  const unitPrice = parseAmount(line.unitPrice);
  if (!line.unitPrice.trim()) problems.push({ field: 'unitPrice', message: 'Enter a unit price' });
  else if (line.unitPrice.trim().startsWith('-')) problems.push({ field: 'unitPrice', message: 'The unit price cannot be negative' });
  else if (unitPrice === null)
    problems.push({ field: 'unitPrice', message: 'Enter the unit price as an amount with up to 2 decimal places, like 450 or 12.50' });
  else if (unitPrice > RESPONSE_LIMITS.maxUnitPrice)
    problems.push({
      field: 'unitPrice',
      message: `The unit price must be ${RESPONSE_LIMITS.maxUnitPrice.toLocaleString('en-GB')} or less`,
    });
  return problems;
}

/** What a save sends for a line; call only for a line without problems. */
export function toPriceLineInput(line: PriceLineDraft): PriceLineInput {
  return {
    ...(line.id ? { id: line.id } : {}),
    description: line.description.trim(),
    quantity: parseAmount(line.quantity) ?? 0,
    unit: line.unit.trim(),
    unitPrice: parseAmount(line.unitPrice) ?? 0,
  };
}

/** "£1,200.50" in the tender's currency, always with pennies: prices are exact. */
export function formatMoney(value: number, currency: string): string {
  const code = currency || 'GBP';
  return new Intl.NumberFormat('en-GB', {
    ...(isCurrencyCode(code) ? { style: 'currency', currency: code } : {}),
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

export function vatBasisText(basis: VatBasis): string {
  return basis === VatBasis.IncludingVat ? 'including VAT' : 'excluding VAT';
}
