import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  Injector,
  input,
  output,
  signal,
} from '@angular/core';
import type { Finding } from '@openbrief/spec-check';
import { SEVERITY_LABEL, ruleExplanation, ruleTitle } from './finding-display';
import { JustifyFormComponent } from './justify-form.component';

/**
 * One checker finding: what is wrong, how to fix it (with a one-click fix where the library's
 * suggestion is a drop-in rewrite), why it matters and the legal or policy reference.
 * Used on a list item: `<li ob-finding-item …>`.
 */
@Component({
  selector: 'li[ob-finding-item]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JustifyFormComponent],
  host: {
    class: 'finding',
    tabindex: '-1',
    '[class.finding--justified]': 'justification() !== null',
    '[attr.data-rule]': 'finding().rule',
    '[attr.data-severity]': 'finding().severity',
  },
  template: `
    <p class="finding__head">
      @if (justification() === null) {
        <span [class]="'sev sev--' + finding().severity"> <span class="sev__icon" aria-hidden="true"></span>{{ severityLabel() }} </span>
      } @else {
        <span class="sev sev--justified"><span class="sev__icon" aria-hidden="true"></span>Justified</span>
      }
      <ng-content />
      <strong class="finding__title" [class.finding__title--own-line]="compact()">{{ title() }}</strong>
    </p>
    <p class="finding__message">{{ finding().message }}</p>
    @if (justification() !== null) {
      <p class="finding__justified"><strong>Justified:</strong> {{ justification() }}</p>
    } @else {
      @if (!compact()) {
        <p class="finding__suggestion"><strong>How to fix it:</strong> {{ finding().suggestion }}</p>
      }
      <div class="finding__actions">
        @if (replacement() !== null) {
          <button type="button" class="finding__apply" (click)="apply.emit()">
            @if (replacement()) {
              Replace with “{{ replacement() }}”
            } @else {
              Remove “{{ span() }}”
            }
          </button>
        }
        @if (canShow()) {
          <button type="button" class="text-button" (click)="show.emit()">
            Show in text<span class="visually-hidden">: {{ span() }}</span>
          </button>
        }
        @if (canJustify() && !justifying()) {
          <button type="button" class="text-button" (click)="justifying.set(true)">
            Justify<span class="visually-hidden"> “{{ title() }}”</span>
          </button>
        }
      </div>
      @if (justifying()) {
        <ob-justify-form [idPrefix]="idPrefix() + '-justify'" (saved)="saveJustification($event)" (cancelled)="closeForm()" />
      }
    }
    <details class="finding__why">
      <summary>{{ compact() && justification() === null ? 'How to fix it, and why' : 'Why this matters' }}</summary>
      @if (compact() && justification() === null) {
        <p><strong>How to fix it:</strong> {{ finding().suggestion }}</p>
      }
      <p>{{ explanation() }}</p>
      @if (compact()) {
        <p class="finding__reference"><span class="finding__reference-label">Reference:</span> {{ finding().reference }}</p>
      }
    </details>
    @if (!compact()) {
      <p class="finding__reference"><span class="finding__reference-label">Reference:</span> {{ finding().reference }}</p>
    }
  `,
  styleUrl: './finding-item.component.scss',
})
export class FindingItemComponent {
  readonly finding = input.required<Finding>();
  /** Unique id prefix for the inline justify form. */
  readonly idPrefix = input.required<string>();
  /** The flagged words, for button labels. */
  readonly span = input('');
  /** Drop-in replacement for the flagged words; '' means remove them; null means the suggestion is advice. */
  readonly replacement = input<string | null>(null);
  /** The buyer's reason, when this finding has been justified. */
  readonly justification = input<string | null>(null);
  readonly canJustify = input(true);
  readonly canShow = input(false);
  /** Side-panel layout: the fix, the reasons and the reference fold away. */
  readonly compact = input(false);

  readonly apply = output<void>();
  readonly show = output<void>();
  readonly justify = output<string>();

  protected readonly justifying = signal(false);
  protected readonly title = computed(() => ruleTitle(this.finding().rule));
  protected readonly explanation = computed(() => ruleExplanation(this.finding().rule));
  protected readonly severityLabel = computed(() => SEVERITY_LABEL[this.finding().severity]);

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected saveJustification(text: string): void {
    this.justifying.set(false);
    this.justify.emit(text);
    afterNextRender(() => this.host.nativeElement.focus(), { injector: this.injector });
  }

  protected closeForm(): void {
    this.justifying.set(false);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('.finding__actions button:last-child')?.focus(), {
      injector: this.injector,
    });
  }
}
