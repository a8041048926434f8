import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { FlashMessageService } from './core/layout/flash-message.service';
import { focusHeadingAfterNavigation } from './core/layout/focus-after-navigation';
import { SiteFooter } from './core/layout/site-footer.component';
import { SiteHeader } from './core/layout/site-header.component';

@Component({
  selector: 'ob-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, SiteHeader, SiteFooter],
  host: { class: 'app' },
  template: `
    <ob-site-header />
    <div class="phase-banner">
      <p class="container">
        <strong class="phase-banner__tag">Beta</strong>
        <span>This is a new service. We are improving it all the time.</span>
      </p>
    </div>
    <main id="main-content" class="app__main" tabindex="-1">
      <div class="container" role="status">
        @if (flash.message(); as message) {
          <p class="flash">{{ message }}</p>
        }
      </div>
      <router-outlet />
    </main>
    <ob-site-footer />
  `,
})
export class App {
  protected readonly flash = inject(FlashMessageService);

  constructor() {
    focusHeadingAfterNavigation();
  }
}
