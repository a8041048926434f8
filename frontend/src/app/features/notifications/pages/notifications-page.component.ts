import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { NOTIFICATION_PAGE_SIZE, NotificationItem, NotificationList } from '@openbrief/contracts';
import { AppError, toAppError } from '../../../core/http/app-error';
import { UnreadNotifications } from '../../../core/notifications/unread-notifications.service';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { focusElementById } from '../../../shared/ui/focus';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { NotificationsApi } from '../data-access/notifications.api';
import { safeLink, unreadFirst } from '../data-access/notification-words';
import { EmailChoices } from '../ui/email-choices.component';

/** Your notifications, unread first, and which optional ones are also e-mailed. */
@Component({
  selector: 'ob-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UkDatePipe, Loading, Notice, EmailChoices],
  templateUrl: './notifications-page.component.html',
  styleUrl: './notifications-page.component.scss',
})
export class NotificationsPage {
  private readonly api = inject(NotificationsApi);
  private readonly router = inject(Router);
  private readonly unreadCount = inject(UnreadNotifications);
  private readonly injector = inject(Injector);

  protected readonly items = signal<NotificationItem[]>([]);
  protected readonly unread = signal(0);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<AppError | null>(null);
  protected readonly hasMore = signal(false);
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly actionError = signal('');
  protected readonly sorted = computed(() => unreadFirst(this.items()));
  protected readonly safeLink = safeLink;

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.list().subscribe({
      next: (list) => {
        this.loading.set(false);
        this.take(list, false);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadError.set(toAppError(error));
      },
    });
  }

  protected showOlder(): void {
    const last = this.items().at(-1);
    if (!last || this.busy()) return;
    this.busy.set(true);
    this.api.list(last.id).subscribe({
      next: (list) => {
        this.busy.set(false);
        this.take(list, true);
        this.status.set(`${list.items.length} older notification${list.items.length === 1 ? '' : 's'} shown.`);
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected markRead(item: NotificationItem): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.api.markRead(item.id).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.replace(updated);
        this.status.set(`“${item.title}” marked as read.`);
        // Its button is gone: focus goes to the notification itself rather than the top of the page.
        afterNextRender(() => focusElementById(`notification-${item.id}`), { injector: this.injector });
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected markAllRead(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.api.markAllRead().subscribe({
      next: (list) => {
        this.busy.set(false);
        this.take(list, false);
        this.status.set('All notifications marked as read.');
        afterNextRender(() => focusElementById('notifications-heading'), { injector: this.injector });
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  /** Opening one marks it read first (so the count is right when the person comes back), then follows its link. */
  protected open(event: Event, item: NotificationItem, link: string): void {
    event.preventDefault();
    const go = () => void this.router.navigateByUrl(link);
    if (item.readAt) return go();
    this.api.markRead(item.id).subscribe({
      next: (updated) => {
        this.replace(updated);
        go();
      },
      error: go,
    });
  }

  private take(list: NotificationList, append: boolean): void {
    this.items.update((items) => (append ? [...items, ...list.items] : list.items));
    this.hasMore.set(list.items.length === NOTIFICATION_PAGE_SIZE);
    this.unread.set(list.unread);
    this.unreadCount.set(list.unread);
    this.actionError.set('');
  }

  private replace(updated: NotificationItem): void {
    this.items.update((items) => items.map((item) => (item.id === updated.id ? updated : item)));
    this.unread.update((n) => Math.max(0, n - 1));
    this.unreadCount.set(this.unread());
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.actionError.set(toAppError(error).message);
  }
}
