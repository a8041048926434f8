import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive } from '@angular/router';
import { filter } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { UnreadNotifications } from '../notifications/unread-notifications.service';
import { focusElementById } from '../../shared/ui/focus';
import { FlashMessageService } from './flash-message.service';
import { navLinksFor } from './nav-links';

@Component({
  selector: 'ob-site-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive],
  templateUrl: './site-header.component.html',
  styleUrl: './site-header.component.scss',
})
export class SiteHeader {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly flash = inject(FlashMessageService);
  private readonly notifications = inject(UnreadNotifications);

  protected readonly user = this.auth.user;
  protected readonly links = computed(() => navLinksFor(this.auth.role()));
  protected readonly menuOpen = signal(false);
  protected readonly signingOut = signal(false);
  protected readonly unread = this.notifications.unread;
  protected readonly unreadAnnouncement = this.notifications.announcement;

  constructor() {
    // Signing in, out or as someone else: the count is that person's, asked at once.
    effect(() => {
      const userId = this.user()?.id ?? null;
      untracked(() => this.notifications.refresh(userId, true));
    });
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        this.menuOpen.set(false);
        this.notifications.refresh(this.user()?.id ?? null);
      });
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    focusElementById('main-content');
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected signOut(): void {
    if (this.signingOut()) return;
    this.signingOut.set(true);
    const done = () => {
      this.signingOut.set(false);
      this.flash.showAfterNavigation('You have signed out.');
      void this.router.navigateByUrl('/');
    };
    this.auth.signOut().subscribe({ next: done, error: done });
  }
}
