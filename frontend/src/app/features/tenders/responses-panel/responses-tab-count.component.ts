import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { Subscription } from 'rxjs';
import { ResponsesPanelApi } from './responses-panel.api';

/** "(2 submitted)" beside the Responses tab: a number only, never who. */
@Component({
  selector: 'ob-responses-tab-count',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (submitted() !== null) {
    <span class="count">({{ submitted() }} submitted)</span>
  }`,
  styles: `
    .count {
      font-weight: 400;
    }
  `,
})
export class ResponsesTabCount {
  readonly tenderId = input.required<string>();
  private readonly api = inject(ResponsesPanelApi);
  protected readonly submitted = signal<number | null>(null);

  constructor() {
    let subscription: Subscription | undefined;
    inject(DestroyRef).onDestroy(() => subscription?.unsubscribe());
    effect(() => {
      const id = this.tenderId();
      untracked(() => {
        subscription?.unsubscribe();
        subscription = this.api
          .counts(id)
          .subscribe({ next: (c) => this.submitted.set(c.submitted), error: () => this.submitted.set(null) });
      });
    });
  }
}
