import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../../core/auth/auth.service';
import { Notice } from '../../../shared/ui/notice.component';
import { MentionedThreads } from './mentioned-threads.component';

@Component({
  selector: 'ob-evaluations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Notice, RouterLink, MentionedThreads],
  template: `
    <div class="container page">
      <span class="caption">{{ user()?.organisation?.name }}</span>
      <h1>Evaluations</h1>
      <ob-notice tone="empty" heading="No evaluations assigned yet">
        <p>When a buyer asks you to score the bids for a tender, it will appear here.</p>
      </ob-notice>
      <p>
        You score bids against the tender as it was published, which you can read under
        <a routerLink="/opportunities">Opportunities</a>. Drafts and the buying team's comments stay with the buying team, except the
        comment threads in which a buyer mentions you.
      </p>
      <ob-mentioned-threads />
    </div>
  `,
})
export class EvaluationsPage {
  protected readonly user = inject(AuthService).user;
}
