import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { CommentCountsStore } from './comment-counts.store';

/** The number of open threads, inside the workspace's "Comments" tab. Refreshed when the window regains focus. */
@Component({
  selector: 'ob-comments-tab-count',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:focus)': 'refresh()' },
  template: `
    @if (open(); as n) {
      <span class="count" aria-hidden="true">{{ n }}</span>
      <span class="visually-hidden"> ({{ n === 1 ? '1 open thread' : n + ' open threads' }})</span>
    }
  `,
  styles: `
    .count {
      display: inline-block;
      min-width: 1.5rem;
      margin-left: 0.375rem;
      padding: 0 0.375rem;
      border-radius: 0.75rem;
      background: #1d4f91;
      color: #fff;
      font-size: 0.875rem;
      line-height: 1.5rem;
      text-align: center;
    }
  `,
})
export class CommentsTabCount {
  readonly tenderId = input.required<string>();

  private readonly counts = inject(CommentCountsStore);
  protected readonly open = computed(() => this.counts.countsFor(this.tenderId())?.open ?? 0);

  constructor() {
    effect(() => {
      const id = this.tenderId();
      untracked(() => void this.counts.refresh(id));
    });
  }

  protected refresh(): void {
    void this.counts.refresh(this.tenderId());
  }
}
