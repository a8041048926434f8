import { Routes } from '@angular/router';

export const opportunitiesRoutes: Routes = [
  {
    path: '',
    title: 'Opportunities',
    loadComponent: () => import('./pages/opportunities-page.component').then((m) => m.OpportunitiesPage),
  },
  {
    path: ':id',
    title: 'Opportunity',
    loadComponent: () => import('./pages/opportunity-page.component').then((m) => m.OpportunityPage),
  },
];
