import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A light loading indicator with text, so it needs no Material code on public pages. */
@Component({
  selector: 'ob-loading',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'loading', role: 'status' },
  template: `<span class="loading__dot" aria-hidden="true"></span>{{ label() }}`,
})
export class Loading {
  readonly label = input('Loading…');
}
