import { Injectable, inject, signal } from '@angular/core';
import type { CommentCounts } from '@openbrief/contracts';
import { firstValueFrom } from 'rxjs';
import { CommentsApi } from './comments.api';

/**
 * How many threads are open on the tender being worked on, for the workspace tab and the requirement
 * cards. Whoever loads a list of threads (the comments page) passes its counts on, so they agree.
 */
@Injectable({ providedIn: 'root' })
export class CommentCountsStore {
  private readonly api = inject(CommentsApi);
  private readonly state = signal<{ tenderId: string; counts: CommentCounts } | null>(null);
  private pending: Promise<void> | null = null;
  private pendingFor: string | null = null;

  /** Counts for this tender, or null until they have loaded. */
  countsFor(tenderId: string): CommentCounts | null {
    const state = this.state();
    return state?.tenderId === tenderId ? state.counts : null;
  }

  openOn(tenderId: string, requirementId: string): { open: number; total: number } {
    const found = this.countsFor(tenderId)?.byRequirement.find((c) => c.requirementId === requirementId);
    return { open: found?.open ?? 0, total: found?.total ?? 0 };
  }

  set(tenderId: string, counts: CommentCounts): void {
    this.state.set({ tenderId, counts });
  }

  /** Asks for the open threads only: the counts cover every thread whatever the filter, and this is the smallest answer. */
  refresh(tenderId: string): Promise<void> {
    if (this.pending && this.pendingFor === tenderId) return this.pending;
    this.pendingFor = tenderId;
    this.pending = firstValueFrom(this.api.list(tenderId, { status: 'open' }))
      .then((list) => this.set(tenderId, list.counts))
      // Counts are a convenience: the comments page reports errors itself.
      .catch(() => undefined)
      .finally(() => {
        this.pending = null;
        this.pendingFor = null;
      });
    return this.pending;
  }
}
