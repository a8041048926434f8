import { Routes } from '@angular/router';
import { Role } from '@openbrief/contracts';
import { requireRole } from '../../core/auth/role.guard';
import { canLeaveGuard } from './pages/can-leave.guard';

/**
 * The app lets buyers, administrators and evaluators in here (app.routes.ts); evaluators reach only the
 * comment threads they are mentioned in, and every other page sends them to their start page.
 */
export const tendersRoutes: Routes = [
  {
    path: ':id/comments/:threadId',
    title: 'Comment thread',
    canMatch: [requireRole(Role.Buyer, Role.Admin, Role.Evaluator)],
    loadComponent: () => import('./comments/comment-thread-page.component').then((m) => m.CommentThreadPage),
  },
  {
    // The buying team's pages: keep new routes inside, so that evaluators never match them.
    path: '',
    canMatch: [requireRole(Role.Buyer, Role.Admin)],
    children: [
      {
        path: '',
        title: 'Your tenders',
        loadComponent: () => import('./pages/tender-list-page.component').then((m) => m.TenderListPage),
      },
      {
        path: 'new',
        title: 'Start a new tender',
        loadComponent: () => import('./pages/new-tender-page.component').then((m) => m.NewTenderPage),
      },
      {
        path: ':id/history',
        title: 'History',
        loadComponent: () => import('./history/tender-history-page.component').then((m) => m.TenderHistoryPage),
      },
      {
        path: ':id/audit',
        title: 'Audit trail',
        loadComponent: () => import('./audit/audit-trail-page.component').then((m) => m.TenderAuditTrailPage),
      },
      {
        path: ':id/questions',
        title: 'Questions from suppliers',
        loadComponent: () => import('./questions/question-queue-page.component').then((m) => m.QuestionQueuePage),
      },
      {
        path: ':id/responses',
        title: 'Responses',
        loadComponent: () => import('./responses-panel/responses-panel-page.component').then((m) => m.ResponsesPanelPage),
      },
      {
        path: ':id/evaluation',
        title: 'Evaluation',
        loadComponent: () => import('./evaluation/evaluation-page.component').then((m) => m.EvaluationPage),
      },
      {
        path: ':id/evaluation/:panelId/results',
        title: 'Evaluation results',
        loadComponent: () => import('./evaluation/results-page.component').then((m) => m.EvaluationResultsPage),
      },
      {
        path: ':id/evaluation/:panelId/award',
        title: 'Award',
        loadComponent: () => import('./evaluation/award-page.component').then((m) => m.AwardPage),
      },
      {
        // One tender's workspace: the frame holds the working copy shared by the pages below.
        path: ':id',
        loadComponent: () => import('./pages/tender-workspace-page.component').then((m) => m.TenderWorkspacePage),
        canDeactivate: [canLeaveGuard],
        children: [
          {
            path: '',
            title: 'Edit tender',
            loadComponent: () => import('./pages/tender-editor-page.component').then((m) => m.TenderEditorPage),
          },
          { path: 'guided', pathMatch: 'full', redirectTo: 'guided/problem' },
          {
            path: 'guided/:step',
            title: 'Write your tender step by step',
            loadComponent: () => import('./pages/guided-step-page.component').then((m) => m.GuidedStepPage),
          },
          {
            path: 'preview',
            title: 'Preview',
            loadComponent: () => import('./pages/tender-preview-page.component').then((m) => m.TenderPreviewPage),
          },
          {
            path: 'publish',
            title: 'Check and publish',
            loadComponent: () => import('./pages/publish-page.component').then((m) => m.PublishPage),
          },
          {
            path: 'comments',
            title: 'Comments',
            loadComponent: () => import('./comments/comments-page.component').then((m) => m.CommentsPage),
          },
          {
            path: 'published/:version',
            title: 'Published',
            loadComponent: () => import('./pages/published-page.component').then((m) => m.PublishedPage),
          },
        ],
      },
    ],
  },
];
