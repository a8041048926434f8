import { describe, expect, it } from 'vitest';
import { type EngagementForm, emptyEngagementForm, toPublishRequest, validateEngagementForm } from './engagement-form';

const NOW = new Date('2027-03-01T12:00:00.000Z');
const filled = (patch: Partial<EngagementForm> = {}): EngagementForm => ({
  ...emptyEngagementForm(),
  questions: 'Is a year long enough?',
  feedbackCloses: '2027-03-15T17:00:00.000Z',
  ...patch,
});

describe('the engagement form', () => {
  it('asks for questions and a closing date in the future', () => {
    expect(validateEngagementForm(emptyEngagementForm(), NOW)).toEqual([
      { field: 'questions', message: 'Enter what you want to learn from suppliers' },
      { field: 'feedbackCloses', message: 'Enter when feedback closes' },
    ]);
    expect(validateEngagementForm(filled({ feedbackCloses: '2027-02-01T12:00:00.000Z' }), NOW)).toEqual([
      { field: 'feedbackCloses', message: 'The closing date must be in the future' },
    ]);
    expect(validateEngagementForm(filled({ questions: 'x'.repeat(4001) }), NOW)[0]?.message).toBe(
      'Your questions must be 4,000 characters or fewer',
    );
    expect(validateEngagementForm(filled(), NOW)).toEqual([]);
  });

  it('checks the event only when there is one, by the API’s field names', () => {
    const event = filled({ hasEvent: true, eventTitle: ' ', eventStartsAt: null, eventCapacity: '0' });
    expect(validateEngagementForm(event, NOW).map((p) => p.field)).toEqual([
      'event.title',
      'event.startsAt',
      'event.place',
      'event.capacity',
    ]);
    const backwards = filled({
      hasEvent: true,
      eventStartsAt: '2027-03-10T10:00:00.000Z',
      eventEndsAt: '2027-03-10T09:00:00.000Z',
      eventPlace: 'Online',
    });
    expect(validateEngagementForm(backwards, NOW)).toEqual([{ field: 'event.endsAt', message: 'The event must end after it starts' }]);
  });

  it('sends no event unless asked for, and a blank capacity as no limit', () => {
    expect(toPublishRequest(filled({ eventPlace: 'ignored' }), 7)).toEqual({
      revision: 7,
      questions: 'Is a year long enough?',
      feedbackCloses: '2027-03-15T17:00:00.000Z',
      event: null,
    });
    const request = toPublishRequest(
      filled({ hasEvent: true, eventStartsAt: '2027-03-10T10:00:00.000Z', eventFormat: 'in_person', eventPlace: ' Town hall ' }),
      7,
    );
    expect(request.event).toEqual({
      title: 'Supplier briefing',
      startsAt: '2027-03-10T10:00:00.000Z',
      endsAt: null,
      format: 'in_person',
      place: 'Town hall',
      capacity: null,
    });
    expect(toPublishRequest(filled({ hasEvent: true, eventCapacity: ' 40 ' }), 1).event?.capacity).toBe(40);
  });
});
