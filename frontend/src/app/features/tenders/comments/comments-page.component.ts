import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import type { CommentCounts, CommentThread, TeamMember } from '@openbrief/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { AppError, toAppError } from '../../../core/http/app-error';
import { focusElementById } from '../../../shared/ui/focus';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { requirementOptions } from './comment-anchors';
import { CommentCountsStore } from './comment-counts.store';
import { CommentThreadCard, type ThreadChange } from './comment-thread.component';
import { CommentsApi, type ThreadQuery } from './comments.api';
import { NewThreadForm } from './new-thread-form.component';

/** How often the open page looks for other people's comments. */
export const REFRESH_MS = 20_000;

type FilterKey = 'open' | 'resolved' | 'all' | 'mine';

interface FilterOption {
  readonly key: FilterKey;
  readonly label: string;
  /** What the list heading says, e.g. "3 open threads". */
  readonly noun: string;
  readonly query: ThreadQuery;
}

const FILTERS: readonly FilterOption[] = [
  { key: 'open', label: 'Open', noun: 'open', query: { status: 'open' } },
  { key: 'resolved', label: 'Resolved', noun: 'resolved', query: { status: 'resolved' } },
  { key: 'all', label: 'All', noun: '', query: { status: 'all' } },
  { key: 'mine', label: 'Mentioning me', noun: '', query: { status: 'all', mentioningMe: true } },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The buying team's conversation about the tender: threads filtered by status, by requirement or
 * by who was mentioned; starting, replying, resolving and reopening. The filter lives in the URL
 * (?status=, ?requirement=), so links from requirement cards and the publish page land on it.
 */
@Component({
  selector: 'ob-comments-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, Loading, Notice, CommentThreadCard, NewThreadForm],
  host: { '(window:focus)': 'refresh()', '(document:visibilitychange)': 'visibilityChanged()' },
  templateUrl: './comments-page.component.html',
  styleUrl: './comments-page.component.scss',
})
export class CommentsPage {
  /** Bound from the query string. */
  readonly status = input<string>();
  readonly requirement = input<string>();
  /** `?start=1`: open the form for a new thread (on `requirement`, if given). */
  readonly start = input<string>();

  protected readonly editor = inject(TenderEditorStore);
  private readonly api = inject(CommentsApi);
  private readonly countsStore = inject(CommentCountsStore);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly auth = inject(AuthService);
  protected readonly meId = computed(() => this.auth.user()?.id ?? null);

  protected readonly filters = FILTERS;
  protected readonly tenderId = computed(() => this.editor.tender()!.id);
  protected readonly filter = computed(() => FILTERS.find((f) => f.key === this.status()) ?? FILTERS[0]);
  protected readonly requirementId = computed(() => {
    const id = this.requirement();
    return id && UUID.test(id) ? id : null;
  });
  protected readonly requirements = computed(() => requirementOptions(this.editor.content()));
  protected readonly chosenRequirement = computed(() => {
    const id = this.requirementId();
    return id ? (this.requirements().find((r) => r.id === id) ?? null) : null;
  });

  protected readonly loadState = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly loadError = signal<AppError | null>(null);
  protected readonly refreshFailed = signal(false);
  protected readonly threads = signal<readonly CommentThread[]>([]);
  protected readonly counts = signal<CommentCounts | null>(null);
  protected readonly team = signal<readonly TeamMember[]>([]);
  protected readonly formOpen = linkedSignal(() => this.start() === '1');
  /** What the page's status region says after an action (the page's own region: it is styled, and always there). */
  protected readonly announcement = signal('');

  private readonly listHeading = viewChild<ElementRef<HTMLElement>>('listHeading');
  private readonly newThreadForm = viewChild(NewThreadForm);
  /** Responses to older requests are dropped: the filter may have changed while they were on their way. */
  private requestNumber = 0;
  /** The thread heading to focus once the next list has arrived (a thread just started). */
  private focusAfterLoad: string | null = null;

  /** The number beside each filter; with a requirement chosen, only its threads count. */
  protected readonly filterCounts = computed<Record<FilterKey, number | null>>(() => {
    const c = this.counts();
    if (!c) return { open: null, resolved: null, all: null, mine: null };
    const id = this.requirementId();
    if (id) {
      const r = c.byRequirement.find((x) => x.requirementId === id) ?? { open: 0, total: 0 };
      return { open: r.open, resolved: r.total - r.open, all: r.total, mine: null };
    }
    return { open: c.open, resolved: c.resolved, all: c.open + c.resolved, mine: c.mentioningMe };
  });

  protected readonly listTitle = computed(() => {
    const n = this.threads().length;
    const noun = this.filter().noun;
    const what = `${noun ? `${noun} ` : ''}${n === 1 ? 'thread' : 'threads'}`;
    const suffix = this.filter().key === 'mine' ? ' mentioning you' : '';
    return n === 0 ? `No ${what}${suffix}` : `${n} ${what}${suffix}`;
  });

  constructor() {
    effect(() => {
      const tenderId = this.tenderId();
      const query: ThreadQuery = { ...this.filter().query, requirementId: this.requirementId() };
      untracked(() => void this.load(tenderId, query, true));
    });
    effect(() => {
      const tenderId = this.tenderId();
      untracked(() => void this.loadTeam(tenderId));
    });
    const timer = setInterval(() => {
      if (!document.hidden) this.refresh();
    }, REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  /** Looks for new comments without disturbing the page (polling, focus, after an action). */
  protected refresh(): void {
    void this.load(this.tenderId(), { ...this.filter().query, requirementId: this.requirementId() }, false);
  }

  protected visibilityChanged(): void {
    if (!document.hidden) this.refresh();
  }

  protected reload(): void {
    void this.load(this.tenderId(), { ...this.filter().query, requirementId: this.requirementId() }, true);
  }

  protected openForm(): void {
    this.formOpen.set(true);
    afterNextRender(() => focusElementById('new-thread-about'), { injector: this.injector });
  }

  protected closeForm(): void {
    this.formOpen.set(false);
    this.clearStart();
    afterNextRender(() => focusElementById('start-thread'), { injector: this.injector });
  }

  protected async threadStarted(thread: CommentThread): Promise<void> {
    this.formOpen.set(false);
    this.announce('Thread started.');
    // Show the new thread: switch to a filter that includes it.
    this.focusAfterLoad = `thread-${thread.id}-title`;
    const keepRequirement = !this.requirementId() || this.requirementId() === thread.anchor.requirementId;
    const filterShowsIt = this.filter().key === 'open' || this.filter().key === 'all';
    if (filterShowsIt && keepRequirement) {
      this.clearStart();
      await this.load(this.tenderId(), { ...this.filter().query, requirementId: this.requirementId() }, false);
      return;
    }
    // The new filter in the URL loads the list that shows it.
    await this.router.navigate([], {
      queryParams: {
        start: null,
        status: filterShowsIt ? this.filter().key : 'open',
        requirement: keepRequirement ? this.requirementId() : null,
      },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected async threadChanged(event: { thread: CommentThread; change: ThreadChange }): Promise<void> {
    const { thread, change } = event;
    this.threads.update((list) => list.map((t) => (t.id === thread.id ? thread : t)));
    const gone = (change === 'resolved' && this.filter().key === 'open') || (change === 'reopened' && this.filter().key === 'resolved');
    await this.load(this.tenderId(), { ...this.filter().query, requirementId: this.requirementId() }, false);
    const said = { replied: 'Reply added.', resolved: 'Thread resolved.', reopened: 'Thread reopened.' }[change];
    this.announce(gone ? `${said} You can find it under ${change === 'resolved' ? 'Resolved' : 'Open'}.` : said);
    if (gone) {
      // The thread has left this list, and took the focused button with it.
      afterNextRender(() => this.listHeading()?.nativeElement.focus(), { injector: this.injector });
    }
  }

  private announce(message: string): void {
    // A repeated message must still change the text, or screen readers stay silent.
    this.announcement.set(this.announcement() === message ? `${message}\u00a0` : message);
  }

  private clearStart(): void {
    if (this.start()) void this.router.navigate([], { queryParams: { start: null }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  private async load(tenderId: string, query: ThreadQuery, visibly: boolean): Promise<void> {
    const request = ++this.requestNumber;
    if (visibly) this.loadState.set('loading');
    try {
      const list = await firstValueFrom(this.api.list(tenderId, query));
      if (request !== this.requestNumber) return;
      this.threads.set(list.threads);
      this.counts.set(list.counts);
      this.countsStore.set(tenderId, list.counts);
      this.loadState.set('ready');
      this.refreshFailed.set(false);
      const focus = this.focusAfterLoad;
      this.focusAfterLoad = null;
      if (focus) afterNextRender(() => focusElementById(focus), { injector: this.injector });
    } catch (error: unknown) {
      if (request !== this.requestNumber) return;
      if (this.loadState() === 'ready' && !visibly) {
        this.refreshFailed.set(true);
        return;
      }
      this.loadError.set(toAppError(error));
      this.loadState.set('error');
    }
  }

  private async loadTeam(tenderId: string): Promise<void> {
    try {
      this.team.set(await firstValueFrom(this.api.team(tenderId)));
    } catch {
      // Without the team, comments still work: only mentions are unavailable.
      this.team.set([]);
    }
  }
}
