import { formatDate, formatDateTime, formatMoney, formatPercent, formatTime } from './format';

describe('UK-time formatting', () => {
  it('shows a winter deadline in GMT with the weekday and "noon"', () => {
    expect(formatDateTime('2026-12-11T12:00:00Z')).toBe('Friday 11 December 2026, 12:00 noon (UK time)');
  });

  it('shows a summer instant in BST, which can change the date', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    expect(formatDateTime('2027-06-30T23:30:00Z')).toBe('Thursday 1 July 2027, 00:30 (UK time)');
    expect(formatDate('2027-03-31T23:00:00Z')).toBe('Thursday 1 April 2027');
  });

  it('names midnight and uses the 24-hour clock otherwise', () => {
    expect(formatTime('2026-11-27T00:00:00Z')).toBe('00:00 midnight');
    expect(formatTime('2026-11-27T17:30:00Z')).toBe('17:30');
    expect(formatTime('2027-07-01T16:00:00Z')).toBe('17:00');
  });
});

describe('numbers', () => {
  it('formats money in pounds without pennies when whole, and other currencies', () => {
    expect(formatMoney(1_650_000)).toBe('£1,650,000');
    expect(formatMoney(1234.5)).toBe('£1,234.50');
    expect(formatMoney(1200, 'EUR')).toBe('€1,200');
    // A code Intl cannot format (the API refuses it; an old row may hold one) prints the amount alone, never throws.
    expect(formatMoney(10, 'NOT-A-CURRENCY')).toBe('10');
    expect(formatMoney(1200, 'javascript:')).toBe('1,200');
    expect(formatMoney(Number.NaN)).toBe('not stated');
  });

  it('prints a date it cannot read as "to be confirmed" rather than throwing', () => {
    expect(formatDate('not a date')).toBe('to be confirmed');
    expect(formatDateTime('not a date')).toBe('to be confirmed');
    expect(formatTime('')).toBe('to be confirmed');
  });

  it('formats percentages with at most two decimals', () => {
    expect(formatPercent(24)).toBe('24%');
    expect(formatPercent(100 / 3)).toBe('33.33%');
    expect(formatPercent(7.5)).toBe('7.5%');
  });
});
