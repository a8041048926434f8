import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { NotificationList } from '@openbrief/contracts';
import { expectUnauthorised } from '../http/http-context';

/** How long a count stays fresh: navigating around asks again at most this often. */
const FRESH_MS = 30_000;

/**
 * The signed-in person's unread count for the header ("Notifications (3)"). Refreshed on navigation (at most
 * every 30 seconds) and set directly by the notifications page when it marks things read. The announcement is
 * for a polite live region: it speaks only when the count goes up, never on every refresh.
 */
@Injectable({ providedIn: 'root' })
export class UnreadNotifications {
  private readonly http = inject(HttpClient);
  private readonly count = signal<number | null>(null);
  private readonly message = signal('');
  private fetchedAt = 0;
  private userId: string | null = null;

  readonly unread = this.count.asReadonly();
  readonly announcement = this.message.asReadonly();

  /** Asks the server again, unless asked recently for the same person; `userId` null forgets the count. */
  refresh(userId: string | null, force = false): void {
    if (userId !== this.userId) {
      this.userId = userId;
      this.count.set(null);
      this.message.set('');
      this.fetchedAt = 0;
    }
    if (!userId || (!force && Date.now() - this.fetchedAt < FRESH_MS)) return;
    this.fetchedAt = Date.now();
    // A 401 here (an ended session) is for the page the person is on to deal with, not the header.
    this.http.get<NotificationList>('/api/v1/notifications', { context: expectUnauthorised() }).subscribe({
      next: (list) => {
        if (this.userId === userId) this.set(list.unread);
      },
      error: () => this.count.set(null),
    });
  }

  /** The count as the notifications page knows it after a change. */
  set(unread: number): void {
    const before = this.count();
    this.count.set(unread);
    if (before !== null && unread > before) {
      this.message.set(`You have ${unread} unread notification${unread === 1 ? '' : 's'}.`);
    }
  }
}
