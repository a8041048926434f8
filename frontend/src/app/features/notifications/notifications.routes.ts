import type { Routes } from '@angular/router';

export const notificationsRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Notifications',
    loadComponent: () => import('./pages/notifications-page.component').then((m) => m.NotificationsPage),
  },
];
