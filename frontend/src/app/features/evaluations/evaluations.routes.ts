import { Routes } from '@angular/router';

export const evaluationsRoutes: Routes = [
  {
    path: '',
    title: 'Evaluations',
    loadComponent: () => import('./pages/evaluations-page.component').then((m) => m.EvaluationsPage),
  },
];
