import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../../core/auth/auth.service';
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
}
