import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'ob-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <div class="container narrow">
      <h1>Page not found</h1>
      <p class="lead">If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p><a routerLink="/">Go to the list of open opportunities</a></p>
    </div>
  `,
})
export class NotFoundPage {}
