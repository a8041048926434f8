import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TenderListItem, TenderStatus } from '@openbrief/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { createLoader } from '../../../shared/data/load-state';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { StatusTag } from '../../../shared/ui/status-tag.component';
import { TendersApi } from '../data-access/tenders.api';

@Component({
  selector: 'ob-tender-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UkDatePipe, StatusTag, Loading, Notice],
  templateUrl: './tender-list-page.component.html',
  styleUrl: './tender-list-page.component.scss',
})
export class TenderListPage implements OnInit {
  private readonly api = inject(TendersApi);
  protected readonly user = inject(AuthService).user;
  protected readonly tenders = createLoader<TenderListItem[]>();
  protected readonly published = TenderStatus.Published;

  ngOnInit(): void {
    this.reload();
  }

  protected reload(): void {
    this.tenders.load(this.api.list());
  }
}
