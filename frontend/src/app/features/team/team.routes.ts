import { Routes } from '@angular/router';

export const teamRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'invite' },
  {
    path: 'invite',
    title: 'Invite someone to your team',
    loadComponent: () => import('./pages/invite-page.component').then((m) => m.InvitePage),
  },
];
