import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type EvaluationTask } from '@openbrief/contracts';
import { createLoader } from '../../../shared/data/load-state';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { EvaluationApi } from '../data-access/evaluation.api';
import { stageLabel, stageTagClass } from '../../../shared/ui/panel-stage';

/** "Your evaluations": each panel the caller sits on, with the next thing to do as the link. */
@Component({
  selector: 'ob-evaluation-tasks',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, Loading, Notice],
  template: `
    @let state = tasks.state();
    @switch (state.status) {
      @case ('loading') {
        <ob-loading label="Loading your evaluations…" />
      }
      @case ('error') {
        <ob-notice tone="warning" heading="We could not load your evaluations">
          <p>{{ state.error.message }}</p>
          <button type="button" class="text-button" (click)="load()">Try again</button>
        </ob-notice>
      }
      @case ('ready') {
        @if (state.value.length === 0) {
          <ob-notice tone="empty" heading="No evaluations assigned yet">
            <p>When a buyer asks you to score the bids for a tender, it will appear here.</p>
          </ob-notice>
        } @else {
          <section aria-labelledby="tasks-title">
            <h2 id="tasks-title">Your evaluations</h2>
            <ul class="tasks">
              @for (task of state.value; track task.panelId) {
                <li class="tasks__item">
                  <h3 class="tasks__title">
                    {{ task.tenderTitle }} ({{ task.tenderReference }}), lot {{ task.lotNumber }}: {{ task.lotTitle }}
                  </h3>
                  <p class="tasks__meta">
                    <strong [class]="tagClass(task)">{{ stage(task) }}</strong>
                    {{ roleText(task) }}
                  </p>
                  <p class="tasks__next">{{ task.nextStep }}</p>
                  <p class="tasks__links">
                    <a [routerLink]="['/evaluations', task.panelId]"
                      >{{ task.isEvaluator ? 'Open your scoring' : 'Your declarations'
                      }}<span class="visually-hidden"> for {{ task.tenderTitle }}, lot {{ task.lotNumber }}</span></a
                    >
                    @if (task.isModerator) {
                      <a [routerLink]="['/evaluations', task.panelId, 'moderation']"
                        >Open moderation<span class="visually-hidden"> for {{ task.tenderTitle }}, lot {{ task.lotNumber }}</span></a
                      >
                    }
                  </p>
                </li>
              }
            </ul>
          </section>
        }
      }
    }
  `,
  styles: `
    .tasks {
      padding: 0;
      list-style: none;
    }
    .tasks__item {
      padding: 1rem 0;
      border-bottom: 1px solid var(--ob-border);
    }
    .tasks__title {
      margin-bottom: 0.5rem;
      font-size: 1.25rem;
      overflow-wrap: anywhere;
    }
    .tasks__meta,
    .tasks__next {
      margin: 0 0 0.5rem;
    }
    .tasks__links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      margin: 0;
      font-weight: 700;
    }
  `,
})
export class EvaluationTasks {
  private readonly api = inject(EvaluationApi);
  protected readonly tasks = createLoader<EvaluationTask[]>();

  constructor() {
    this.load();
  }

  protected load(): void {
    this.tasks.load(this.api.tasks());
  }

  protected stage(task: EvaluationTask): string {
    return stageLabel(task.stage);
  }

  protected tagClass(task: EvaluationTask): string {
    return stageTagClass(task.stage);
  }

  protected roleText(task: EvaluationTask): string {
    if (task.isEvaluator && task.isModerator) return 'You score and moderate.';
    return task.isModerator ? 'You moderate.' : 'You score.';
  }
}
