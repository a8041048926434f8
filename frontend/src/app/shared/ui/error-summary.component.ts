import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, effect, inject, input } from '@angular/core';
import { SummaryError } from '../forms/form-errors';
import { focusElementById } from './focus';

/**
 * GOV.UK-style error summary. It takes focus whenever a new list of errors
 * arrives, so keyboard and screen reader users land on it after submitting.
 */
@Component({
  selector: 'ob-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'error-summary',
    role: 'alert',
    tabindex: '-1',
    'aria-labelledby': 'error-summary-title',
  },
  template: `
    <h2 id="error-summary-title" class="error-summary__title">There is a problem</h2>
    <ul class="error-summary__list">
      @for (error of errors(); track $index) {
        <li>
          @if (error.fieldId) {
            <a [href]="'#' + error.fieldId" (click)="goTo($event, error.fieldId)">{{ error.message }}</a>
          } @else {
            {{ error.message }}
          }
        </li>
      }
    </ul>
  `,
})
export class ErrorSummary {
  readonly errors = input.required<readonly SummaryError[]>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  constructor() {
    effect(() => {
      if (this.errors().length === 0) return;
      afterNextRender(() => this.host.nativeElement.focus(), { injector: this.injector });
    });
  }

  protected goTo(event: Event, fieldId: string): void {
    event.preventDefault();
    focusElementById(fieldId);
  }
}
