import { Routes } from '@angular/router';
import { anonymousOnly } from '../../core/auth/role.guard';

/** Top-level routes; each page's code loads only when it is visited. The account page is features/account. */
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
    path: 'invitations/:token',
    title: 'Accept your invitation',
    loadComponent: () => import('./pages/accept-invitation-page.component').then((m) => m.AcceptInvitationPage),
  },
];
