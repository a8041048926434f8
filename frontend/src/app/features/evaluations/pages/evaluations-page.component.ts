import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AuthService } from '../../../core/auth/auth.service';
import { Notice } from '../../../shared/ui/notice.component';

@Component({
  selector: 'ob-evaluations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Notice],
  template: `
    <div class="container page">
      <span class="caption">{{ user()?.organisation?.name }}</span>
      <h1>Evaluations</h1>
      <ob-notice tone="empty" heading="No evaluations assigned yet">
        <p>When a buyer asks you to score the bids for a tender, it will appear here.</p>
      </ob-notice>
    </div>
  `,
})
export class EvaluationsPage {
  protected readonly user = inject(AuthService).user;
}
