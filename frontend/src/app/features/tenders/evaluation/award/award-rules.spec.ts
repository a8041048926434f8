import { AwardDecision, Jurisdiction } from '@openbrief/contracts';
import { describe, expect, it } from 'vitest';
import { formatCalendarDay, ordinal, reasonsMinimum, standstillView } from './award-rules';

const DECISION: AwardDecision = {
  panelId: 'panel-1',
  responseId: 'a',
  supplierName: 'Supplier A',
  reasons: 'Highest total score and the strongest technical approach.',
  decidedBy: 'Priya Shah',
  decidedAt: '2026-12-01T10:00:00.000Z',
  noticePublishedAt: '2026-12-03T10:00:00.000Z',
  jurisdiction: Jurisdiction.Scotland,
  standstillLastDay: '2026-12-15',
  standstillEndsAt: '2026-12-16T00:00:00.000Z',
  contractEnteredAt: null,
};

describe('award rules', () => {
  it('asks for a fuller reason when the decision departs from the ranking', () => {
    expect(reasonsMinimum(true)).toBe(20);
    expect(reasonsMinimum(false)).toBe(100);
  });

  it('writes a calendar date with its weekday, whatever the device’s time zone', () => {
    expect(formatCalendarDay('2026-12-15')).toBe('Tuesday 15 December 2026');
    expect(formatCalendarDay('2027-03-28')).toBe('Sunday 28 March 2027');
  });

  it('writes ranks as ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']);
  });

  it('shows the standstill in UK time, with the jurisdiction whose bank holidays count', () => {
    const before = standstillView(DECISION, Date.parse('2026-12-15T23:59:00.000Z'));
    expect(before).toEqual({
      lastDay: 'Tuesday 15 December 2026',
      endsAt: 'midnight at the end of Tuesday 15 December 2026 (UK time)',
      counted: 'At least 8 working days from the day the notice was published, not counting weekends or bank holidays in Scotland.',
      ended: false,
    });
    expect(standstillView(DECISION, Date.parse('2026-12-16T00:00:00.000Z'))?.ended).toBe(true);
    // In summer the standstill ends at midnight BST, 11pm the evening before in UTC.
    const summer = standstillView({ ...DECISION, standstillLastDay: '2027-06-10', standstillEndsAt: '2027-06-10T23:00:00.000Z' }, 0);
    expect(summer?.endsAt).toBe('midnight at the end of Thursday 10 June 2027 (UK time)');
    expect(standstillView({ ...DECISION, standstillEndsAt: '2026-12-16T17:00:00.000Z' }, 0)?.endsAt).toBe(
      '5pm on 16 December 2026 (UK time)',
    );
    expect(standstillView({ ...DECISION, noticePublishedAt: null }, 0)).toBeNull();
  });
});
