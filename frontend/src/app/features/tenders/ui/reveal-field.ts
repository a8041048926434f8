import { focusElementById } from '../../../shared/ui/focus';

/** Opens any collapsed <details> around a field, then focuses it (or its first control) and scrolls to it. */
export function revealField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (node instanceof HTMLDetailsElement && !node.open) node.open = true;
  }
  focusElementById(id);
}
