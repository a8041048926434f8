import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { SmeSuitabilityReason, TenderOpenness } from '@openbrief/contracts';

/** The tests of suitability for small suppliers, named as a supplier would put them. */
export const SME_TEST_LABELS: Readonly<Record<SmeSuitabilityReason['test'], string>> = {
  thresholds: 'Turnover and insurance',
  lots: 'Lots',
  'reading-age': 'Reading age',
  procedure: 'Procedure',
};

/** The openness score in words: the same bands the buyer's checker uses while they write. */
export function opennessWords(score: number): string {
  if (score >= 85) return 'Open: few barriers to bidders';
  if (score >= 60) return 'Some barriers to bidders';
  return 'Many barriers to bidders';
}

/** Whether the reading age is low enough is one of the small-supplier tests, which says so with the checker's limit. */
export function readingAgeWords(age: number | null): string {
  if (age === null) return 'Not measured: there is too little text.';
  return `About ${Math.round(age)} years: the age at which a reader could follow the text.`;
}

/**
 * How open the tender is to bidders, from the checker at publication: the openness score and reading age,
 * and each test of suitability for small suppliers, met or not, in words (the colours only echo them).
 */
@Component({
  selector: 'ob-openness-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let o = openness();
    <section class="openness" aria-labelledby="openness-heading">
      <h2 id="openness-heading" class="openness__heading">Openness</h2>
      <dl class="openness__facts">
        <div>
          <dt>Openness score</dt>
          <dd>
            <span class="openness__score">{{ score() }} out of 100</span>
            <span class="openness__words">{{ scoreWords() }}</span>
            <span class="openness__bar" aria-hidden="true"><span class="openness__bar-fill" [style.width.%]="score()"></span></span>
          </dd>
        </div>
        <div>
          <dt>Reading age</dt>
          <dd>{{ readingAge() }}</dd>
        </div>
      </dl>

      <h3 class="openness__subheading" id="openness-sme-heading">Suitable for small suppliers?</h3>
      <p class="openness__verdict" [class.openness__verdict--yes]="o.suitableForSmallSuppliers">
        @if (o.suitableForSmallSuppliers) {
          <strong>Yes.</strong> This tender passes every test below.
        } @else {
          <strong>Not marked as suitable.</strong> This tender does not pass every test below.
        }
      </p>
      <ul class="openness__tests" aria-labelledby="openness-sme-heading">
        @for (reason of o.reasons; track reason.test) {
          <li class="test" [class.test--met]="reason.met">
            <span class="test__icon" aria-hidden="true">{{ reason.met ? '✓' : '✗' }}</span>
            <span class="test__body">
              <strong class="test__name">{{ label(reason) }}: {{ reason.met ? 'met' : 'not met' }}</strong>
              <span class="test__text">{{ reason.text }}</span>
            </span>
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    :host {
      display: block;
      padding: 1.25rem 1.5rem;
      border-top: 6px solid #1d4f91;
      border-radius: 12px;
      background: var(--ob-surface-tint);
    }

    .openness__heading {
      font-size: 1.375rem;
    }

    .openness__subheading {
      margin: 1.25rem 0 0.5rem;
      font-size: 1.125rem;
    }

    .openness__facts {
      display: grid;
      gap: 0.75rem;
      margin: 0;

      dt {
        font-weight: 700;
      }

      dd {
        margin: 0;
      }
    }

    .openness__score {
      display: block;
      font-size: 1.5rem;
      font-weight: 700;
    }

    .openness__words {
      display: block;
    }

    .openness__bar {
      display: block;
      height: 0.5rem;
      margin-top: 0.5rem;
      border-radius: 4px;
      background: #c9d6e6;
      overflow: hidden;
    }

    .openness__bar-fill {
      display: block;
      height: 100%;
      background: #1d4f91;
    }

    .openness__verdict {
      margin-bottom: 0.75rem;
    }

    .openness__tests {
      display: grid;
      gap: 0.75rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .test {
      display: grid;
      grid-template-columns: 1.75rem 1fr;
      gap: 0.5rem;
      align-items: start;
      font-size: 1rem;
    }

    .test__icon {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 1.5rem;
      height: 1.5rem;
      border-radius: 50%;
      background: #b3261e;
      color: #fff;
      font-weight: 700;
      line-height: 1;
    }

    .test--met .test__icon {
      background: #00703c;
    }

    .test__name,
    .test__text {
      display: block;
    }
  `,
})
export class OpennessPanel {
  readonly openness = input.required<TenderOpenness>();

  protected readonly score = computed(() => Math.round(this.openness().score));
  protected readonly scoreWords = computed(() => opennessWords(this.score()));
  protected readonly readingAge = computed(() => readingAgeWords(this.openness().readingAge));

  protected label(reason: SmeSuitabilityReason): string {
    return SME_TEST_LABELS[reason.test] ?? reason.test;
  }
}
