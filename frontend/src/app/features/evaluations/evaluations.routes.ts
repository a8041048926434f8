import { Routes } from '@angular/router';

export const evaluationsRoutes: Routes = [
  {
    path: '',
    title: 'Evaluations',
    loadComponent: () => import('./pages/evaluations-page.component').then((m) => m.EvaluationsPage),
  },
  {
    path: ':panelId',
    title: 'Your evaluation',
    loadComponent: () => import('./pages/panel-workspace-page.component').then((m) => m.PanelWorkspacePage),
  },
  {
    path: ':panelId/responses/:responseId',
    title: 'Score a response',
    loadComponent: () => import('./pages/scoring-page.component').then((m) => m.ScoringPage),
  },
  {
    path: ':panelId/moderation',
    title: 'Moderation',
    loadComponent: () => import('./pages/moderation-page.component').then((m) => m.ModerationPage),
  },
];
