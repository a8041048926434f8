import { ChangeDetectionStrategy, Component, ElementRef, computed, input, output, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { COMMENT_LIMITS, type TeamMember } from '@openbrief/contracts';
import { AppError } from '../../../core/http/app-error';
import { MentionPicker } from './mention-picker.component';

export interface CommentDraft {
  readonly body: string;
  readonly mentions: readonly string[];
}

/** Sends the draft; resolves to null when it was saved, or the error to show. */
export type SendComment = (draft: CommentDraft) => Promise<AppError | null>;

/** Letters after an "@" just before the caret: the start of a name being typed. */
const MENTION_QUERY = /(?:^|\s)@([\p{L}\p{M}'’.-]*)$/u;
const SUGGESTIONS = 6;

/**
 * A comment box with the people to mention: tick them, or type "@" and the start of a name and pick
 * from the suggestions (arrow keys and Enter, or click). Anything projected goes above the box.
 */
@Component({
  selector: 'ob-comment-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MentionPicker],
  templateUrl: './comment-form.component.html',
  styleUrl: './comment-form.component.scss',
})
export class CommentForm {
  readonly idPrefix = input.required<string>();
  readonly label = input('Comment');
  readonly hint = input('');
  readonly submitLabel = input('Add comment');
  readonly team = input<readonly TeamMember[]>([]);
  readonly meId = input<string | null>(null);
  readonly send = input.required<SendComment>();
  readonly cancellable = input(false);
  readonly cancelled = output<void>();

  protected readonly body = signal('');
  protected readonly mentions = signal<readonly string[]>([]);
  protected readonly bodyError = signal('');
  protected readonly failure = signal('');
  protected readonly busy = signal(false);
  protected readonly limit = COMMENT_LIMITS.body;

  /** The "@name" being typed and where it starts, while suggestions are offered. */
  private readonly query = signal<{ text: string; start: number; end: number } | null>(null);
  protected readonly active = signal(0);
  protected readonly suggestions = computed(() => {
    const q = this.query();
    if (!q) return [];
    const needle = q.text.toLocaleLowerCase('en-GB');
    return this.team()
      .filter((m) => m.id !== this.meId())
      .filter(
        (m) =>
          !needle ||
          m.name
            .toLocaleLowerCase('en-GB')
            .split(/\s+/)
            .some((word) => word.startsWith(needle)),
      )
      .slice(0, SUGGESTIONS);
  });
  protected readonly suggesting = computed(() => this.suggestions().length > 0);
  protected readonly suggestionStatus = computed(() => {
    const n = this.suggestions().length;
    if (!this.query()) return '';
    if (!n) return 'No one in the team matches.';
    return `${n === 1 ? '1 person matches' : `${n} people match`}. Use the up and down arrows to choose, then press Enter.`;
  });

  private readonly textarea = viewChild.required<ElementRef<HTMLTextAreaElement>>('textarea');

  /** Puts the caret in the comment box (call once the form is on screen). */
  focus(): void {
    this.textarea().nativeElement.focus();
  }

  protected typed(event: Event): void {
    const box = event.target as HTMLTextAreaElement;
    this.body.set(box.value);
    if (this.bodyError() && box.value.trim()) this.bodyError.set('');
    this.findQuery(box);
  }

  protected keydown(event: KeyboardEvent): void {
    if (!this.suggesting()) return;
    const count = this.suggestions().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.active.set((this.active() + 1) % count);
        return;
      case 'ArrowUp':
        event.preventDefault();
        this.active.set((this.active() - 1 + count) % count);
        return;
      case 'Enter':
      case 'Tab':
        event.preventDefault();
        this.choose(this.suggestions()[this.active()]);
        return;
      case 'Escape':
        event.preventDefault();
        this.query.set(null);
        return;
    }
  }

  /** Replaces the "@nam" being typed with "@Name " and ticks that person. */
  protected choose(member: TeamMember | undefined): void {
    const q = this.query();
    if (!member || !q) return;
    const text = this.body();
    const insert = `@${member.name} `;
    const next = text.slice(0, q.start) + insert + text.slice(q.end);
    this.body.set(next);
    if (!this.mentions().includes(member.id)) this.mentions.set([...this.mentions(), member.id]);
    this.query.set(null);
    const box = this.textarea().nativeElement;
    box.value = next;
    const caret = q.start + insert.length;
    box.focus();
    box.setSelectionRange(caret, caret);
  }

  protected closeSuggestions(): void {
    this.query.set(null);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    this.failure.set('');
    const body = this.body().trim();
    if (!body) {
      this.bodyError.set(`Enter your ${this.label().toLowerCase()}`);
      this.textarea().nativeElement.focus();
      return;
    }
    if (body.length > this.limit) {
      this.bodyError.set(`${this.label()} must be ${this.limit} characters or fewer`);
      this.textarea().nativeElement.focus();
      return;
    }
    this.busy.set(true);
    const error = await this.send()({ body, mentions: this.mentions() });
    this.busy.set(false);
    if (!error) {
      this.reset();
      return;
    }
    const bodyDetail = error.details.find((d) => d.field === 'body');
    if (bodyDetail) {
      this.bodyError.set(bodyDetail.message);
      this.textarea().nativeElement.focus();
    } else {
      this.failure.set(error.message);
    }
  }

  protected cancel(): void {
    this.reset();
    this.cancelled.emit();
  }

  private reset(): void {
    this.body.set('');
    this.mentions.set([]);
    this.bodyError.set('');
    this.failure.set('');
    this.query.set(null);
    this.textarea().nativeElement.value = '';
  }

  private findQuery(box: HTMLTextAreaElement): void {
    const caret = box.selectionStart ?? box.value.length;
    const before = box.value.slice(0, caret);
    const match = MENTION_QUERY.exec(before);
    if (!match || box.selectionEnd !== box.selectionStart) {
      this.query.set(null);
      return;
    }
    const text = match[1] ?? '';
    const previous = this.query();
    this.query.set({ text, start: caret - text.length - 1, end: caret });
    if (previous?.text !== text) this.active.set(0);
  }
}
