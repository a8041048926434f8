import { describe, expect, it } from 'vitest';
import { aNotice } from '../testing/engagement-fixtures';
import {
  charactersLeftMessage,
  countWords,
  eventWhen,
  feedbackClosedReason,
  lengthMessage,
  outcomesByLot,
  registrationClosedReason,
} from './engagement-text';

describe('engagement wording', () => {
  it('counts words as a reader does', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  \n ')).toBe(0);
    expect(countWords("Parents can't apply on-line, yet.")).toBe(5);
  });

  it('says how many characters are left, or how many too many', () => {
    expect(charactersLeftMessage(0, 4000)).toBe('You have 4,000 characters remaining');
    expect(charactersLeftMessage(3999, 4000)).toBe('You have 1 character remaining');
    expect(charactersLeftMessage(4002, 4000)).toBe('You have 2 characters too many');
    expect(lengthMessage('Two words', 1000)).toBe('2 words. You have 991 characters remaining');
    expect(lengthMessage('One', 1000)).toBe('1 word. You have 997 characters remaining');
  });

  it('groups outcomes by lot, keeping their order', () => {
    const o = (number: string, lotTitle: string) => ({ requirementId: number, lotTitle, number, outcome: 'x', measure: null });
    const groups = outcomesByLot([o('1.1', 'North'), o('1.2', 'North'), o('2.1', 'South')]);
    expect(groups.map((g) => [g.lotTitle, g.outcomes.map((x) => x.number)])).toEqual([
      ['North', ['1.1', '1.2']],
      ['South', ['2.1']],
    ]);
  });

  it('gives an event’s time in UK time, the end without repeating the day', () => {
    const event = aNotice().event!;
    // 10am BST is 9:00 UTC; the end the same day gives only its time.
    expect(eventWhen({ ...event, startsAt: '2027-06-30T09:00:00.000Z', endsAt: '2027-06-30T11:00:00.000Z' })).toBe(
      '10am on 30 June 2027 to midday',
    );
    expect(eventWhen({ ...event, startsAt: '2027-01-05T14:30:00.000Z', endsAt: null })).toBe('2:30pm on 5 January 2027');
    expect(eventWhen({ ...event, startsAt: '2027-01-05T14:30:00.000Z', endsAt: '2027-01-06T10:00:00.000Z' })).toBe(
      '2:30pm on 5 January 2027 to 10am on 6 January 2027',
    );
  });

  it('says why feedback or registration is closed, and nothing while they are open', () => {
    const open = aNotice();
    expect(feedbackClosedReason(open)).toBeNull();
    expect(registrationClosedReason(open)).toBeNull();
    expect(feedbackClosedReason(aNotice({ status: 'closed' }))).toMatch(/^Feedback closed at /);
    expect(registrationClosedReason(aNotice({ status: 'closed' }))).toBe('This engagement has closed, so registration has closed too.');
    expect(registrationClosedReason(aNotice({ event: null }))).toBe('There is no event for this engagement.');
    const started = aNotice({ event: { ...open.event!, startsAt: new Date(Date.now() - 60_000).toISOString() } });
    expect(registrationClosedReason(started)).toBe('The event has started, so registration has closed.');
  });
});
