import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A calm, bordered box for guidance, empty states and outcomes. */
@Component({
  selector: 'ob-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"notice notice--" + tone()' },
  template: `
    @if (heading()) {
      <h2 class="notice__heading">{{ heading() }}</h2>
    }
    <ng-content />
  `,
})
export class Notice {
  readonly heading = input<string>();
  readonly tone = input<'info' | 'success' | 'warning' | 'empty'>('info');
}
