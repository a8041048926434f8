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
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { type Finding, checkRequirement } from '@openbrief/spec-check';
import { Observable, Subscription } from 'rxjs';
import { AppError, toAppError } from '../../../core/http/app-error';
import type { SummaryError } from '../../../shared/forms/form-errors';
import { focusElementById } from '../../../shared/ui/focus';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { SEVERITY_RANK, plural, ruleTitle } from '../check/finding-display';
import { ImportApi, type ImportResult } from './import.api';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_TEXT_CHARS = 500_000;
const ACCEPTED = /\.(docx|md|markdown|txt)$/i;

let nextId = 0;

interface ImportLine {
  readonly index: number;
  readonly outcome: string;
  readonly heading: string | null;
  /** True when this line starts a new heading group. */
  readonly newHeading: boolean;
  readonly findings: readonly Finding[];
  readonly worst: Finding['severity'] | null;
  /** Short, de-duplicated rule titles for the line. */
  readonly titles: string[];
}

type Field = 'text' | 'file';

/**
 * Bring an existing specification in: paste text or upload a .docx/.md/.txt file, see each line with the
 * checker's findings so the buyer knows which ones to rewrite, tick the ones to keep and add them.
 * Not a <form>: it may sit inside the editor's form.
 */
@Component({
  selector: 'ob-import-specification',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Loading, Notice],
  templateUrl: './import-specification.component.html',
  styleUrl: './import-specification.component.scss',
})
export class ImportSpecificationComponent {
  @Output() readonly imported = new EventEmitter<{ outcome: string; heading: string | null }[]>();

  private readonly api = inject(ImportApi);
  private readonly injector = inject(Injector);

  protected readonly prefix = `import-${++nextId}`;
  protected readonly maxMb = MAX_FILE_BYTES / 1024 / 1024;

  protected readonly text = signal('');
  private file: File | null = null;

  protected readonly fieldErrors = signal<Partial<Record<Field, string>>>({});
  protected readonly summaryErrors = signal<SummaryError[]>([]);
  protected readonly busy = signal<Field | null>(null);
  protected readonly lines = signal<ImportLine[] | null>(null);
  protected readonly selected = signal<ReadonlySet<number>>(new Set());
  protected readonly added = signal<number | null>(null);

  protected readonly selectedCount = computed(() => this.selected().size);
  protected readonly withProblems = computed(() => (this.lines() ?? []).filter((l) => l.findings.length > 0).length);

  private readonly errorSummary = viewChild<ElementRef<HTMLElement>>('errorSummary');
  private readonly resultsHeading = viewChild<ElementRef<HTMLElement>>('resultsHeading');
  private readonly addedNotice = viewChild<ElementRef<HTMLElement>>('addedNotice');
  private subscription: Subscription | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
  }

  protected onText(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
  }

  protected onFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file = input.files?.[0] ?? null;
  }

  protected submitText(): void {
    const text = this.text();
    if (!text.trim()) return this.fail('text', 'Paste the text of your specification');
    if (text.length > MAX_TEXT_CHARS)
      return this.fail('text', 'The text must be 500,000 characters or fewer. Split it, or upload the file instead');
    this.run('text', this.api.fromText(text));
  }

  protected submitFile(): void {
    const file = this.file;
    if (!file) return this.fail('file', 'Choose a file to upload');
    if (!ACCEPTED.test(file.name)) return this.fail('file', 'The file must be a Word (.docx), Markdown (.md) or text (.txt) file');
    if (file.size === 0) return this.fail('file', 'The file you chose is empty');
    if (file.size > MAX_FILE_BYTES) return this.fail('file', `The file must be smaller than ${this.maxMb} MB`);
    this.run('file', this.api.fromFile(file));
  }

  protected toggle(index: number, checked: boolean): void {
    this.selected.update((set) => {
      const next = new Set(set);
      if (checked) next.add(index);
      else next.delete(index);
      return next;
    });
  }

  protected selectAll(): void {
    this.selected.set(new Set((this.lines() ?? []).map((l) => l.index)));
  }

  protected selectNone(): void {
    this.selected.set(new Set());
  }

  protected selectWithoutProblems(): void {
    this.selected.set(new Set((this.lines() ?? []).filter((l) => l.findings.length === 0).map((l) => l.index)));
  }

  protected bringIn(): void {
    const lines = this.lines() ?? [];
    const chosen = lines.filter((l) => this.selected().has(l.index)).map((l) => ({ outcome: l.outcome, heading: l.heading }));
    if (chosen.length === 0) return;
    this.imported.emit(chosen);
    this.lines.set(null);
    this.selected.set(new Set());
    this.added.set(chosen.length);
    afterNextRender(() => this.addedNotice()?.nativeElement.focus(), { injector: this.injector });
  }

  protected countLabel(line: ImportLine): string {
    const n = line.findings.length;
    return n === 0 ? 'No problems found' : `${plural(n, 'thing', 'things')} to rewrite`;
  }

  private run(field: Field, source: Observable<ImportResult>): void {
    this.subscription?.unsubscribe();
    this.clearErrors();
    this.added.set(null);
    this.busy.set(field);
    this.subscription = source.subscribe({
      next: (result) => {
        this.busy.set(null);
        this.show(result);
      },
      error: (error: unknown) => {
        this.busy.set(null);
        const appError: AppError = toAppError(error);
        const detail = appError.details.find((d) => d.field === field)?.message;
        this.fail(field, appError.status === 413 ? `The file must be smaller than ${this.maxMb} MB` : (detail ?? appError.message));
      },
    });
  }

  private show(result: ImportResult): void {
    let previous: string | null | undefined;
    const lines = (result?.requirements ?? [])
      .filter((r) => typeof r?.outcome === 'string' && r.outcome.trim())
      .map((r, index): ImportLine => {
        const findings = checkRequirement(r.outcome);
        const heading = r.heading ?? null;
        const newHeading = heading !== previous && heading !== null;
        previous = heading;
        let worst: ImportLine['worst'] = null;
        for (const f of findings) if (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
        return {
          index,
          outcome: r.outcome,
          heading,
          newHeading,
          findings,
          worst,
          titles: [...new Set(findings.map((f) => ruleTitle(f.rule)))],
        };
      });
    this.lines.set(lines);
    this.selected.set(new Set(lines.map((l) => l.index)));
    afterNextRender(() => this.resultsHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  private fail(field: Field, message: string): void {
    this.fieldErrors.set({ [field]: message });
    this.summaryErrors.set([{ fieldId: `${this.prefix}-${field}`, message }]);
    // GOV.UK pattern: the summary takes focus. Not the shared ErrorSummary, whose fixed ids could clash
    // with the summary of the page this component sits in.
    afterNextRender(() => this.errorSummary()?.nativeElement.focus(), { injector: this.injector });
  }

  protected goTo(event: Event, fieldId: string): void {
    event.preventDefault();
    focusElementById(fieldId);
  }

  private clearErrors(): void {
    this.fieldErrors.set({});
    this.summaryErrors.set([]);
  }
}
