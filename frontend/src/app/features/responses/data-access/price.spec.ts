import { VatBasis } from '@openbrief/contracts';
import { describe, expect, it } from 'vitest';
import {
  PriceLineDraft,
  draftLineTotal,
  formatMoney,
  grandTotal,
  isBlankLine,
  lineTotal,
  parseAmount,
  priceLineProblems,
  toPriceLineInput,
  vatBasisText,
} from './price';

const line = (over: Partial<PriceLineDraft> = {}): PriceLineDraft => ({
  key: 'k1',
  description: 'Monthly support',
  quantity: '12',
  unit: 'month',
  unitPrice: '450.00',
  ...over,
});

describe('parseAmount', () => {
  it('reads plain amounts with up to 2 decimal places, ignoring spaces, commas and a currency sign', () => {
    expect(parseAmount('12')).toBe(12);
    expect(parseAmount(' 1,200.50 ')).toBe(1200.5);
    expect(parseAmount('£99.9')).toBe(99.9);
  });

  it('refuses negative, non-numeric, exponent and over-precise amounts', () => {
    for (const text of ['-5', 'abc', '1e6', '12.345', '12.', '.5', '', 'NaN', 'Infinity', '0x10']) {
      expect(parseAmount(text)).toBeNull();
    }
  });
});

describe('line and grand totals', () => {
  it('multiplies quantity by unit price and rounds to the penny', () => {
    expect(lineTotal(12, 450)).toBe(5400);
    expect(lineTotal(3, 0.1)).toBe(0.3);
    expect(lineTotal(2.5, 19.99)).toBe(49.98); // 49.975 rounds half up
    expect(lineTotal(0.01, 0.5)).toBe(0.01); // 0.005 rounds half up
    expect(lineTotal(1_000_000_000, 1_000_000_000)).toBe(1e18);
  });

  it('adds the lines in pennies, so the sum is exact', () => {
    const lines = [line({ quantity: '1', unitPrice: '0.10' }), line({ key: 'k2', quantity: '1', unitPrice: '0.20' })];
    expect(grandTotal(lines)).toBe(0.3);
  });

  it('leaves out lines whose numbers are not valid yet', () => {
    expect(draftLineTotal(line({ unitPrice: 'abc' }))).toBeNull();
    expect(grandTotal([line(), line({ key: 'k2', quantity: '' })])).toBe(5400);
  });
});

describe('priceLineProblems', () => {
  it('accepts a complete line', () => {
    expect(priceLineProblems(line())).toEqual([]);
  });

  it('names each field that is wrong, in plain words', () => {
    const problems = priceLineProblems(line({ description: 'x'.repeat(301), quantity: '-1', unitPrice: '-5' }));
    expect(problems.map((p) => p.field)).toEqual(['description', 'quantity', 'unitPrice']);
    expect(problems[1]?.message).toBe('The quantity cannot be negative');
    expect(problems[2]?.message).toBe('The unit price cannot be negative');
    expect(priceLineProblems(line({ quantity: '' }))[0]?.message).toBe('Enter a quantity');
    expect(priceLineProblems(line({ quantity: '1.125' }))[0]?.field).toBe('quantity');
    expect(priceLineProblems(line({ unitPrice: 'ten pounds' }))[0]?.message).toContain('up to 2 decimal places');
    expect(priceLineProblems(line({ quantity: '2000000000' }))[0]?.field).toBe('quantity');
    expect(priceLineProblems(line({ unit: 'x'.repeat(41) }))[0]?.field).toBe('unit');
  });

  it('accepts what the server accepts: no description or unit, a quantity of 0, a price of 0', () => {
    expect(priceLineProblems(line({ description: '', unit: '', quantity: '0', unitPrice: '0' }))).toEqual([]);
  });

  it('treats an untouched line as blank, not wrong', () => {
    expect(isBlankLine(line({ description: '', quantity: '', unit: '', unitPrice: '' }))).toBe(true);
    expect(isBlankLine(line())).toBe(false);
  });
});

describe('toPriceLineInput', () => {
  it('sends numbers and the stable id, never a total', () => {
    expect(toPriceLineInput(line({ id: 'line-1', unitPrice: '1,200.5' }))).toEqual({
      id: 'line-1',
      description: 'Monthly support',
      quantity: 12,
      unit: 'month',
      unitPrice: 1200.5,
    });
    expect(toPriceLineInput(line())).not.toHaveProperty('id');
  });
});

describe('formatMoney', () => {
  it('shows the tender currency with pennies', () => {
    expect(formatMoney(5400, 'GBP')).toBe('£5,400.00');
    expect(formatMoney(0.3, 'EUR')).toBe('€0.30');
    expect(formatMoney(12, 'XXX-not-a-code')).toBe('12.00');
    expect(vatBasisText(VatBasis.ExcludingVat)).toBe('excluding VAT');
  });
});
