import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive } from '@angular/router';
import { filter } from 'rxjs';
import { AuthService } from '../auth/auth.service';
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

  protected readonly user = this.auth.user;
  protected readonly links = computed(() => navLinksFor(this.auth.role()));
  protected readonly menuOpen = signal(false);
  protected readonly signingOut = signal(false);

  constructor() {
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.menuOpen.set(false));
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
