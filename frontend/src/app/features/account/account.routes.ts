import type { Routes } from '@angular/router';
import { Role } from '@openbrief/contracts';
import { requireRole } from '../../core/auth/role.guard';

export const accountRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Your account',
    loadComponent: () => import('./pages/account-page.component').then((m) => m.AccountPage),
  },
  {
    // Suppliers invite colleagues here; buyers and admins keep /team/invite. The same page serves both.
    path: 'invite',
    title: 'Invite a colleague',
    canMatch: [requireRole(Role.Supplier)],
    loadComponent: () => import('../team/pages/invite-page.component').then((m) => m.InvitePage),
  },
];
