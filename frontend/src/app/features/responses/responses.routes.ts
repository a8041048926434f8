import { Routes } from '@angular/router';
import type { ResponseEditorPage } from './pages/response-editor-page.component';

export const responsesRoutes: Routes = [
  {
    path: '',
    title: 'Your responses',
    loadComponent: () => import('./pages/responses-page.component').then((m) => m.ResponsesPage),
  },
  {
    path: ':id',
    title: 'Your response',
    canDeactivate: [(page: ResponseEditorPage) => page.canLeave()],
    loadComponent: () => import('./pages/response-editor-page.component').then((m) => m.ResponseEditorPage),
  },
];
