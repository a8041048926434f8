import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type CommentThread, type CommentThreadInContext, Role, type TeamMember } from '@openbrief/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { homeFor } from '../../../core/auth/role-home';
import { createLoader } from '../../../shared/data/load-state';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { CommentThreadCard, type ThreadChange } from './comment-thread.component';
import { CommentsApi } from './comments.api';

/**
 * One comment thread on a page of its own, outside the tender's workspace: where someone mentioned in
 * it (an evaluator, who may not open the tender) reads and answers it, and a link anyone can share.
 */
@Component({
  selector: 'ob-comment-thread-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, Loading, Notice, CommentThreadCard],
  template: `
    @let state = loaded.state();
    <div class="container page">
      <a class="back-link" [routerLink]="backLink()">{{ teamMember() ? 'All comments on this tender' : 'Back to your start page' }}</a>
      @switch (state.status) {
        @case ('loading') {
          <h1>Comment thread</h1>
          <ob-loading label="Loading the thread…" />
        }
        @case ('error') {
          <h1>Comment thread</h1>
          <ob-notice
            tone="warning"
            [heading]="state.error.status === 404 ? 'We could not find that thread' : 'We could not load the thread'"
          >
            <p>
              {{
                state.error.status === 404
                  ? 'It may be on a tender you cannot see, or you may not be mentioned in it.'
                  : state.error.message
              }}
            </p>
            @if (state.error.status !== 404) {
              <button type="button" class="text-button" (click)="reload()">Try again</button>
            }
          </ob-notice>
        }
        @case ('ready') {
          <span class="caption">{{ state.value.tender.title }} ({{ state.value.tender.reference }})</span>
          <h1>Comment thread</h1>
          @if (!teamMember()) {
            <p class="lead">
              You were mentioned in this thread, so you can read it and reply. The rest of the tender stays with the buying team.
            </p>
          }
          <p class="visually-hidden" role="status">{{ announcement() }}</p>
          <ob-comment-thread
            [thread]="thread() ?? state.value.thread"
            [team]="team()"
            [meId]="meId()"
            [teamMember]="teamMember()"
            (changed)="changed($event)"
          />
        }
      }
    </div>
  `,
})
export class CommentThreadPage {
  /** Bound from the route: /tenders/:id/comments/:threadId. */
  readonly id = input.required<string>();
  readonly threadId = input.required<string>();

  private readonly api = inject(CommentsApi);
  private readonly auth = inject(AuthService);
  protected readonly loaded = createLoader<CommentThreadInContext>();
  /** The thread as the last reply, resolution or reopening left it. */
  protected readonly thread = signal<CommentThread | null>(null);
  protected readonly team = signal<readonly TeamMember[]>([]);
  protected readonly announcement = signal('');
  protected readonly meId = computed(() => this.auth.user()?.id ?? null);
  protected readonly teamMember = computed(() => this.auth.hasRole(Role.Buyer, Role.Admin));
  protected readonly backLink = computed(() => {
    const role = this.auth.role();
    return this.teamMember() ? ['/tenders', this.id(), 'comments'] : [role ? homeFor(role) : '/'];
  });

  constructor() {
    effect(() => {
      const [id, threadId] = [this.id(), this.threadId()];
      untracked(() => {
        this.thread.set(null);
        this.loaded.load(this.api.thread(id, threadId));
        if (this.teamMember()) void this.loadTeam(id);
      });
    });
  }

  protected reload(): void {
    this.loaded.load(this.api.thread(this.id(), this.threadId()));
  }

  protected changed(event: { thread: CommentThread; change: ThreadChange }): void {
    this.thread.set(event.thread);
    const said = { replied: 'Reply added.', resolved: 'Thread resolved.', reopened: 'Thread reopened.' }[event.change];
    // A repeated message must still change the text, or screen readers stay silent.
    this.announcement.set(this.announcement() === said ? `${said}\u00a0` : said);
  }

  private async loadTeam(id: string): Promise<void> {
    try {
      this.team.set(await firstValueFrom(this.api.team(id)));
    } catch {
      // Without the team, replying still works: only mentions are unavailable.
      this.team.set([]);
    }
  }
}
