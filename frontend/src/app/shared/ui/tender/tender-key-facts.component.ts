import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ITL_REGIONS, PROCUREMENT_CATEGORY_LABELS, ProcurementCategory, type TenderDetail, VatBasis } from '@openbrief/contracts';
import { UkDatePipe } from '../../pipes/uk-date.pipe';
import { PROCEDURE_LABELS } from './tender-labels';
import { TenderValuePipe } from '../../pipes/tender-value.pipe';

/**
 * A tender's key facts (closing date, value, contract, what is bought, where, procedure, contact) as suppliers read
 * them. Shared by the public page and the buyer's preview; the preview also says what is still missing.
 */
@Component({
  selector: 'ob-tender-key-facts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UkDatePipe, TenderValuePipe],
  template: `
    @let t = tender();
    <dl class="facts__list">
      <dt>Closing date</dt>
      <dd>
        @if (t.timetable.submissionDeadline) {
          <time [attr.datetime]="t.timetable.submissionDeadline">{{ t.timetable.submissionDeadline | ukDate }}</time>
        } @else {
          Not set yet
        }
      </dd>
      <dt>Estimated value</dt>
      <dd>
        {{ t.estimatedValue | tenderValue: t.budget.currency }}
        @if (t.estimatedValue !== null) {
          {{ t.budget.vatBasis === includingVat ? 'including VAT' : 'excluding VAT' }}
        }
      </dd>
      @if (t.contract.lengthMonths) {
        <dt>Contract length</dt>
        <dd>
          {{ t.contract.lengthMonths }} months
          @if (t.contract.extensionOptions) {
            <span class="facts__note">{{ t.contract.extensionOptions }}</span>
          }
        </dd>
      }
      <dt>What is bought</dt>
      <dd>{{ categoryLabel() }}</dd>
      @if (t.location) {
        <dt>Location</dt>
        <dd>{{ t.location }}</dd>
      }
      <dt>Regions</dt>
      <dd>{{ regionNames() }}</dd>
      <dt>Procedure</dt>
      <dd>{{ procedureLabels[t.procedure] }}</dd>
      @if (t.contact.name || t.contact.email) {
        <dt>Contact</dt>
        <dd>
          {{ t.contact.name }}
          @if (t.contact.email) {
            @if (preview()) {
              <span class="facts__note facts__email">{{ t.contact.email }}</span>
            } @else {
              <a class="facts__email" [href]="'mailto:' + t.contact.email">{{ t.contact.email }}</a>
            }
          }
          @if (t.contact.phone) {
            <span class="facts__note">{{ t.contact.phone }}</span>
          }
        </dd>
      } @else if (preview()) {
        <dt>Contact</dt>
        <dd><span class="missing">Not set yet</span></dd>
      }
    </dl>
  `,
  styles: `
    .facts__list {
      margin: 0;

      dt {
        margin-top: 0.875rem;
        color: var(--ob-text-secondary);
        font-size: 1rem;
        font-weight: 700;
      }

      dt:first-child {
        margin-top: 0;
      }

      dd {
        margin: 0.125rem 0 0;
      }
    }

    .facts__note,
    .facts__email {
      display: block;
      font-size: 1rem;
    }

    .facts__email {
      overflow-wrap: anywhere;
    }

    .missing {
      color: var(--ob-error);
      font-style: italic;
    }
  `,
})
export class TenderKeyFacts {
  readonly tender = input.required<TenderDetail>();
  /** The buyer's preview: missing facts are pointed out, and the e-mail address is not a link yet. */
  readonly preview = input(false);

  protected readonly procedureLabels = PROCEDURE_LABELS;
  /** A version published before the category existed reads as services. */
  protected readonly categoryLabel = computed(
    () => PROCUREMENT_CATEGORY_LABELS[this.tender().mainCategory] ?? PROCUREMENT_CATEGORY_LABELS[ProcurementCategory.Services],
  );
  protected readonly includingVat = VatBasis.IncludingVat;
  /** In the ITL order; none named (or a version published before regions existed): anywhere in the UK. */
  protected readonly regionNames = computed(() => {
    const codes: readonly string[] = this.tender().regions ?? [];
    const names = ITL_REGIONS.filter((r) => codes.includes(r.code)).map((r) => r.name);
    return names.length ? names.join(', ') : 'Anywhere in the UK';
  });
}
