import { Routes } from '@angular/router';

export const responsesRoutes: Routes = [
  {
    path: '',
    title: 'Your responses',
    loadComponent: () => import('./pages/responses-page.component').then((m) => m.ResponsesPage),
  },
];
