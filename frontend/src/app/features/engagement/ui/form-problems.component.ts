import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, effect, inject, input } from '@angular/core';
import { focusElementById } from '../../../shared/ui/focus';
import { FormProblem } from './form-problem';

/**
 * The GOV.UK error summary for one of several forms on a page: its own ids (so two can never clash), and it
 * takes focus when a new list arrives, so keyboard and screen reader users land on it after sending.
 */
@Component({
  selector: 'ob-form-problems',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'error-summary',
    role: 'alert',
    tabindex: '-1',
    '[attr.aria-labelledby]': 'idPrefix() + "-problems-title"',
  },
  template: `
    <h3 class="error-summary__title" [id]="idPrefix() + '-problems-title'">There is a problem</h3>
    <ul class="error-summary__list">
      @for (problem of problems(); track $index) {
        <li>
          @if (problem.fieldId; as fieldId) {
            <a [href]="'#' + fieldId" (click)="goTo($event, fieldId)">{{ problem.message }}</a>
          } @else {
            {{ problem.message }}
          }
        </li>
      }
    </ul>
  `,
  styles: `
    :host {
      margin-bottom: 1.5rem;
    }
    .error-summary__title {
      font-size: 1.25rem;
    }
  `,
})
export class FormProblems {
  readonly problems = input.required<readonly FormProblem[]>();
  readonly idPrefix = input.required<string>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  constructor() {
    effect(() => {
      if (this.problems().length === 0) return;
      afterNextRender(() => this.host.nativeElement.focus(), { injector: this.injector });
    });
  }

  protected goTo(event: Event, fieldId: string): void {
    event.preventDefault();
    focusElementById(fieldId);
  }
}
