import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TenderStatus } from '@openbrief/contracts';

const LABELS: Record<TenderStatus, string> = {
  [TenderStatus.Draft]: 'Draft',
  [TenderStatus.InReview]: 'In review',
  [TenderStatus.Published]: 'Published',
  [TenderStatus.Closed]: 'Closed',
  [TenderStatus.Evaluating]: 'Evaluating',
  [TenderStatus.Awarded]: 'Awarded',
  [TenderStatus.Cancelled]: 'Cancelled',
};

/** A coloured label for a tender's status; the text, not the colour, carries the meaning. */
@Component({
  selector: 'ob-status-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"tag tag--" + status()' },
  template: `{{ label() }}`,
})
export class StatusTag {
  readonly status = input.required<TenderStatus>();
  protected readonly label = computed(() => LABELS[this.status()] ?? this.status());
}
