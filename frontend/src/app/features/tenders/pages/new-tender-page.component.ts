import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { TenderTemplateSummary } from '@openbrief/contracts';
import { toAppError } from '../../../core/http/app-error';
import { createLoader } from '../../../shared/data/load-state';
import { SummaryError } from '../../../shared/forms/form-errors';
import { ErrorSummary } from '../../../shared/ui/error-summary.component';
import { Loading } from '../../../shared/ui/loading.component';
import { LIMITS } from '../data-access/content-validation';
import { TendersApi } from '../data-access/tenders.api';
import { RadioOption, Radios } from '../ui/radios.component';
import { TextField } from '../ui/text-field.component';

const BLANK = 'blank';

/** Starts a draft: a working title, and a template that shows what a good outcome-based tender looks like. */
@Component({
  selector: 'ob-new-tender-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, ErrorSummary, Loading, Radios, TextField],
  template: `
    <div class="container page">
      <a class="back-link" routerLink="/tenders">Your tenders</a>
      <div class="narrow">
        @if (errors().length) {
          <ob-error-summary [errors]="errors()" />
        }
        <h1>Start a new tender</h1>
        <p class="lead">
          You will describe the problem and the outcomes you need. Suppliers then propose how to achieve them, which brings in more ideas
          and more small businesses.
        </p>

        <form (submit)="create($event)" novalidate>
          <ob-text-field
            fieldId="new-title"
            label="Working title"
            hint="You can change it later. For example, “Reducing missed outpatient appointments”."
            [maxLength]="limits.title"
            [value]="title()"
            [error]="titleError()"
            (valueChange)="setTitle($event)"
          />

          @switch (templates.state().status) {
            @case ('loading') {
              <ob-loading label="Loading templates…" />
            }
            @case ('error') {
              <p>We could not load the templates, so the tender will start blank.</p>
            }
            @case ('ready') {
              <ob-radios
                fieldId="new-template"
                legend="Start from"
                legendSize="m"
                hint="Each template has example outcomes, measures and scoring to edit. Nothing is published until you choose to publish."
                [options]="templateOptions()"
                [value]="template()"
                (valueChange)="template.set($event)"
              />
            }
          }

          <ob-radios
            fieldId="new-mode"
            legend="How do you want to write it?"
            legendSize="m"
            [options]="modeOptions"
            [value]="mode()"
            (valueChange)="mode.set($event)"
          />

          <div class="button-row">
            <button mat-flat-button type="submit" [disabled]="creating()">
              {{ creating() ? 'Creating the tender…' : 'Create tender' }}
            </button>
            <a routerLink="/tenders">Cancel</a>
          </div>
        </form>
      </div>
    </div>
  `,
})
export class NewTenderPage {
  private readonly api = inject(TendersApi);
  private readonly router = inject(Router);
  protected readonly limits = LIMITS;
  protected readonly templates = createLoader<TenderTemplateSummary[]>();

  protected readonly title = signal('');
  protected readonly template = signal<string>('digital-service');
  protected readonly mode = signal('guided');
  protected readonly creating = signal(false);
  protected readonly errors = signal<SummaryError[]>([]);
  protected readonly titleError = computed(() => this.errors().find((e) => e.fieldId === 'new-title')?.message ?? '');

  protected readonly modeOptions: readonly RadioOption[] = [
    {
      value: 'guided',
      label: 'One question at a time (recommended)',
      hint: 'We guide you from the problem to the scoring, with examples.',
    },
    { value: 'full', label: 'All on one page', hint: 'For buyers who have written outcome-based tenders before.' },
  ];

  protected readonly templateOptions = computed<RadioOption[]>(() => {
    const state = this.templates.state();
    const list = state.status === 'ready' ? state.value : [];
    return [
      ...list.map((t) => ({ value: t.id, label: t.name, hint: t.description })),
      { value: BLANK, label: 'A blank tender', hint: 'One lot, no requirements, and the usual quality, price and social value split.' },
    ];
  });

  constructor() {
    this.templates.load(this.api.templates());
  }

  protected setTitle(value: string): void {
    this.title.set(value);
    if (this.titleError() && value.trim()) this.errors.set([]);
  }

  protected create(event: Event): void {
    event.preventDefault();
    if (this.creating()) return;
    const title = this.title().trim();
    if (!title || title.length > LIMITS.title) {
      this.errors.set([
        {
          fieldId: 'new-title',
          message: title ? 'The title must be 200 characters or fewer' : 'Enter a working title for the tender',
        },
      ]);
      return;
    }
    const state = this.templates.state();
    const templateId = state.status === 'ready' && this.template() !== BLANK ? this.template() : undefined;
    this.creating.set(true);
    this.api.create({ title, ...(templateId ? { templateId } : {}) }).subscribe({
      next: (tender) => {
        const path = this.mode() === 'full' ? ['/tenders', tender.id] : ['/tenders', tender.id, 'guided', 'problem'];
        void this.router.navigate(path);
      },
      error: (error: unknown) => {
        this.creating.set(false);
        const appError = toAppError(error);
        this.errors.set([{ fieldId: appError.details.some((d) => d.field === 'title') ? 'new-title' : '', message: appError.message }]);
      },
    });
  }
}
