import { CanDeactivateFn } from '@angular/router';

/** A page that may hold unsaved work and wants a say before the router leaves it. */
export interface CanLeave {
  canLeave(): boolean | Promise<boolean>;
}

/** Kept apart from the page itself so the routes file does not pull the page into its chunk. */
export const canLeaveGuard: CanDeactivateFn<CanLeave> = (page) => page?.canLeave() ?? true;
