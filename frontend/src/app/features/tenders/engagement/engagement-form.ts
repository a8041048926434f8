import { ENGAGEMENT_LIMITS, type EngagementEventFormat, type PublishEngagementRequest } from '@openbrief/contracts';

/** What the buyer fills in to publish an engagement; dates are ISO instants (the date fields read them as UK time). */
export interface EngagementForm {
  questions: string;
  feedbackCloses: string | null;
  hasEvent: boolean;
  eventTitle: string;
  eventStartsAt: string | null;
  eventEndsAt: string | null;
  eventFormat: EngagementEventFormat;
  eventPlace: string;
  /** As typed: blank for no limit. */
  eventCapacity: string;
}

export function emptyEngagementForm(): EngagementForm {
  return {
    questions: '',
    feedbackCloses: null,
    hasEvent: false,
    eventTitle: 'Supplier briefing',
    eventStartsAt: null,
    eventEndsAt: null,
    eventFormat: 'online',
    eventPlace: '',
    eventCapacity: '',
  };
}

/** A problem with the form, named by the API's field name so the page links it to the same control either way. */
export interface EngagementFormProblem {
  readonly field: string;
  readonly message: string;
}

const n = (value: number) => value.toLocaleString('en-GB');

/** The checks the server makes too, said in the order the fields appear, so the buyer hears them before sending. */
export function validateEngagementForm(form: EngagementForm, now: Date): EngagementFormProblem[] {
  const problems: EngagementFormProblem[] = [];
  const questions = form.questions.trim();
  if (!questions) problems.push({ field: 'questions', message: 'Enter what you want to learn from suppliers' });
  else if (form.questions.length > ENGAGEMENT_LIMITS.questions) {
    problems.push({ field: 'questions', message: `Your questions must be ${n(ENGAGEMENT_LIMITS.questions)} characters or fewer` });
  }
  const closes = form.feedbackCloses ? Date.parse(form.feedbackCloses) : NaN;
  if (Number.isNaN(closes)) problems.push({ field: 'feedbackCloses', message: 'Enter when feedback closes' });
  else if (closes <= now.getTime()) problems.push({ field: 'feedbackCloses', message: 'The closing date must be in the future' });
  if (!form.hasEvent) return problems;

  if (!form.eventTitle.trim()) problems.push({ field: 'event.title', message: 'Enter what the event is, for example "Supplier briefing"' });
  else if (form.eventTitle.length > ENGAGEMENT_LIMITS.eventTitle) {
    problems.push({ field: 'event.title', message: `The event's name must be ${n(ENGAGEMENT_LIMITS.eventTitle)} characters or fewer` });
  }
  const starts = form.eventStartsAt ? Date.parse(form.eventStartsAt) : NaN;
  if (Number.isNaN(starts)) problems.push({ field: 'event.startsAt', message: 'Enter when the event starts' });
  else if (starts <= now.getTime()) problems.push({ field: 'event.startsAt', message: 'The event must start in the future' });
  if (form.eventEndsAt && !Number.isNaN(starts) && Date.parse(form.eventEndsAt) <= starts) {
    problems.push({ field: 'event.endsAt', message: 'The event must end after it starts' });
  }
  if (!form.eventPlace.trim()) {
    problems.push({
      field: 'event.place',
      message: form.eventFormat === 'online' ? 'Enter how suppliers will join the event' : 'Enter where the event is',
    });
  } else if (form.eventPlace.length > ENGAGEMENT_LIMITS.eventPlace) {
    problems.push({ field: 'event.place', message: `This must be ${n(ENGAGEMENT_LIMITS.eventPlace)} characters or fewer` });
  }
  const capacity = form.eventCapacity.trim();
  if (capacity && (!/^\d{1,6}$/.test(capacity) || Number(capacity) < 1 || Number(capacity) > 100_000)) {
    problems.push({ field: 'event.capacity', message: 'Places must be a whole number from 1 to 100,000, or left blank for no limit' });
  }
  return problems;
}

/** The API request for a form that passed validateEngagementForm. */
export function toPublishRequest(form: EngagementForm, revision: number): PublishEngagementRequest {
  const capacity = form.eventCapacity.trim();
  return {
    revision,
    questions: form.questions.trim(),
    feedbackCloses: form.feedbackCloses ?? '',
    event: form.hasEvent
      ? {
          title: form.eventTitle.trim(),
          startsAt: form.eventStartsAt ?? '',
          endsAt: form.eventEndsAt || null,
          format: form.eventFormat,
          place: form.eventPlace.trim(),
          capacity: capacity ? Number(capacity) : null,
        }
      : null,
  };
}
