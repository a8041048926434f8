import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { Timetable } from '@openbrief/contracts';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';

/**
 * A published tender's dates. "Questions close" and "Answers published by" are two different dates and
 * are always shown apart, each with its own plain label, so nobody mistakes one for the other.
 */
@Component({
  selector: 'ob-tender-timetable',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UkDatePipe],
  template: `
    @let tt = timetable();
    <p class="secondary-text">All times are UK time.</p>
    <dl class="summary-list">
      <dt>Questions close</dt>
      <dd>
        @if (tt.clarificationDeadline) {
          <time [attr.datetime]="tt.clarificationDeadline">{{ tt.clarificationDeadline | ukDate }}</time>
        } @else {
          No date set: ask the buyer before responses are due
        }
      </dd>
      <dt>Answers published by</dt>
      <dd>
        @if (tt.answersPublishedBy) {
          <time [attr.datetime]="tt.answersPublishedBy">{{ tt.answersPublishedBy | ukDate }}</time>
        } @else {
          Not set: answers are published as soon as they are ready
        }
      </dd>
      @if (tt.submissionDeadline) {
        <dt>Responses due by</dt>
        <dd>
          <strong
            ><time [attr.datetime]="tt.submissionDeadline">{{ tt.submissionDeadline | ukDate }}</time></strong
          >
        </dd>
      }
      @if (tt.evaluationStart) {
        <dt>Evaluation</dt>
        <dd>
          {{ tt.evaluationStart | ukDate: 'date' }}
          @if (tt.evaluationEnd) {
            to {{ tt.evaluationEnd | ukDate: 'date' }}
          }
        </dd>
      }
      @if (tt.expectedAward) {
        <dt>Expected award</dt>
        <dd>{{ tt.expectedAward | ukDate: 'date' }}</dd>
      }
      @if (tt.contractStart) {
        <dt>Contract starts</dt>
        <dd>{{ tt.contractStart | ukDate: 'date' }}</dd>
      }
    </dl>
  `,
})
export class TenderTimetable {
  readonly timetable = input.required<Timetable>();
}
