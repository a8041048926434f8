import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { Router } from '@angular/router';
import { focusElementById } from '../../../shared/ui/focus';
import { TenderEditorStore } from '../data-access/tender-editor.store';

const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' });

/**
 * Where the working copy stands: saved, saving, waiting, or why it cannot be saved yet, with the
 * one action that helps. Only trouble is announced to screen readers, not every autosave.
 */
@Component({
  selector: 'ob-save-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet],
  host: {
    class: 'save-status',
    '[class]': '"save-status save-status--" + (store.liveStatus() ? "live-" + store.liveStatus() : store.status())',
  },
  template: `
    @switch (store.liveStatus()) {
      @case ('connecting') {
        <span class="save-status__spinner" aria-hidden="true"></span>
        <span>Connecting to live editing…</span>
      }
      @case ('saved') {
        <span class="save-status__icon" aria-hidden="true">✓</span>
        <span>Live: all changes saved</span>
      }
      @case ('saving') {
        <span class="save-status__spinner" aria-hidden="true"></span>
        <span>Saving…</span>
      }
      @case ('offline') {
        <span class="save-status__icon save-status__icon--bad" aria-hidden="true">!</span>
        <span>Offline: your changes are kept on this device and will be merged when you are back online</span>
      }
      @case ('back-in-sync') {
        <span class="save-status__icon" aria-hidden="true">✓</span>
        <span>Back online: all changes merged</span>
      }
      @case ('read-only') {
        <span class="save-status__dot" aria-hidden="true"></span>
        <span>Following live changes (you cannot edit this tender)</span>
      }
      @default {
        <ng-container *ngTemplateOutlet="saving" />
      }
    }
    @if (store.liveRefused().length) {
      <!-- The server kept these values out of the tender: say which, in words, not only by colour. -->
      <span class="save-status__icon save-status__icon--bad" aria-hidden="true">!</span>
      <span class="save-status__problems">Not saved: {{ refusedText() }}</span>
      @if (store.liveRefused()[0].fieldId) {
        <button type="button" class="save-status__action" (click)="showRefused()">
          Show<span class="visually-hidden"> the value that was not saved</span>
        </button>
      }
    }
    @if (store.liveStatus() && store.liveStatus() !== 'read-only' && store.problems().length) {
      <!-- Live edits are kept whatever they say; problems only stop publication. -->
      <span class="save-status__problems">{{ problemCount() }} to fix before publishing</span>
      <button type="button" class="save-status__action" (click)="showProblem()">
        Show<span class="visually-hidden"> the first problem</span>
      </button>
    }
    <ng-template #saving>
      @switch (store.status()) {
        @case ('saved') {
          <span class="save-status__icon" aria-hidden="true">✓</span>
          <span>{{ savedText() }}</span>
        }
        @case ('saving') {
          <span class="save-status__spinner" aria-hidden="true"></span>
          <span>Saving…</span>
        }
        @case ('unsaved') {
          <span class="save-status__dot" aria-hidden="true"></span>
          <span>Unsaved changes</span>
          <button type="button" class="save-status__action" (click)="saveNow()">Save now</button>
        }
        @case ('blocked') {
          <span class="save-status__icon save-status__icon--bad" aria-hidden="true">!</span>
          <span>Not saved: {{ problemCount() }} to fix</span>
          <button type="button" class="save-status__action" (click)="showProblem()">
            Show<span class="visually-hidden"> the first problem</span>
          </button>
        }
        @case ('rejected') {
          <span class="save-status__icon save-status__icon--bad" aria-hidden="true">!</span>
          <span>Not saved: {{ rejectedText() }}</span>
          <button type="button" class="save-status__action" (click)="showProblem()">
            Show<span class="visually-hidden"> the problem</span>
          </button>
        }
        @case ('failed') {
          <span class="save-status__icon save-status__icon--bad" aria-hidden="true">!</span>
          <span>Not saved yet: {{ store.failure()?.message }}</span>
          <button type="button" class="save-status__action" (click)="store.retryNow()">Try again</button>
        }
        @case ('conflict') {
          <span class="save-status__icon save-status__icon--bad" aria-hidden="true">!</span>
          <span>Not saved: someone else saved first</span>
        }
      }
    </ng-template>
    <span class="visually-hidden" role="status">{{ spoken() }}</span>
  `,
  styleUrl: './save-status.component.scss',
})
export class SaveStatus {
  protected readonly store = inject(TenderEditorStore);
  private readonly router = inject(Router);

  protected readonly savedText = computed(() => {
    const at = this.store.lastSavedAt();
    return at ? `Saved at ${TIME.format(at).replace(' ', '')}` : 'All changes saved';
  });
  protected readonly problemCount = computed(() => {
    const n = this.store.problems().length;
    return n === 1 ? '1 problem' : `${n} problems`;
  });
  protected readonly rejectedText = computed(() => this.store.rejected()[0]?.message ?? 'check your answers');
  protected readonly spoken = signal('');
  protected readonly refusedText = computed(() => {
    const refused = this.store.liveRefused();
    const first = `${refused[0]?.message.replace(/\.$/, '')} (the last valid value is kept)`;
    return refused.length > 1 ? `${first}, and ${refused.length - 1} more` : first;
  });

  constructor() {
    effect(() => {
      const status = this.store.status();
      if (status === 'failed') this.spoken.set(`Your changes are not saved yet. ${this.store.failure()?.message ?? ''}`);
      else if (status === 'conflict') this.spoken.set('Your changes are not saved: someone else saved this tender first.');
      else if (status === 'saved') this.spoken.set('');
    });
    effect(() => {
      const live = this.store.liveStatus();
      if (live === 'offline')
        this.spoken.set('You are offline. Your changes are kept on this device and will be merged when you are back online.');
      else if (live === 'back-in-sync') this.spoken.set('Back online. All changes merged.');
    });
    effect(() => {
      if (this.store.liveRefused().length) this.spoken.set(`A value was not saved: ${this.refusedText()}.`);
    });
  }

  protected saveNow(): void {
    void this.store.save();
  }

  protected showRefused(): void {
    this.goTo(this.store.liveRefused()[0]?.fieldId ?? null);
  }

  /** Goes to the first field that stops saving, on this page or in the full editor. */
  protected showProblem(): void {
    this.goTo(this.store.problems()[0]?.fieldId ?? this.store.rejected()[0]?.fieldId ?? null);
  }

  private goTo(fieldId: string | null): void {
    if (!fieldId) return;
    if (document.getElementById(fieldId)) {
      focusElementById(fieldId);
      return;
    }
    const id = this.store.tender()?.id;
    if (id) void this.router.navigate(['/tenders', id], { queryParams: { field: fieldId } });
  }
}
