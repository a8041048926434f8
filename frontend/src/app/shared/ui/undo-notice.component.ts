import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/**
 * "Requirement 1.2 deleted. Undo": shown after something is deleted without asking first, so a slip
 * costs one click. The page that deletes moves focus to the button (`buttonId`) and announces the
 * deletion; the button names what it undoes for screen reader users.
 */
@Component({
  selector: 'ob-undo-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="undo" role="status">
      <p class="undo__text">
        {{ message() }}
        @if (quote()) {
          <span class="undo__quote">“{{ quote() }}”</span>
        }
      </p>
      <button type="button" class="undo__button" [id]="buttonId()" (click)="undo.emit()">
        Undo<span class="visually-hidden"> {{ undoes() }}</span>
      </button>
    </div>
  `,
  styles: `
    .undo {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1.5rem;
      margin-bottom: 1.25rem;
      padding: 0.75rem 1rem;
      border-left: 6px solid var(--ob-brand-accent);
      background: var(--ob-surface-tint);
    }
    .undo__text {
      margin: 0;
    }
    .undo__quote {
      color: var(--ob-text-secondary);
    }
    .undo__button {
      min-height: 2.5rem;
      padding: 0 1rem;
      border: 2px solid #1d4f91;
      border-radius: 6px;
      background: #fff;
      color: #1d4f91;
      font: inherit;
      font-weight: 700;
      cursor: pointer;
    }
  `,
})
export class UndoNotice {
  /** What happened, e.g. "Requirement 1.2 deleted:". */
  readonly message = input.required<string>();
  /** A short excerpt of what was deleted, so the buyer recognises it. */
  readonly quote = input<string>('');
  readonly buttonId = input.required<string>();
  /** Completes the button's name for screen readers: "Undo deleting requirement 1.2". */
  readonly undoes = input.required<string>();

  readonly undo = output<void>();
}
