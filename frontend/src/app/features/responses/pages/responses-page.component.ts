import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../../core/auth/auth.service';
import { Notice } from '../../../shared/ui/notice.component';

@Component({
  selector: 'ob-responses-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Notice, RouterLink],
  template: `
    <div class="container page">
      <span class="caption">{{ user()?.organisation?.name }}</span>
      <h1>Your responses</h1>
      <ob-notice tone="empty" heading="You have not responded to any tenders yet">
        <p>When you start a response to a tender, you will find it here.</p>
        <p><a routerLink="/opportunities">Find opportunities to respond to</a></p>
      </ob-notice>
    </div>
  `,
})
export class ResponsesPage {
  protected readonly user = inject(AuthService).user;
}
