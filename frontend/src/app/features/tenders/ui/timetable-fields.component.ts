import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TIMETABLE_LABELS, Timetable } from '@openbrief/contracts';
import { timetableField } from '../data-access/field-ids';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { DateTimeField } from './datetime-field.component';

interface TimetableRow {
  readonly key: keyof Timetable;
  readonly label: string;
  readonly hint: string;
  readonly optional: boolean;
}

const ROWS: readonly TimetableRow[] = [
  {
    key: 'clarificationDeadline',
    label: TIMETABLE_LABELS.clarificationDeadline,
    hint: 'The last time suppliers can ask questions. Leave at least a week before bids are due.',
    optional: true,
  },
  {
    key: 'answersPublishedBy',
    label: TIMETABLE_LABELS.answersPublishedBy,
    hint: 'When every answer will be out: after questions close and before bids are due, so suppliers can use them.',
    optional: true,
  },
  {
    key: 'submissionDeadline',
    label: TIMETABLE_LABELS.submissionDeadline,
    hint: 'Needed to publish, and must be in the future. Avoid Mondays and times just after a holiday.',
    optional: false,
  },
  { key: 'evaluationStart', label: TIMETABLE_LABELS.evaluationStart, hint: 'When your evaluators start scoring.', optional: true },
  { key: 'evaluationEnd', label: TIMETABLE_LABELS.evaluationEnd, hint: '', optional: true },
  { key: 'expectedAward', label: TIMETABLE_LABELS.expectedAward, hint: 'When you expect to tell suppliers the outcome.', optional: true },
  { key: 'contractStart', label: TIMETABLE_LABELS.contractStart, hint: '', optional: true },
];

/** The timetable, in UK time, with its order checked as the buyer types. */
@Component({
  selector: 'ob-timetable-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DateTimeField],
  template: `
    @let t = timetable();
    <p class="hint">All times are UK time. Each date must come after the one before it.</p>
    <div class="grid">
      @for (row of rows; track row.key) {
        <ob-datetime-field
          [fieldId]="id(row.key)"
          [label]="row.label"
          [hint]="row.hint ? row.hint + ' UK time.' : 'UK time.'"
          [optional]="row.optional"
          [value]="t[row.key]"
          [error]="store.errorFor(id(row.key))"
          (valueChange)="store.setTimetable(row.key, $event)"
        />
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }

    .hint {
      max-width: 44rem;
      color: var(--ob-text-secondary);
    }

    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr));
      gap: 0 2rem;
    }
  `,
})
export class TimetableFields {
  protected readonly store = inject(TenderEditorStore);
  protected readonly rows = ROWS;
  protected readonly id = timetableField;
  protected readonly timetable = computed(() => this.store.content()!.timetable);
}
