import type { Timetable } from '@openbrief/contracts';
import type { Inline } from '../../layout/text';
import { formatDateTime } from '../format';

const TBC = 'To be confirmed';

/**
 * The two dates about clarification questions, under the names suppliers meet everywhere: questions close
 * (the last moment to ask) and answers published by (when every answer will be out). They are different dates.
 */
export function questionDates(t: Timetable): [Inline, Inline][] {
  return [
    ['Questions close', t.clarificationDeadline ? formatDateTime(t.clarificationDeadline) : TBC],
    ['Answers published by', t.answersPublishedBy ? formatDateTime(t.answersPublishedBy) : TBC],
  ];
}
