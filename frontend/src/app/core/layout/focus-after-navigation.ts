import { DOCUMENT, Injector, afterNextRender, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { filter, pairwise } from 'rxjs';

/**
 * After in-app navigation, moves focus to the new page's h1 so screen reader
 * users hear where they are, as they would on a full page load.
 * Call in an injection context.
 */
export function focusHeadingAfterNavigation(): void {
  const injector = inject(Injector);
  const document = inject(DOCUMENT);
  inject(Router)
    .events.pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      pairwise(),
      // Only path changes count; a new query string is the same page.
      filter(([previous, next]) => pathOf(previous.urlAfterRedirects) !== pathOf(next.urlAfterRedirects)),
      takeUntilDestroyed(),
    )
    .subscribe(() => {
      afterNextRender(
        () => {
          const heading = document.querySelector<HTMLElement>('main h1');
          if (!heading) return;
          heading.setAttribute('tabindex', '-1');
          heading.focus();
        },
        { injector },
      );
    });
}

function pathOf(url: string): string {
  return url.split(/[?#]/)[0] ?? url;
}
