import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  EventEmitter,
  Injector,
  Output,
  afterNextRender,
  computed,
  forwardRef,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import type { FindingJustification } from '@openbrief/contracts';
import { type Finding, checkRequirement } from '@openbrief/spec-check';
import { applyReplacement, dropInReplacement, highlightSegments, justificationKey, justificationMap, plural } from './finding-display';
import { LiveTextDirective } from '../ui/live-text.directive';
import { FindingItemComponent } from './finding-item.component';

let nextId = 0;

/** How long typing must pause before the number of findings is announced to screen readers. */
const ANNOUNCE_AFTER_MS = 1500;

interface ShownFinding {
  readonly key: string;
  readonly finding: Finding;
  readonly span: string;
  readonly replacement: string | null;
  readonly justification: string | null;
}

/**
 * A textarea that checks what the buyer writes for over-prescription as they type: it underlines each
 * finding (a mirrored backdrop of <mark>s behind a transparent textarea) and lists the findings below,
 * with one-click fixes and a "Justify" action. Works with [formControl] and [(ngModel)].
 */
@Component({
  selector: 'ob-checked-textarea',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FindingItemComponent, LiveTextDirective],
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => CheckedTextareaComponent), multi: true }],
  templateUrl: './checked-textarea.component.html',
  styleUrl: './checked-textarea.component.scss',
})
export class CheckedTextareaComponent implements ControlValueAccessor {
  readonly label = input.required<string>();
  readonly hint = input<string>();
  readonly requirementId = input<string>();
  readonly estimatedValue = input<number | null>();
  readonly justifications = input<FindingJustification[]>([]);
  readonly rows = input<number | undefined>(undefined);
  readonly maxLength = input<number>();
  /** A guided question page: the label is the page's h1. */
  readonly pageHeading = input(false);
  readonly optional = input(false);
  /** A validation error from the editor (not a checker finding), shown above the field as unchecked fields show theirs. */
  readonly error = input<string>('');
  /** The textarea's DOM id (the editor uses `outcome-<requirementId>` so error summaries can link to it). */
  readonly inputId = input<string>();

  @Output() readonly justify = new EventEmitter<FindingJustification>();

  private readonly fallbackId = `ob-checked-textarea-${++nextId}`;
  protected readonly id = computed(() => this.inputId() || this.fallbackId);

  protected readonly value = signal('');
  protected readonly disabled = signal(false);

  /** Justifications from the parent, plus any just made here until the parent sends a new list. */
  private readonly knownJustifications = linkedSignal(() => justificationMap(this.justifications()));

  protected readonly findings = computed<readonly Finding[]>(() => {
    const value = this.estimatedValue();
    return checkRequirement(this.value(), typeof value === 'number' && value > 0 ? { estimatedValue: value } : undefined);
  });

  protected readonly shown = computed<ShownFinding[]>(() => {
    const text = this.value();
    const known = this.knownJustifications();
    const requirementId = this.requirementId();
    return this.findings().map((finding, i) => ({
      key: `${i}-${finding.rule}-${finding.start}`,
      finding,
      span: text.slice(finding.start, finding.end),
      replacement: dropInReplacement(finding, text),
      justification: requirementId ? (known.get(justificationKey(requirementId, finding.rule)) ?? null) : null,
    }));
  });

  protected readonly open = computed(() => this.shown().filter((f) => f.justification === null));
  protected readonly justified = computed(() => this.shown().filter((f) => f.justification !== null));

  protected readonly segments = computed(() =>
    highlightSegments(
      this.value(),
      this.open().map((f) => f.finding),
    ),
  );

  protected readonly summary = computed(() => summarise(this.open().length, this.justified().length));
  protected readonly remaining = computed(() => {
    const max = this.maxLength();
    return max ? max - this.value().length : null;
  });

  /** Polite announcement; updated only when typing pauses and the count has changed. */
  protected readonly announcement = signal('');
  private announcedCount = 0;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly textarea = viewChild.required<ElementRef<HTMLTextAreaElement>>('textarea');
  private readonly backdrop = viewChild.required<ElementRef<HTMLElement>>('backdrop');
  private readonly injector = inject(Injector);

  private onChange: (value: string) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.announceTimer));
  }

  // ── ControlValueAccessor ────────────────────────────────────────────────
  writeValue(value: unknown): void {
    const text = typeof value === 'string' ? value : value == null ? '' : String(value);
    // [ngModel] bound to a store echoes every keystroke back: nothing to do then.
    if (text === this.value()) return;
    this.value.set(text);
    // A value set from outside (loading a tender, undo) is not news: only announce changes the buyer makes.
    clearTimeout(this.announceTimer);
    this.announcedCount = this.open().length;
    this.syncScrollSoon();
  }

  registerOnChange(fn: (value: string) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(isDisabled: boolean): void {
    this.disabled.set(isDisabled);
  }

  // ── events ──────────────────────────────────────────────────────────────
  protected onInput(event: Event): void {
    const text = (event.target as HTMLTextAreaElement).value;
    this.value.set(text);
    this.onChange(text);
    this.syncScroll();
    this.scheduleAnnouncement();
  }

  protected onBlur(): void {
    this.onTouched();
  }

  protected syncScroll(): void {
    const backdrop = this.backdrop().nativeElement;
    const textarea = this.textarea().nativeElement;
    backdrop.scrollTop = textarea.scrollTop;
    backdrop.scrollLeft = textarea.scrollLeft;
  }

  protected applySuggestion(item: ShownFinding): void {
    if (item.replacement === null || this.disabled()) return;
    const current = this.value();
    // Only replace if the flagged words are still where the check found them.
    if (current.slice(item.finding.start, item.finding.end) !== item.span) return;
    const { text, caret } = applyReplacement(current, item.finding.start, item.finding.end, item.replacement);
    this.value.set(text);
    this.onChange(text);
    this.onTouched();
    this.announcedCount = this.open().length;
    this.announcement.set(
      item.replacement
        ? `Replaced “${item.span}” with “${item.replacement}”. ${summarise(this.open().length, this.justified().length)}`
        : `Removed “${item.span}”. ${summarise(this.open().length, this.justified().length)}`,
    );
    afterNextRender(
      () => {
        const textarea = this.textarea().nativeElement;
        textarea.focus();
        textarea.setSelectionRange(caret, caret);
        this.syncScroll();
      },
      { injector: this.injector },
    );
  }

  protected showInText(item: ShownFinding): void {
    const textarea = this.textarea().nativeElement;
    textarea.focus();
    textarea.setSelectionRange(item.finding.start, item.finding.end);
    this.syncScroll();
  }

  protected saveJustification(item: ShownFinding, text: string): void {
    const requirementId = this.requirementId();
    if (!requirementId) return;
    const justification: FindingJustification = { requirementId, rule: item.finding.rule, text };
    this.knownJustifications.update((map) => new Map(map).set(justificationKey(requirementId, item.finding.rule), text));
    this.announcedCount = this.open().length;
    this.justify.emit(justification);
  }

  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const count = this.open().length;
      if (count === this.announcedCount) return;
      this.announcedCount = count;
      this.announcement.set(`${this.label()}: ${summarise(count, this.justified().length)}`);
    }, ANNOUNCE_AFTER_MS);
  }

  private syncScrollSoon(): void {
    afterNextRender(() => this.syncScroll(), { injector: this.injector });
  }
}

function summarise(open: number, justified: number): string {
  const problems = open === 0 ? 'No problems found' : `${plural(open, 'thing', 'things')} to check`;
  return justified ? `${problems}, ${justified} justified.` : `${problems}.`;
}
