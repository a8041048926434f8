import type { Routes } from '@angular/router';

export const accountRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Your account',
    loadComponent: () => import('./pages/account-page.component').then((m) => m.AccountPage),
  },
];
