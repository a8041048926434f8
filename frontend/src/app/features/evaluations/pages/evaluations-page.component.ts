import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../../core/auth/auth.service';
import { EvaluationTasks } from '../ui/evaluation-tasks.component';
import { MentionedThreads } from './mentioned-threads.component';

/** The evaluator's start page (a buyer who moderates comes here too): their panels, then the comments that mention them. */
@Component({
  selector: 'ob-evaluations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, EvaluationTasks, MentionedThreads],
  template: `
    <div class="container page">
      <span class="caption">{{ user()?.organisation?.name }}</span>
      <h1>Evaluations</h1>
      <ob-evaluation-tasks />
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
