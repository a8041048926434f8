import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  OnInit,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { Declaration, LibraryAnswer, MissingItem } from '@openbrief/contracts';
import { formatUkDate } from '../../../shared/pipes/uk-date.pipe';
import { focusElementById } from '../../../shared/ui/focus';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { countdownText } from '../data-access/countdown';
import { PriceLineDraft } from '../data-access/price';
import { DeclarationDraft, Leftover } from '../data-access/response-draft';
import { ResponseEditorStore } from '../data-access/response-editor.store';
import { ResponsesApi } from '../data-access/responses.api';
import { AnswerField } from '../ui/answer-field.component';
import { AttachmentsSection } from '../ui/attachments-section.component';
import { ChangesBanner } from '../ui/changes-banner.component';
import { DeclarationField } from '../ui/declaration-field.component';
import { OutcomeNotice } from '../ui/outcome-notice.component';
import { PriceTable } from '../ui/price-table.component';
import { ResponseSaveStatus } from '../ui/response-save-status.component';
import { ResponseStatusTag } from '../ui/response-status-tag.component';
import { SubmissionPanel } from '../ui/submission-panel.component';

/** The supplier's response to one lot: answers, declarations, price, documents, then check and submit. */
@Component({
  selector: 'ob-response-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ResponseEditorStore],
  imports: [
    RouterLink,
    Loading,
    Notice,
    AnswerField,
    DeclarationField,
    PriceTable,
    AttachmentsSection,
    SubmissionPanel,
    ChangesBanner,
    OutcomeNotice,
    ResponseSaveStatus,
    ResponseStatusTag,
  ],
  host: { '(window:beforeunload)': 'beforeUnload($event)' },
  templateUrl: './response-editor-page.component.html',
  styleUrl: './response-editor-page.component.scss',
})
export class ResponseEditorPage implements OnInit {
  /** Bound from the `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly store = inject(ResponseEditorStore);
  private readonly api = inject(ResponsesApi);
  private readonly injector = inject(Injector);

  protected readonly library = signal<LibraryAnswer[]>([]);
  /** Marked after a refused submit, so each missing field says what it needs. */
  protected readonly markedMissing = signal<ReadonlySet<string>>(new Set());
  protected readonly showAllPriceErrors = signal(false);

  protected readonly countdown = computed(() => countdownText(this.store.response()?.submissionDeadline ?? null, this.store.now()));
  protected readonly deadline = computed(() => {
    const at = this.store.response()?.submissionDeadline;
    return at ? formatUkDate(at) : null;
  });
  /** Everything the supplier has library answers for, except this response's own. */
  protected readonly libraryHere = computed(() => this.library().filter((l) => l.responseId !== this.store.response()?.id));

  ngOnInit(): void {
    this.store.load(this.id());
    this.api.library().subscribe({ next: (list) => this.library.set(list), error: () => this.library.set([]) });
  }

  constructor() {
    // The heading arrives with the response: move focus there once it has loaded, as the buyer's pages do.
    let focused = false;
    effect(() => {
      if (focused || this.store.loadState() === 'loading') return;
      focused = true;
      afterNextRender(() => document.querySelector<HTMLElement>('main h1')?.focus(), { injector: this.injector });
    });
  }

  protected answerText(criterionId: string): string {
    return this.store.draft()?.answers[criterionId] ?? '';
  }

  protected declarationValue(declaration: Declaration): DeclarationDraft {
    return this.store.draft()?.declarations[declaration.requirementId] ?? { meets: null, evidence: '' };
  }

  protected setAnswer(criterionId: string, text: string): void {
    this.store.edit((d) => ({ ...d, answers: { ...d.answers, [criterionId]: text } }));
    this.unmark(`answer:${criterionId}`);
  }

  protected setDeclaration(requirementId: string, value: DeclarationDraft): void {
    this.store.edit((d) => ({ ...d, declarations: { ...d.declarations, [requirementId]: value } }));
    if (value.meets !== null) this.unmark(`declaration:${requirementId}`);
  }

  protected setLines(lines: PriceLineDraft[]): void {
    this.store.edit((d) => ({ ...d, priceLines: lines }));
    this.unmark('price:');
  }

  protected isMissing(kind: MissingItem['kind'], id: string | null): boolean {
    return this.markedMissing().has(`${kind}:${id ?? ''}`);
  }

  protected submitAttempted(missing: MissingItem[]): void {
    this.markedMissing.set(new Set(missing.map((m) => `${m.kind}:${m.id ?? ''}`)));
    this.showAllPriceErrors.set(true);
  }

  protected loadTheirs(): void {
    this.store.loadTheirs();
    afterNextRender(() => document.getElementById(this.store.leftovers().length ? 'leftovers-title' : 'editor-title')?.focus(), {
      injector: this.injector,
    });
  }

  protected applyLeftover(leftover: Leftover): void {
    this.store.applyLeftover(leftover);
    afterNextRender(() => document.getElementById('leftovers-title')?.focus(), { injector: this.injector });
  }

  /** Leaving in the app saves first; if that cannot be done, the supplier chooses. */
  async canLeave(): Promise<boolean> {
    if (!this.store.dirty() || !this.store.editable()) return true;
    if (await this.store.flush()) return true;
    return window.confirm('Your latest changes are not saved. Leave this page anyway?');
  }

  protected beforeUnload(event: BeforeUnloadEvent): void {
    if (this.store.dirty() && this.store.editable()) {
      void this.store.save();
      event.preventDefault();
    }
  }

  protected jump(event: Event, id: string): void {
    event.preventDefault();
    focusElementById(id);
  }

  private unmark(key: string): void {
    if (!this.markedMissing().has(key)) return;
    this.markedMissing.update((set) => new Set([...set].filter((k) => k !== key)));
  }
}
