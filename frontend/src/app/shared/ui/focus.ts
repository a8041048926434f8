const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/**
 * Moves focus to an element by id (or to the first control inside it, for
 * wrappers such as mat-radio-button) and scrolls it into view. In-page "#id"
 * links would otherwise resolve against <base href="/"> and leave the page.
 */
export function focusElementById(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  let target: HTMLElement | null = element.matches(FOCUSABLE)
    ? element
    : element.querySelector<HTMLElement>('input, select, textarea, button');
  if (!target) {
    element.setAttribute('tabindex', '-1');
    target = element;
  }
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
}
