import { Injectable, inject, signal } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';

/**
 * A one-off confirmation ("You have signed out") that survives exactly one
 * navigation, then clears itself.
 */
@Injectable({ providedIn: 'root' })
export class FlashMessageService {
  private readonly current = signal<string | null>(null);
  private keepForNextPage = false;

  readonly message = this.current.asReadonly();

  constructor() {
    inject(Router)
      .events.pipe(filter((event) => event instanceof NavigationEnd))
      .subscribe(() => {
        if (this.keepForNextPage) this.keepForNextPage = false;
        else this.current.set(null);
      });
  }

  /** Shows the message on the page the app is about to navigate to. */
  showAfterNavigation(message: string): void {
    this.current.set(message);
    this.keepForNextPage = true;
  }
}
