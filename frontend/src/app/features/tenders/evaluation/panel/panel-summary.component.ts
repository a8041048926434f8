import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type EvaluationPanel, PanelStage } from '@openbrief/contracts';
import { AuthService } from '../../../../core/auth/auth.service';
import { stageLabel, stageTagClass } from '../../../../shared/ui/panel-stage';

/** Who sits on a lot's panel, where it has got to, and the way on to results and award. */
@Component({
  selector: 'ob-panel-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @let p = panel();
    <p>
      <strong [class]="tagClass()">{{ stage() }}</strong>
    </p>
    <dl class="summary-list">
      <dt>Moderator</dt>
      <dd>{{ p.moderator.name }}</dd>
      @for (e of p.evaluators; track e.userId) {
        <dt>{{ e.name }}</dt>
        <dd>Scores {{ criteriaOf(e.criterionIds) }}</dd>
      }
      <dt>Scores submitted</dt>
      <dd>{{ p.progress.submitted }} of {{ p.progress.assigned }}</dd>
      <dt>Scores moderated</dt>
      <dd>{{ p.progress.moderated }} of {{ p.progress.toModerate }}</dd>
    </dl>
    <p class="links">
      @if (isModerator()) {
        <a [routerLink]="['/evaluations', p.id]"
          >Your declarations<span class="visually-hidden"> as moderator of lot {{ p.lotNumber }}</span></a
        >
      }
      <a [routerLink]="['/evaluations', p.id, 'moderation']"
        >Moderation<span class="visually-hidden"> of lot {{ p.lotNumber }}</span></a
      >
      <a [routerLink]="['/tenders', tenderId(), 'evaluation', p.id, 'results']"
        >{{ moderated() ? 'Results' : 'Provisional results' }}<span class="visually-hidden"> of lot {{ p.lotNumber }}</span></a
      >
      <a [routerLink]="['/tenders', tenderId(), 'evaluation', p.id, 'award']"
        >Award<span class="visually-hidden"> of lot {{ p.lotNumber }}</span></a
      >
    </p>
  `,
  styles: `
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      font-weight: 700;
    }
  `,
})
export class PanelSummary {
  readonly tenderId = input.required<string>();
  readonly panel = input.required<EvaluationPanel>();
  /** Criterion id → name. */
  readonly criterionNames = input.required<Record<string, string>>();

  private readonly me = inject(AuthService).user;
  /** A moderator declares conflicts too, on the evaluator's page, before moderating. */
  protected readonly isModerator = computed(() => this.panel().moderator.userId === this.me()?.id);
  protected readonly stage = computed(() => stageLabel(this.panel().stage));
  protected readonly tagClass = computed(() => stageTagClass(this.panel().stage));
  protected readonly moderated = computed(() => [PanelStage.Moderated, PanelStage.Awarded].includes(this.panel().stage));

  protected criteriaOf(ids: readonly string[]): string {
    const names = ids.map((id) => this.criterionNames()[id] ?? 'a criterion no longer in the tender');
    return names.length ? names.join(', ') : 'nothing (moderates only)';
  }
}
