import { DestroyRef, Signal, inject, signal } from '@angular/core';

/**
 * The time now, refreshed at the start of every minute: enough for countdowns in whole minutes,
 * and nothing is announced on a tick (the text showing it is not a live region). Call in an injection context.
 */
export function minuteClock(): Signal<Date> {
  const now = signal(new Date());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    now.set(new Date());
    timer = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
  };
  timer = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
  inject(DestroyRef).onDestroy(() => clearTimeout(timer));
  return now.asReadonly();
}
