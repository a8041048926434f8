import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, output, signal, viewChild } from '@angular/core';
import { TEXT_LIMITS } from '@openbrief/contracts';

/**
 * A small inline "why is this needed?" form. Deliberately not a <form>: it sits inside the editor's form,
 * and forms cannot be nested. Takes focus when it opens.
 */
@Component({
  selector: 'ob-justify-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'justify-form' },
  template: `
    <label class="justify-form__label" [id]="idPrefix() + '-label'" [for]="idPrefix() + '-text'"> Why is this needed? </label>
    <p class="form__hint justify-form__hint" [id]="idPrefix() + '-hint'">
      Your reviewers will see this reason. For example: "it must fit the 40 docking stations we already own".
    </p>
    @if (error()) {
      <p class="form__error" [id]="idPrefix() + '-error'"><span class="visually-hidden">Error:</span> {{ error() }}</p>
    }
    <textarea
      #reason
      class="justify-form__input"
      [class.justify-form__input--error]="error()"
      [id]="idPrefix() + '-text'"
      rows="3"
      [attr.maxlength]="limit"
      [value]="initial()"
      [attr.aria-describedby]="idPrefix() + '-hint' + (error() ? ' ' + idPrefix() + '-error' : '')"
      [attr.aria-invalid]="error() ? 'true' : null"
      (keydown.escape)="cancelled.emit()"
    ></textarea>
    <div class="justify-form__actions">
      <button type="button" class="justify-form__save" (click)="save(reason.value)">Save justification</button>
      <button type="button" class="text-button" (click)="cancelled.emit()">Cancel</button>
    </div>
  `,
  styles: `
    :host {
      display: block;
      margin-top: 0.75rem;
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--ob-border-strong);
      background: #f8f8f8;
    }
    .justify-form__label {
      display: block;
      margin-bottom: 0.25rem;
      font-weight: 700;
    }
    .justify-form__hint {
      margin: 0 0 0.5rem;
    }
    .justify-form__input {
      display: block;
      width: 100%;
      padding: 0.375rem;
      border: 2px solid var(--ob-text);
      font: inherit;
      font-size: 1rem;
    }
    .justify-form__input--error {
      border-color: var(--ob-error);
    }
    .justify-form__actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem 1.25rem;
      margin-top: 0.75rem;
    }
    .justify-form__save {
      min-height: 2.5rem;
      padding: 0.375rem 1rem;
      border: 2px solid #1d4f91;
      border-radius: 6px;
      background: #fff;
      color: #1d4f91;
      font: inherit;
      font-weight: 700;
      cursor: pointer;
    }
    .justify-form__save:hover {
      background: var(--ob-surface-tint);
    }
  `,
})
export class JustifyFormComponent {
  /** As long as the API keeps (TEXT_LIMITS). */
  protected readonly limit = TEXT_LIMITS.justification.text;
  /** Prefix for the ids inside the form; must be unique on the page. */
  readonly idPrefix = input.required<string>();
  readonly initial = input('');
  readonly saved = output<string>();
  readonly cancelled = output<void>();

  protected readonly error = signal('');
  private readonly reason = viewChild.required<ElementRef<HTMLTextAreaElement>>('reason');

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef);
    afterNextRender(() => {
      this.reason().nativeElement.focus();
      host.nativeElement.scrollIntoView?.({ block: 'nearest' });
    });
  }

  protected save(value: string): void {
    const text = value.trim();
    if (!text) {
      this.error.set('Enter why this is needed');
      this.reason().nativeElement.focus();
      return;
    }
    this.error.set('');
    this.saved.emit(text);
  }
}
