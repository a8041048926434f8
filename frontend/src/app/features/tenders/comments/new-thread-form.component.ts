import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal, viewChild } from '@angular/core';
import {
  COMMENT_FIELD_LABELS,
  COMMENT_LIMITS,
  type CommentAnchorRequest,
  type CommentField,
  type CommentThread,
  REQUIREMENT_COMMENT_FIELDS,
  TENDER_COMMENT_FIELDS,
  type TeamMember,
} from '@openbrief/contracts';
import { firstValueFrom } from 'rxjs';
import { AppError, toAppError } from '../../../core/http/app-error';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { type RequirementOption, anchorForField } from './comment-anchors';
import { CommentForm, type CommentDraft } from './comment-form.component';
import { CommentsApi } from './comments.api';

const WHOLE_TENDER = '';

/** Starts a thread: about the tender or one requirement, optionally one part of it and the words quoted. */
@Component({
  selector: 'ob-new-thread-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CommentForm],
  template: `
    <ob-comment-form
      idPrefix="new-thread"
      label="Comment"
      submitLabel="Start thread"
      [team]="team()"
      [meId]="meId()"
      [send]="send"
      [cancellable]="true"
      (cancelled)="cancelled.emit()"
    >
      @if (selected(); as words) {
        <p class="choice">
          <button type="button" class="choice__use-selection" (click)="useSelection()">Comment on the words you selected</button>
          <span class="choice__hint"> “{{ words.quote }}”</span>
        </p>
      }
      <div class="choice">
        <label class="choice__label" for="new-thread-about">What is it about?</label>
        <select id="new-thread-about" class="choice__select" (change)="chooseAbout($any($event.target).value)">
          <option [value]="wholeTender" [selected]="about() === wholeTender">The tender as a whole</option>
          @for (r of requirements(); track r.id) {
            <option [value]="r.id" [selected]="about() === r.id">Requirement {{ r.number }}: {{ r.excerpt }}</option>
          }
        </select>
      </div>
      <div class="choice">
        <label class="choice__label" for="new-thread-part">Which part? <span class="choice__optional">(optional)</span></label>
        <select id="new-thread-part" class="choice__select" (change)="part.set($any($event.target).value)">
          <option value="" [selected]="part() === ''">{{ about() === wholeTender ? 'The whole tender' : 'The whole requirement' }}</option>
          @for (field of fields(); track field) {
            <option [value]="field" [selected]="part() === field">{{ labels[field] }}</option>
          }
        </select>
      </div>
      @if (part()) {
        <div class="choice">
          <label class="choice__label" for="new-thread-quote"
            >Words you are commenting on <span class="choice__optional">(optional)</span></label
          >
          <p class="choice__hint" id="new-thread-quote-hint">Copy them from the tender, so your team sees exactly what you mean.</p>
          <input
            id="new-thread-quote"
            class="choice__input"
            type="text"
            aria-describedby="new-thread-quote-hint"
            [attr.maxlength]="quoteLimit"
            [value]="quote()"
            (input)="quote.set($any($event.target).value); positions.set(null)"
          />
        </div>
      }
    </ob-comment-form>
  `,
  styleUrl: './new-thread-form.component.scss',
})
export class NewThreadForm {
  readonly tenderId = input.required<string>();
  readonly requirements = input<readonly RequirementOption[]>([]);
  /** The requirement to start on (from a requirement card's link). */
  readonly requirementId = input<string | null>(null);
  readonly team = input<readonly TeamMember[]>([]);
  readonly meId = input<string | null>(null);
  readonly started = output<CommentThread>();
  readonly cancelled = output<void>();

  private readonly api = inject(CommentsApi);
  private readonly editor = inject(TenderEditorStore);
  private readonly form = viewChild.required(CommentForm);

  protected readonly wholeTender = WHOLE_TENDER;
  protected readonly labels = COMMENT_FIELD_LABELS;
  protected readonly quoteLimit = COMMENT_LIMITS.quote;
  protected readonly about = linkedSignal(() => {
    const wanted = this.requirementId();
    return wanted && this.requirements().some((r) => r.id === wanted) ? wanted : WHOLE_TENDER;
  });
  protected readonly part = signal<CommentField | ''>('');
  protected readonly quote = signal('');
  /** Where the quoted words are in the live document, when they came from a selection there. */
  protected readonly positions = signal<{ start: string; end: string } | null>(null);
  /** The words last selected in the editor, if they are in a field a thread can be about. */
  protected readonly selected = computed(() => {
    const selection = this.editor.live()?.selection();
    const anchor = selection && selection.quote.trim() ? anchorForField(selection.fieldId) : null;
    if (!selection || !anchor) return null;
    if (anchor.requirementId && !this.requirements().some((r) => r.id === anchor.requirementId)) return null;
    return { ...selection, ...anchor, quote: selection.quote.slice(0, COMMENT_LIMITS.quote) };
  });
  protected readonly fields = computed<readonly CommentField[]>(() =>
    this.about() === WHOLE_TENDER ? TENDER_COMMENT_FIELDS : REQUIREMENT_COMMENT_FIELDS,
  );

  focus(): void {
    this.form().focus();
  }

  protected chooseAbout(value: string): void {
    this.about.set(value);
    // The parts differ between the tender and a requirement.
    this.part.set('');
    this.positions.set(null);
  }

  protected useSelection(): void {
    const words = this.selected();
    if (!words) return;
    this.about.set(words.requirementId ?? WHOLE_TENDER);
    this.part.set(words.field);
    this.quote.set(words.quote);
    this.positions.set({ start: words.start, end: words.end });
    this.focus();
  }

  protected readonly send = async (draft: CommentDraft): Promise<AppError | null> => {
    const anchor: CommentAnchorRequest = {};
    if (this.about() !== WHOLE_TENDER) anchor.requirementId = this.about();
    if (this.part()) {
      anchor.field = this.part() as CommentField;
      if (this.quote().trim()) anchor.quote = this.quote().trim();
      const positions = this.positions();
      if (positions && anchor.quote) Object.assign(anchor, positions);
    }
    try {
      // A requirement added moments ago exists on the server only once it is saved.
      if (anchor.requirementId && this.editor.dirty()) await this.editor.flush();
      const thread = await firstValueFrom(this.api.start(this.tenderId(), { anchor, body: draft.body, mentions: [...draft.mentions] }));
      this.part.set('');
      this.quote.set('');
      this.positions.set(null);
      this.started.emit(thread);
      return null;
    } catch (error: unknown) {
      return toAppError(error);
    }
  };
}
