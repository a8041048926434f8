import { Routes } from '@angular/router';

/** Preliminary market engagement, public: anyone reads; signed-in suppliers take part on the same page. */
export const engagementRoutes: Routes = [
  {
    path: '',
    title: 'Market engagement',
    loadComponent: () => import('./pages/engagement-list-page.component').then((m) => m.EngagementListPage),
  },
  {
    path: ':id',
    title: 'Market engagement',
    loadComponent: () => import('./pages/engagement-page.component').then((m) => m.EngagementPage),
  },
];
