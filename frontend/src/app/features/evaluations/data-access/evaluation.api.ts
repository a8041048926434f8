import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type CriterionScores,
  type DeclareConflictsRequest,
  EVALUATION_ROUTES,
  type EvaluationTask,
  type EvaluatorResponseView,
  type EvaluatorScore,
  type EvaluatorWorkspace,
  type ModerateScoreRequest,
  type ModerationView,
  type SaveScoreRequest,
} from '@openbrief/contracts';
import { Observable } from 'rxjs';

const api = (path: string) => `/api/v1${path}`;

/**
 * What an evaluator or moderator does on a panel: declare, score, submit, read others' scores, moderate. Pages reload after a
 * change rather than trusting each answer's shape, so one source of truth shows.
 */
@Injectable({ providedIn: 'root' })
export class EvaluationApi {
  private readonly http = inject(HttpClient);

  tasks(): Observable<EvaluationTask[]> {
    return this.http.get<EvaluationTask[]>(api(EVALUATION_ROUTES.tasks()));
  }

  workspace(panelId: string): Observable<EvaluatorWorkspace> {
    return this.http.get<EvaluatorWorkspace>(api(EVALUATION_ROUTES.workspace(panelId)));
  }

  declare(panelId: string, request: DeclareConflictsRequest): Observable<unknown> {
    return this.http.put(api(EVALUATION_ROUTES.declarations(panelId)), request);
  }

  response(panelId: string, responseId: string): Observable<EvaluatorResponseView> {
    return this.http.get<EvaluatorResponseView>(api(EVALUATION_ROUTES.response(panelId, responseId)));
  }

  /** If-Match carries the revision the evaluator read (0 for a first save), so a second tab never overwrites silently. */
  saveScore(
    panelId: string,
    responseId: string,
    criterionId: string,
    revision: number,
    request: SaveScoreRequest,
  ): Observable<EvaluatorScore> {
    return this.http.put<EvaluatorScore>(api(EVALUATION_ROUTES.score(panelId, responseId, criterionId)), request, {
      headers: new HttpHeaders({ 'If-Match': String(revision) }),
    });
  }

  submitCriterion(panelId: string, criterionId: string): Observable<unknown> {
    return this.http.post(api(EVALUATION_ROUTES.submitCriterion(panelId, criterionId)), {});
  }

  criterionScores(panelId: string, criterionId: string): Observable<CriterionScores> {
    return this.http.get<CriterionScores>(api(EVALUATION_ROUTES.criterionScores(panelId, criterionId)));
  }

  moderation(panelId: string): Observable<ModerationView> {
    return this.http.get<ModerationView>(api(EVALUATION_ROUTES.moderation(panelId)));
  }

  moderate(panelId: string, responseId: string, criterionId: string, request: ModerateScoreRequest): Observable<unknown> {
    return this.http.put(api(EVALUATION_ROUTES.moderate(panelId, responseId, criterionId)), request);
  }
}
