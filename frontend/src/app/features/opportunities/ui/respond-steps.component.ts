import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DEFAULT_RESPONSE_RULES, HOW_TO_RESPOND_STEPS, type ResponseRules, attachmentRuleText } from '@openbrief/contracts';

/**
 * The one description of how to respond (the same words as the tender pack), and what this tender
 * lets a supplier attach.
 */
@Component({
  selector: 'ob-respond-steps',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="steps">
      @for (step of steps; track $index) {
        <li>{{ step }}</li>
      }
    </ol>
    <h3 class="steps__rules-heading">What you can attach</h3>
    <p>{{ attachments() }}</p>
  `,
  styles: `
    .steps {
      padding-left: 1.5rem;

      li + li {
        margin-top: 0.5rem;
      }
    }

    .steps__rules-heading {
      margin-top: 1.5rem;
      font-size: 1.25rem;
    }
  `,
})
export class RespondSteps {
  /** Published records from before response rules existed have none: they read as the defaults. */
  readonly rules = input<ResponseRules | null | undefined>(null);

  protected readonly steps = HOW_TO_RESPOND_STEPS;

  /** The same sentence as the tender pack's. */
  protected readonly attachments = computed(() => attachmentRuleText(this.rules() ?? DEFAULT_RESPONSE_RULES));
}
