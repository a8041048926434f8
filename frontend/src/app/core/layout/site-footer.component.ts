import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService } from '../auth/auth.service';

@Component({
  selector: 'ob-site-footer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <footer class="site-footer">
      <div class="container site-footer__inner">
        <nav aria-label="Footer">
          <ul class="site-footer__links">
            <li><a routerLink="/opportunities">Open opportunities</a></li>
            <li><a routerLink="/engagements">Market engagement</a></li>
            @if (!signedIn()) {
              <li><a routerLink="/sign-up">Create a supplier account</a></li>
              <li><a routerLink="/sign-in">Sign in</a></li>
            }
          </ul>
        </nav>
        <p>
          Openbrief is free, open-source software for public sector buying, released under the GNU Affero General Public License v3.0 or
          later.
        </p>
        <p>All dates and times are UK time.</p>
      </div>
    </footer>
  `,
})
export class SiteFooter {
  protected readonly signedIn = inject(AuthService).isSignedIn;
}
