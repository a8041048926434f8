import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AuthService } from '../../../core/auth/auth.service';
import { searchFrom, searchParams } from '../data-access/tender-search';
import { OpportunityList } from '../ui/opportunity-list.component';

@Component({
  selector: 'ob-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, OpportunityList],
  templateUrl: './home-page.component.html',
  styleUrl: './home-page.component.scss',
})
export class HomePage {
  protected readonly user = inject(AuthService).user;
  private readonly router = inject(Router);

  /** The form also works as a plain GET to /opportunities; in the app it navigates without reloading. */
  protected search(event: SubmitEvent): void {
    event.preventDefault();
    const params = searchParams(searchFrom(new FormData(event.target as HTMLFormElement)));
    void this.router.navigate(['/opportunities'], { queryParams: params });
  }
}
