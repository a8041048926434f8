import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { TenderDetail } from '@openbrief/contracts';
import { TenderOutcomes } from './tender-outcomes.component';

/**
 * The story of a tender as suppliers read it: the problem, the users, what has been tried, constraints,
 * and each lot's outcomes. Shared by the public page and the buyer's preview, so the preview is the real thing.
 */
@Component({
  selector: 'ob-tender-narrative',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TenderOutcomes],
  host: { '[class.narrative--preview]': 'preview()' },
  template: `
    @let t = tender();
    @if (t.problem) {
      <h2>The problem</h2>
      <p class="prose">{{ t.problem }}</p>
    }
    @if (t.users) {
      <h2>Who this is for</h2>
      <p class="prose">{{ t.users }}</p>
    }
    @if (t.workDone) {
      <h2>What has been tried already</h2>
      <p class="prose">{{ t.workDone }}</p>
    }
    @if (t.constraints) {
      <h2>Constraints</h2>
      <p class="prose">{{ t.constraints }}</p>
    }

    <h2>What we want to achieve</h2>
    @for (lot of t.lots; track lot.id) {
      @if (t.lots.length > 1) {
        <h3 class="lot-heading">Lot {{ lot.number }}: {{ lot.title }}</h3>
        @if (lot.description) {
          <p class="prose">{{ lot.description }}</p>
        }
        <ob-tender-outcomes [requirements]="lot.requirements" [headingLevel]="4" />
      } @else {
        <ob-tender-outcomes [requirements]="lot.requirements" />
      }
      @if (preview() && !lot.requirements.length) {
        <p class="missing">No requirements yet.</p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      margin-top: 2.5rem;
    }
    .prose {
      max-width: 42rem;
    }
    :host(.narrative--preview) .prose {
      white-space: pre-line;
    }
    .lot-heading {
      margin-top: 2rem;
    }
    .missing {
      color: var(--ob-error);
      font-style: italic;
    }
  `,
})
export class TenderNarrative {
  readonly tender = input.required<TenderDetail>();
  /** The buyer's preview: keeps line breaks as typed and points out what is still missing. */
  readonly preview = input(false);
}
