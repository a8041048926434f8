import { describe, expect, it } from 'vitest';
import { countdownText, deadlinePassed } from './countdown';

const deadline = '2027-03-31T16:00:00.000Z'; // 5pm UK time (BST)
const before = (ms: number) => new Date(Date.parse(deadline) - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('countdownText', () => {
  it('shows days and hours, dropping a zero part', () => {
    expect(countdownText(deadline, before(3 * DAY + 4 * HOUR + 59 * MIN))).toBe('3 days 4 hours left');
    expect(countdownText(deadline, before(1 * DAY + 30 * MIN))).toBe('1 day left');
    expect(countdownText(deadline, before(2 * DAY + 1 * HOUR))).toBe('2 days 1 hour left');
  });

  it('shows hours and minutes on the last day, then minutes', () => {
    expect(countdownText(deadline, before(5 * HOUR + 12 * MIN + 30_000))).toBe('5 hours 12 minutes left');
    expect(countdownText(deadline, before(1 * HOUR))).toBe('1 hour left');
    expect(countdownText(deadline, before(1 * MIN))).toBe('1 minute left');
    expect(countdownText(deadline, before(59_999))).toBe('Less than a minute left');
  });

  it('says the deadline passed from its instant on', () => {
    expect(countdownText(deadline, before(0))).toBe('Deadline passed');
    expect(countdownText(deadline, before(-DAY))).toBe('Deadline passed');
    expect(deadlinePassed(deadline, before(1))).toBe(false);
    expect(deadlinePassed(deadline, before(0))).toBe(true);
  });

  it('copes with a missing or broken deadline', () => {
    expect(countdownText(null, new Date())).toBe('No deadline set');
    expect(countdownText('nonsense', new Date())).toBe('No deadline set');
    expect(deadlinePassed(null, new Date())).toBe(false);
  });
});
