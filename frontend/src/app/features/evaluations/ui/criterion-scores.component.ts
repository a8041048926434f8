import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { type CriterionScores as Scores, type ScaleDescriptor } from '@openbrief/contracts';
import { createLoader } from '../../../shared/data/load-state';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { EvaluationApi } from '../data-access/evaluation.api';
import { scoreText } from '../data-access/score-text';

/** Every submitted score of one criterion: shown only once the evaluator has submitted all of theirs for it. */
@Component({
  selector: 'ob-criterion-scores',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Loading, Notice],
  styleUrl: '../../../shared/ui/evaluation-forms.scss',
  template: `
    @let state = scores.state();
    @switch (state.status) {
      @case ('loading') {
        <ob-loading label="Loading the panel's scores…" />
      }
      @case ('error') {
        <ob-notice tone="warning" heading="We could not load the panel's scores">
          <p>{{ state.error.message }}</p>
        </ob-notice>
      }
      @case ('ready') {
        <table class="ef__table">
          <caption class="visually-hidden">
            The panel's scores for
            {{
              state.value.criterionName
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">Response</th>
              <th scope="col">Evaluator</th>
              <th scope="col">Score</th>
              <th scope="col">Justification</th>
            </tr>
          </thead>
          <tbody>
            @for (score of state.value.scores; track score.responseId + score.evaluatorId) {
              <tr>
                <th scope="row">{{ label(score.responseId) }}</th>
                <td data-label="Evaluator">{{ score.evaluatorName }}</td>
                <td data-label="Score">{{ text(score.score) }}</td>
                <td data-label="Justification">{{ score.justification }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="4">No one has submitted scores for this criterion yet.</td>
              </tr>
            }
          </tbody>
        </table>
      }
    }
  `,
})
export class CriterionScores {
  readonly panelId = input.required<string>();
  readonly criterionId = input.required<string>();
  readonly descriptors = input.required<readonly ScaleDescriptor[]>();
  /** Response id → the name this evaluator may see (blind marking hides the supplier). */
  readonly labels = input.required<Record<string, string>>();

  private readonly api = inject(EvaluationApi);
  protected readonly scores = createLoader<Scores>();

  constructor() {
    effect(() => {
      const panelId = this.panelId();
      const criterionId = this.criterionId();
      untracked(() => this.scores.load(this.api.criterionScores(panelId, criterionId)));
    });
  }

  protected label(responseId: string): string {
    return this.labels()[responseId] ?? 'A response';
  }

  protected text(score: number | null): string {
    return scoreText(score, this.descriptors());
  }
}
