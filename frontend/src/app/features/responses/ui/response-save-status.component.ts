import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { focusElementById } from '../../../shared/ui/focus';
import { ResponseEditorStore } from '../data-access/response-editor.store';

const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' });

/** Where the draft stands (saved, saving, why not), with the one action that helps. Only trouble is announced. */
@Component({
  selector: 'ob-response-save-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'rs', '[class]': '"rs rs--" + store.status()' },
  template: `
    @switch (store.status()) {
      @case ('saved') {
        <span aria-hidden="true">✓</span> <span>{{ savedText() }}</span>
      }
      @case ('saving') {
        <span>Saving…</span>
      }
      @case ('unsaved') {
        <span>Unsaved changes</span>
        <button type="button" class="text-button" (click)="store.save()">Save now</button>
      }
      @case ('blocked') {
        <span aria-hidden="true">!</span>
        <span>Not saved: {{ store.problems()[0]?.message }}</span>
        <button type="button" class="text-button" (click)="show()">Show<span class="visually-hidden"> the problem</span></button>
      }
      @case ('rejected') {
        <span aria-hidden="true">!</span> <span>Not saved: {{ store.rejected() }}</span>
      }
      @case ('failed') {
        <span aria-hidden="true">!</span> <span>Not saved yet: {{ store.failure()?.message }}</span>
        <button type="button" class="text-button" (click)="store.retryNow()">Try again</button>
      }
      @case ('conflict') {
        <span aria-hidden="true">!</span> <span>Not saved: someone else saved first</span>
      }
      @case ('read-only') {
        <span>Read only</span>
      }
    }
    <span class="visually-hidden" role="status">{{ spoken() }}</span>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      min-height: 2.75rem;
      font-size: 1rem;
    }
    :host(.rs--blocked),
    :host(.rs--rejected),
    :host(.rs--failed),
    :host(.rs--conflict) {
      color: var(--ob-error);
      font-weight: 700;
    }
  `,
})
export class ResponseSaveStatus {
  protected readonly store = inject(ResponseEditorStore);
  protected readonly spoken = signal('');
  protected readonly savedText = computed(() => {
    const at = this.store.lastSavedAt();
    return at ? `Saved at ${TIME.format(at).replace(' ', '')}` : 'All changes saved';
  });

  constructor() {
    effect(() => {
      const status = this.store.status();
      if (status === 'failed') this.spoken.set(`Your changes are not saved yet. ${this.store.failure()?.message ?? ''}`);
      else if (status === 'rejected') this.spoken.set(`Your changes were not saved. ${this.store.rejected() ?? ''}`);
      else if (status === 'conflict') this.spoken.set('Your changes are not saved: someone else saved this response first.');
      else if (status === 'saved') this.spoken.set('');
    });
  }

  protected show(): void {
    const fieldId = this.store.problems()[0]?.fieldId;
    if (fieldId) focusElementById(fieldId);
  }
}
