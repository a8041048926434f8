import { LiveAnnouncer } from '@angular/cdk/a11y';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { LotContent, RequirementContent, TenderContent } from '@openbrief/contracts';
import { pageTitle } from '../../../core/routing/page-title.strategy';
import { SummaryError } from '../../../shared/forms/form-errors';
import { ErrorSummary } from '../../../shared/ui/error-summary.component';
import { focusElementById } from '../../../shared/ui/focus';
import { UndoNotice } from '../../../shared/ui/undo-notice.component';
import { requirementField } from '../data-access/field-ids';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { ClassificationFields } from '../ui/classification-fields.component';
import { ContactFields } from '../ui/contact-fields.component';
import { CriteriaEditor } from '../ui/criteria-editor.component';
import { GUIDED_STEPS, GuidedStep, guidedStep } from '../ui/guided-steps';
import { PriceMethodFields } from '../ui/price-method-fields.component';
import { TenderField } from '../ui/tender-field.component';
import { TimetableFields } from '../ui/timetable-fields.component';
import { ResponseRulesFields } from '../ui/response-rules-fields.component';

/** A required answer, checked when the buyer presses Continue. */
const REQUIRED: Partial<Record<GuidedStep['id'], (c: TenderContent) => SummaryError | null>> = {
  problem: (c) => (c.problem.trim() ? null : { fieldId: 'problem', message: 'Describe the problem you are trying to solve' }),
  outcomes: (c) => {
    if (c.lots.some((l) => l.requirements.some((r) => r.outcome.trim()))) return null;
    const lot = c.lots[0];
    const first = lot?.requirements[0];
    return {
      fieldId: first ? requirementField(first.id, 'outcome') : lot ? `add-outcome-${lot.id}` : '',
      message: 'Write at least one outcome',
    };
  },
  summary: (c) => (c.summary.trim() ? null : { fieldId: 'summary', message: 'Write a summary for suppliers' }),
  contact: (c) => (c.contact.email.trim() ? null : { fieldId: 'contact-email', message: 'Enter an e-mail address suppliers can write to' }),
};

/**
 * One question per page, GOV.UK style: the question is the heading, with a hint, examples of
 * good and weak answers, and a list of steps. Answers save as the buyer types, like the full editor.
 */
@Component({
  selector: 'ob-guided-step-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    RouterLink,
    MatButtonModule,
    ErrorSummary,
    ClassificationFields,
    ContactFields,
    CriteriaEditor,
    PriceMethodFields,
    TenderField,
    TimetableFields,
    ResponseRulesFields,
    UndoNotice,
  ],
  templateUrl: './guided-step-page.component.html',
  styleUrl: './guided-step-page.component.scss',
})
export class GuidedStepPage {
  /** Bound from the `:step` route parameter. */
  readonly step = input.required<string>();

  protected readonly store = inject(TenderEditorStore);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly announcer = inject(LiveAnnouncer);
  protected readonly steps = GUIDED_STEPS;
  protected readonly field = requirementField;

  protected readonly current = computed(() => guidedStep(this.step()) ?? null);
  protected readonly index = computed(() => GUIDED_STEPS.findIndex((s) => s.id === this.step()));
  protected readonly isLast = computed(() => this.index() === GUIDED_STEPS.length - 1);
  protected readonly base = computed(() => ['/tenders', this.store.tender()?.id ?? '']);
  protected readonly back = computed(() => {
    const previous = GUIDED_STEPS[this.index() - 1];
    return previous ? [...this.base(), 'guided', previous.id] : ['/tenders'];
  });
  protected readonly numbered = computed(() =>
    (this.store.content()?.lots ?? []).map((lot, l) => ({
      lot,
      number: l + 1,
      requirements: lot.requirements.map((r, i) => ({ r, number: `${l + 1}.${i + 1}`, position: i + 1 })),
    })),
  );
  protected readonly hasRequirements = computed(() => this.numbered().some((n) => n.requirements.length > 0));
  /** The outcome just deleted, numbered as it was, while it can be undone. */
  protected readonly deleted = computed(() => {
    const removed = this.store.lastDeleted();
    const lot = (this.store.content()?.lots ?? []).findIndex((l) => l.id === removed?.lotId);
    if (!removed || lot < 0) return null;
    const text = removed.requirement.outcome.trim() || 'no outcome written';
    return { number: `${lot + 1}.${removed.index + 1}`, excerpt: text.length > 70 ? `${text.slice(0, 69).trimEnd()}…` : text };
  });

  /** Shown after Continue: missing answers, and any problem with this step's fields. */
  protected readonly errors = signal<SummaryError[]>([]);
  private readonly attempted = signal(false);

  constructor() {
    const title = inject(Title);
    effect(() => {
      const step = this.current();
      const errors = this.attempted() ? 'Error: ' : '';
      title.setTitle(pageTitle(step ? `${errors}${step.question}` : 'Page not found'));
    });
    // A new step starts with a clean slate.
    effect(() => {
      this.step();
      this.errors.set([]);
      this.attempted.set(false);
    });
  }

  protected requiredError(id: string): string {
    return this.errors().find((e) => e.fieldId === id)?.message ?? '';
  }

  protected error(id: string): string {
    return this.requiredError(id) || this.store.errorFor(id);
  }

  protected many(): boolean {
    return (this.store.content()?.lots.length ?? 0) > 1;
  }

  protected setRequirement(lot: LotContent, r: RequirementContent, patch: Partial<RequirementContent>): void {
    this.store.setRequirement(lot.id, r.id, patch);
    if (this.attempted() && patch.outcome?.trim()) this.errors.set([]);
  }

  protected setMeasure(lot: LotContent, r: RequirementContent, patch: Partial<RequirementContent['measure']>): void {
    this.store.setMeasure(lot.id, r.id, patch);
  }

  protected orNull(text: string): string | null {
    return text.trim() ? text : null;
  }

  protected addOutcome(lot: LotContent): void {
    const id = this.store.addRequirement(lot.id);
    afterNextRender(() => focusElementById(requirementField(id, 'outcome')), { injector: this.injector });
  }

  protected removeOutcome(lot: LotContent, r: RequirementContent, number: string): void {
    // No confirmation: the deletion can be undone, and focus goes to Undo so that is one key away.
    this.store.deleteRequirement(lot.id, r.id);
    void this.announcer.announce(`Outcome ${number} deleted.`, 'polite');
    afterNextRender(() => focusElementById(`undo-guided`), { injector: this.injector });
  }

  protected undo(): void {
    const number = this.deleted()?.number;
    const removed = this.store.undoDelete();
    if (!removed) return;
    void this.announcer.announce(`Outcome ${number} is back.`, 'polite');
    afterNextRender(() => focusElementById(requirementField(removed.requirement.id, 'outcome')), { injector: this.injector });
  }

  protected async continue(): Promise<void> {
    const step = this.current();
    const content = this.store.content();
    if (!step || !content) return;
    this.attempted.set(true);
    const required = REQUIRED[step.id]?.(content);
    const own = this.store
      .problems()
      .filter((p) => step.owns(p.fieldId))
      .map((p) => ({ fieldId: p.fieldId, message: p.message }));
    const errors = [...(required ? [required] : []), ...own];
    this.errors.set(errors);
    if (errors.length) return;
    void this.store.save();
    const next = GUIDED_STEPS[this.index() + 1];
    await this.router.navigate(next ? [...this.base(), 'guided', next.id] : [...this.base(), 'publish']);
  }
}
