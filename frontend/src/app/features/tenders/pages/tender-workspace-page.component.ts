import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  ViewEncapsulation,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { IsActiveMatchOptions, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { EDITABLE_TENDER_STATUSES } from '@openbrief/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { formatUkDate } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { StatusTag } from '../../../shared/ui/status-tag.component';
import { UnsavedChange } from '../data-access/content-diff';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { Presence } from '../ui/presence.component';
import { SaveStatus } from '../ui/save-status.component';
import { CommentsTabCount } from '../comments/comments-tab-count.component';
import { QuestionsLinkCount } from '../questions/questions-link-count.component';
import { ResponsesTabCount } from '../responses-panel/responses-tab-count.component';
import { CanLeave } from './can-leave.guard';

/**
 * The frame around every page of one tender (full editor, guided steps, preview, publishing):
 * it owns the working copy, shows whether it is saved, and handles someone else saving first.
 */
@Component({
  selector: 'ob-tender-workspace-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Styles shared by the workspace's pages (layout, panels, page actions), scoped under .ws.
  encapsulation: ViewEncapsulation.None,
  providers: [TenderEditorStore],
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatButtonModule,
    Loading,
    Notice,
    StatusTag,
    SaveStatus,
    Presence,
    CommentsTabCount,
    QuestionsLinkCount,
    ResponsesTabCount,
  ],
  host: { class: 'ws', '(window:beforeunload)': 'beforeUnload($event)' },
  templateUrl: './tender-workspace-page.component.html',
  styleUrl: './tender-workspace-page.component.scss',
})
export class TenderWorkspacePage implements CanLeave {
  /** Bound from the `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly store = inject(TenderEditorStore);
  private readonly auth = inject(AuthService);
  protected readonly exactPath: IsActiveMatchOptions = {
    paths: 'exact',
    queryParams: 'ignored',
    matrixParams: 'ignored',
    fragment: 'ignored',
  };

  protected readonly editable = computed(() => {
    const status = this.store.tender()?.status;
    return !status || EDITABLE_TENDER_STATUSES.includes(status);
  });
  protected readonly statusText = computed(() => (this.store.tender()?.status ?? '').replace('_', ' '));

  protected readonly conflictTitle = computed(() => {
    const conflict = this.store.conflict();
    if (!conflict) return '';
    if (conflict.byMe) return 'You saved this tender in another tab or window while you were editing here';
    return `${conflict.changedBy ?? 'Someone in your team'} saved changes while you were editing`;
  });
  protected readonly conflictDetail = computed(() => {
    const conflict = this.store.conflict();
    if (!conflict) return '';
    const who = conflict.byMe ? 'You' : 'They';
    const when = conflict.changedAt ? ` at ${formatUkDate(conflict.changedAt)}` : '';
    const what = conflict.changedFields.length ? ` and changed: ${conflict.changedFields.join(', ')}` : '';
    return `${who} saved${when}${what}.`;
  });
  protected readonly recoveredWhen = computed(() => {
    const at = this.store.recovered()?.at;
    return at ? formatUkDate(new Date(at)) : '';
  });

  private readonly injector = inject(Injector);

  constructor() {
    // On a fresh page load the reader starts at the top anyway; only in-app navigation moves focus.
    const inApp = inject(Router).navigated;
    effect(() => this.store.load(this.id()));
    // The loading message had the h1 the app focused after navigating; once the tender is in, its page's h1 takes over.
    effect(() => {
      if (this.store.loadState() !== 'ready') return;
      if (untracked(() => this.store.recovered())) {
        // Edits kept from last time come first: they may be what the buyer came back for.
        this.focusSoon('recovered-title');
        return;
      }
      if (!inApp) return;
      afterNextRender(
        () => {
          const active = document.activeElement;
          if (active && active !== document.body) return;
          this.focusSoon(null);
        },
        { injector: this.injector },
      );
    });
  }

  protected loadTheirs(): void {
    this.store.loadTheirs();
    this.focusSoon(this.store.leftovers().length ? 'leftovers-title' : null);
  }

  protected applyLeftover(change: UnsavedChange, index: number): void {
    this.store.applyLeftover(change);
    const left = this.store.leftovers().length;
    this.focusSoon(left ? `leftover-${Math.min(index, left - 1)}` : null);
  }

  protected applyAll(): void {
    this.store.applyAllLeftovers();
    this.focusSoon(this.store.leftovers().length ? 'leftovers-title' : null);
  }

  protected dismissLeftovers(): void {
    this.store.dismissLeftovers();
    this.focusSoon(null);
  }

  /** Keeps keyboard focus somewhere sensible when a notice goes away: the given id, or the page's h1. */
  private focusSoon(id: string | null): void {
    afterNextRender(
      () => {
        const target = (id && document.getElementById(id)) || document.querySelector<HTMLElement>('main h1');
        if (!target) return;
        if (!target.matches('a, button, input, select, textarea')) target.setAttribute('tabindex', '-1');
        target.focus();
      },
      { injector: this.injector },
    );
  }

  protected beforeUnload(event: BeforeUnloadEvent): void {
    if (this.store.dirty() || this.store.saving()) {
      void this.store.save();
      event.preventDefault();
      event.returnValue = '';
    }
  }

  /** Leaving the tender: save what is waiting; if it cannot be saved, ask. */
  async canLeave(): Promise<boolean> {
    if (!this.store.dirty() && !this.store.saving()) return true;
    // The session ended and the app is taking the buyer to sign in: their edits are kept in this tab.
    if (!this.auth.isSignedIn()) return true;
    if (await this.store.flush()) return true;
    return confirm(
      'Some of your changes are not saved yet. Leave this tender anyway?\n\n' +
        'If you come back in this browser tab, Openbrief will offer to restore them.',
    );
  }
}
