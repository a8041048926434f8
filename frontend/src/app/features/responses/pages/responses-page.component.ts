import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SupplierResponseSummary } from '@openbrief/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { createLoader } from '../../../shared/data/load-state';
import { formatUkDate } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { countdownText, deadlinePassed } from '../data-access/countdown';
import { minuteClock } from '../data-access/minute-clock';
import { ResponsesApi } from '../data-access/responses.api';
import { ResponseStatusTag } from '../ui/response-status-tag.component';

/** "Your responses": every response of the supplier's organisation, its deadline counting down, and what to do next. */
@Component({
  selector: 'ob-responses-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Notice, Loading, RouterLink, ResponseStatusTag],
  templateUrl: './responses-page.component.html',
  styleUrl: './responses-page.component.scss',
})
export class ResponsesPage implements OnInit {
  private readonly api = inject(ResponsesApi);
  protected readonly user = inject(AuthService).user;
  protected readonly responses = createLoader<SupplierResponseSummary[]>();
  /** Ticks each minute; the countdown text is not a live region, so nothing is announced on a tick. */
  protected readonly now = minuteClock();

  ngOnInit(): void {
    this.reload();
  }

  protected reload(): void {
    this.responses.load(this.api.list());
  }

  protected countdown(deadline: string | null): string {
    return countdownText(deadline, this.now());
  }

  protected passed(deadline: string | null): boolean {
    return deadlinePassed(deadline, this.now());
  }

  protected uk(iso: string): string {
    return formatUkDate(iso);
  }
}
