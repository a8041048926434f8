import { Routes } from '@angular/router';
import { Role } from '@openbrief/contracts';
import { anonymousOnly, requireRole } from '../../core/auth/role.guard';

/** Top-level routes; each page's code loads only when it is visited. */
export const authRoutes: Routes = [
  {
    path: 'sign-in',
    title: 'Sign in',
    canMatch: [anonymousOnly],
    loadComponent: () => import('./pages/sign-in-page.component').then((m) => m.SignInPage),
  },
  {
    path: 'sign-up',
    title: 'Create a supplier account',
    canMatch: [anonymousOnly],
    loadComponent: () => import('./pages/sign-up-page.component').then((m) => m.SignUpPage),
  },
  {
    path: 'account',
    title: 'Your account',
    canMatch: [requireRole(Role.Admin, Role.Buyer, Role.Evaluator, Role.Supplier)],
    loadComponent: () => import('./pages/account-page.component').then((m) => m.AccountPage),
  },
  {
    path: 'invitations/:token',
    title: 'Accept your invitation',
    loadComponent: () => import('./pages/accept-invitation-page.component').then((m) => m.AcceptInvitationPage),
  },
];
