import { Routes } from '@angular/router';

export const tendersRoutes: Routes = [
  {
    path: '',
    title: 'Your tenders',
    loadComponent: () => import('./pages/tender-list-page.component').then((m) => m.TenderListPage),
  },
];
