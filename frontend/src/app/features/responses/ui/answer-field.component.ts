import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { CriterionAnswer, LibraryAnswer } from '@openbrief/contracts';
import { UndoNotice } from '../../../shared/ui/undo-notice.component';
import { formatUkDate } from '../../../shared/pipes/uk-date.pipe';
import { fieldIds } from '../data-access/response-labels';
import { splitAtWordLimit, wordCountMessage } from '../data-access/word-count';

/** How long typing must pause before the word count is read out (screen readers would otherwise chatter). */
const ANNOUNCE_AFTER_MS = 1200;

/**
 * The supplier's answer to one quality or social-value question: the word limit, a live word count,
 * and the words past the limit shown as not considered, exactly as the tender pack says. An earlier
 * answer of the organisation can be copied in (and the copy undone).
 */
@Component({
  selector: 'ob-answer-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UndoNotice],
  host: { class: 'answer', '[class.answer--over]': 'split().wordsOver > 0' },
  template: `
    <label class="rf-label" [for]="fieldId()">{{ answer().criterionName }}</label>
    <div class="rf-hint" [id]="fieldId() + '-hint'">
      @if (answer().wordLimit != null) {
        Word limit: {{ answer().wordLimit!.toLocaleString('en-GB') }} words. Evaluators stop reading at the limit.
      } @else {
        No word limit.
      }
    </div>
    @if (missing()) {
      <p class="rf-error" [id]="fieldId() + '-error'"><span class="visually-hidden">Error: </span>Answer this question</p>
    }
    <textarea
      class="rf-control rf-textarea"
      rows="8"
      [id]="fieldId()"
      [value]="text()"
      [readOnly]="!editable()"
      [attr.aria-describedby]="describedBy()"
      [attr.aria-invalid]="missing() || split().wordsOver > 0 ? 'true' : null"
      (input)="typed($event)"
    ></textarea>
    <p class="answer__count" [class.answer__count--over]="split().wordsOver > 0" [id]="fieldId() + '-count'">
      {{ countText() }}
    </p>
    <div class="visually-hidden" aria-live="polite">{{ announced() }}</div>
    @if (split().notConsidered) {
      <div class="answer__overflow">
        <p class="answer__overflow-title">Not considered (past the word limit):</p>
        <p class="answer__overflow-text">{{ split().notConsidered }}</p>
      </div>
    }
    @if (undoText() !== null) {
      <ob-undo-notice
        message="Earlier answer copied in."
        [buttonId]="fieldId() + '-undo'"
        [undoes]="'copying the earlier answer into ' + answer().criterionName"
        (undo)="undo()"
      />
    }
    @if (editable() && library().length) {
      <details class="answer__library">
        <summary>
          Use an earlier answer<span class="visually-hidden"> for {{ answer().criterionName }}</span>
        </summary>
        <p class="rf-hint">Answers your organisation wrote for earlier tenders. Copying one replaces what is in the box above.</p>
        <ul class="answer__library-list">
          @for (item of sortedLibrary(); track $index) {
            <li class="answer__library-item">
              <p class="answer__library-meta">
                <strong>{{ item.criterionName }}</strong> · {{ item.tenderTitle }} · {{ item.wordCount }} words ·
                {{ date(item.updatedAt) }}
              </p>
              <p class="answer__library-text">{{ preview(item.text) }}</p>
              <button type="button" class="text-button" (click)="use(item)">
                Use this answer<span class="visually-hidden"> from {{ item.tenderTitle }}, {{ item.criterionName }}</span>
              </button>
            </li>
          }
        </ul>
      </details>
    }
  `,
  styleUrl: './answer-field.component.scss',
})
export class AnswerField {
  readonly answer = input.required<CriterionAnswer>();
  readonly text = input.required<string>();
  readonly editable = input(true);
  /** Shown after a failed submit when the answer is empty. */
  readonly missing = input(false);
  readonly library = input<readonly LibraryAnswer[]>([]);
  readonly textChange = output<string>();

  protected readonly fieldId = computed(() => fieldIds.answer(this.answer().criterionId));
  protected readonly split = computed(() => splitAtWordLimit(this.text(), this.answer().wordLimit));
  protected readonly countText = computed(() => wordCountMessage(this.split().wordCount, this.answer().wordLimit));
  protected readonly describedBy = computed(() =>
    [`${this.fieldId()}-hint`, this.missing() ? `${this.fieldId()}-error` : '', `${this.fieldId()}-count`].filter(Boolean).join(' '),
  );
  /** Same question first (by name), then the rest, newest first. */
  protected readonly sortedLibrary = computed(() => {
    const name = this.answer().criterionName.trim().toLowerCase();
    return [...this.library()].sort(
      (a, b) =>
        Number(b.criterionName.trim().toLowerCase() === name) - Number(a.criterionName.trim().toLowerCase() === name) ||
        b.updatedAt.localeCompare(a.updatedAt),
    );
  });
  protected readonly announced = signal('');
  protected readonly undoText = signal<string | null>(null);
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  protected typed(event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.textChange.emit(value);
    this.undoText.set(null);
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const split = splitAtWordLimit(value, this.answer().wordLimit);
      this.announced.set(wordCountMessage(split.wordCount, this.answer().wordLimit));
    }, ANNOUNCE_AFTER_MS);
  }

  protected use(item: LibraryAnswer): void {
    this.undoText.set(this.text());
    this.textChange.emit(item.text);
    // The copy is announced by the undo notice (a status region), and focus moves to its button.
    setTimeout(() => document.getElementById(`${this.fieldId()}-undo`)?.focus());
  }

  protected undo(): void {
    const previous = this.undoText();
    if (previous === null) return;
    this.textChange.emit(previous);
    this.undoText.set(null);
    document.getElementById(this.fieldId())?.focus();
  }

  protected preview(text: string): string {
    return text.length > 280 ? `${text.slice(0, 280).trimEnd()}…` : text;
  }

  protected date(iso: string): string {
    return formatUkDate(iso, 'date');
  }
}
