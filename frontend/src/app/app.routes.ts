import { Routes } from '@angular/router';
import { Role } from '@openbrief/contracts';
import { requireRole } from './core/auth/role.guard';
import { authRoutes } from './features/auth/auth.routes';

export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Find public sector opportunities',
    loadComponent: () => import('./features/opportunities/pages/home-page.component').then((m) => m.HomePage),
  },
  {
    path: 'opportunities',
    loadChildren: () => import('./features/opportunities/opportunities.routes').then((m) => m.opportunitiesRoutes),
  },
  {
    path: 'engagements',
    loadChildren: () => import('./features/engagement/engagement.routes').then((m) => m.engagementRoutes),
  },
  ...authRoutes,
  {
    // A draft's market engagement (the buying team only): beside History and Audit trail, outside the editor's frame.
    path: 'tenders/:id/engagement',
    title: 'Market engagement',
    canMatch: [requireRole(Role.Buyer, Role.Admin)],
    loadComponent: () => import('./features/tenders/engagement/market-engagement-page.component').then((m) => m.MarketEngagementPage),
  },
  {
    // Evaluators only for the comment threads they are mentioned in: tenders.routes.ts guards each page.
    path: 'tenders',
    canMatch: [requireRole(Role.Buyer, Role.Admin, Role.Evaluator)],
    loadChildren: () => import('./features/tenders/tenders.routes').then((m) => m.tendersRoutes),
  },
  {
    // Suppliers too: the invite page lets a supplier invite supplier colleagues only (the server decides the same).
    path: 'team',
    canMatch: [requireRole(Role.Buyer, Role.Admin, Role.Supplier)],
    loadChildren: () => import('./features/team/team.routes').then((m) => m.teamRoutes),
  },
  {
    // Evaluators, and a buyer or administrator named moderator of a panel (moderation lives here too).
    path: 'evaluations',
    canMatch: [requireRole(Role.Evaluator, Role.Buyer, Role.Admin)],
    loadChildren: () => import('./features/evaluations/evaluations.routes').then((m) => m.evaluationsRoutes),
  },
  {
    path: 'responses',
    canMatch: [requireRole(Role.Supplier)],
    loadChildren: () => import('./features/responses/responses.routes').then((m) => m.responsesRoutes),
  },
  {
    path: 'account',
    canMatch: [requireRole(Role.Supplier, Role.Buyer, Role.Admin, Role.Evaluator)],
    loadChildren: () => import('./features/account/account.routes').then((m) => m.accountRoutes),
  },
  {
    path: 'notifications',
    canMatch: [requireRole(Role.Supplier, Role.Buyer, Role.Admin, Role.Evaluator)],
    loadChildren: () => import('./features/notifications/notifications.routes').then((m) => m.notificationsRoutes),
  },
  {
    path: '**',
    title: 'Page not found',
    loadComponent: () => import('./core/layout/not-found-page.component').then((m) => m.NotFoundPage),
  },
];
