import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

export const SERVICE_NAME = 'Openbrief';

/** Gives every page a title of the form "Page – Openbrief" (WCAG 2.4.2). */
@Injectable()
export class PageTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.title.setTitle(pageTitle(this.buildTitle(snapshot)));
  }
}

export function pageTitle(page: string | undefined): string {
  return page ? `${page} – ${SERVICE_NAME}` : SERVICE_NAME;
}
