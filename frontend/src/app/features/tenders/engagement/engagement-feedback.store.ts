import { Injectable, inject, signal } from '@angular/core';
import type { BuyerEngagementView, EngagementFeedback } from '@openbrief/contracts';
import { firstValueFrom } from 'rxjs';
import { toAppError } from '../../../core/http/app-error';
import { EngagementApi } from '../../engagement/data-access/engagement.api';

/** How long a loaded view is shown without asking again, when the editor opens. */
const FRESH_MS = 10_000;

/**
 * The buying team's view of one tender's market engagement, shared by the requirement cards (feedback beside each
 * requirement) and the engagement page. A tender with no engagement has none (the API's 404), which is not an error.
 */
@Injectable({ providedIn: 'root' })
export class EngagementFeedbackStore {
  private readonly api = inject(EngagementApi);
  private readonly state = signal<{ tenderId: string; view: BuyerEngagementView | null } | null>(null);
  private pending: Promise<void> | null = null;
  private pendingFor: string | null = null;
  private loadedAt = 0;

  /** The view for this tender; null when it has no engagement, undefined until loaded. */
  viewFor(tenderId: string): BuyerEngagementView | null | undefined {
    const state = this.state();
    return state?.tenderId === tenderId ? state.view : undefined;
  }

  feedbackOn(tenderId: string, requirementId: string): EngagementFeedback[] {
    return this.viewFor(tenderId)?.feedback.filter((f) => f.requirementId === requirementId) ?? [];
  }

  set(tenderId: string, view: BuyerEngagementView | null): void {
    this.loadedAt = Date.now();
    this.state.set({ tenderId, view });
  }

  /** One feedback item changed (adopted): the rest of the view stays as it is. */
  replace(tenderId: string, feedback: EngagementFeedback): void {
    const view = this.viewFor(tenderId);
    if (!view) return;
    this.set(tenderId, { ...view, feedback: view.feedback.map((f) => (f.id === feedback.id ? feedback : f)) });
  }

  /**
   * Loads the tender's view unless it is fresh (every card asks; one request goes), so coming back to the editor
   * shows feedback given meanwhile. Other failures leave the cards without feedback.
   */
  ensure(tenderId: string): Promise<void> {
    if (this.viewFor(tenderId) !== undefined && Date.now() - this.loadedAt < FRESH_MS) return Promise.resolve();
    return this.refresh(tenderId);
  }

  refresh(tenderId: string): Promise<void> {
    if (this.pending && this.pendingFor === tenderId) return this.pending;
    this.pendingFor = tenderId;
    this.pending = firstValueFrom(this.api.buyerView(tenderId))
      .then((view) => this.set(tenderId, view))
      .catch((error: unknown) => {
        if (toAppError(error).status === 404) this.set(tenderId, null);
      })
      .finally(() => {
        this.pending = null;
        this.pendingFor = null;
      });
    return this.pending;
  }
}
