import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ResponseStatus } from '@openbrief/contracts';
import { RESPONSE_STATUS_LABELS } from '../data-access/response-labels';

/** A response's status in words; the colour only repeats them. */
@Component({
  selector: 'ob-response-status-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"tag rtag rtag--" + status()' },
  template: `{{ label() }}`,
  styles: `
    :host(.rtag--draft) {
      background: #eef0f2;
      color: #383f43;
    }
    :host(.rtag--submitted) {
      background: #cce2d8;
      color: #005a30;
    }
    :host(.rtag--withdrawn) {
      background: #fcd6c3;
      color: #6e3619;
    }
    :host(.rtag--opened) {
      background: #d2e2f1;
      color: #0f385c;
    }
  `,
})
export class ResponseStatusTag {
  readonly status = input.required<ResponseStatus>();
  protected readonly label = computed(() => RESPONSE_STATUS_LABELS[this.status()] ?? this.status());
}
