import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { OpeningRecord, ResponseCounts, TenderDetail } from '@openbrief/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { toAppError } from '../../../core/http/app-error';
import { createLoader } from '../../../shared/data/load-state';
import { formatUkDate } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { TendersApi } from '../data-access/tenders.api';
import { ResponsesPanelApi } from './responses-panel.api';

interface PanelData {
  counts: ResponseCounts;
  record: OpeningRecord | null;
}

/**
 * The buying team's view of responses: how many suppliers are interested and how many responses count (numbers
 * only, never who) until the deadline; then opening them, by one person or, where the tender says so, confirmed
 * by a second; then each opened response with its time and the SHA-256 on the supplier's receipt.
 */
@Component({
  selector: 'ob-responses-panel-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, Loading, Notice],
  templateUrl: './responses-panel-page.component.html',
  styleUrl: './responses-panel-page.component.scss',
})
export class ResponsesPanelPage {
  /** Bound from the `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(ResponsesPanelApi);
  private readonly tenders = inject(TendersApi);
  private readonly injector = inject(Injector);
  private readonly me = inject(AuthService).user;

  protected readonly tender = createLoader<TenderDetail>();
  protected readonly data = signal<PanelData | null>(null);
  protected readonly loadError = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal('');
  protected readonly spoken = signal('');

  protected readonly deadline = computed(() => {
    const state = this.tender.state();
    return state.status === 'ready' ? state.value.timetable.submissionDeadline : null;
  });
  protected readonly openedText = computed(() => {
    const opening = this.data()?.counts.opening;
    if (!opening || opening.state !== 'opened') return '';
    const confirmed = opening.confirmedBy ? ` and confirmed by ${opening.confirmedBy}` : '';
    return `Opened at ${this.uk(opening.openedAt)} (UK time) by ${opening.requestedBy ?? 'a member of your team'}${confirmed}.`;
  });
  /** The device's clock, read at each refresh: the server decides, this only avoids offering what it would refuse. */
  private readonly now = signal(Date.now());
  protected readonly afterDeadline = computed(() => {
    const deadline = this.deadline();
    return !!deadline && this.now() >= Date.parse(deadline);
  });
  /** Two-person opening, asked by someone else: this person may confirm. */
  protected readonly canConfirm = computed(() => {
    const opening = this.data()?.counts.opening;
    return opening?.state === 'awaiting-confirmation' && opening.requestedById !== this.me()?.id;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.tender.load(this.tenders.get(id));
        void this.refresh();
      });
    });
  }

  protected uk(iso: string | null): string {
    return iso ? formatUkDate(iso) : 'not set';
  }

  protected async refresh(): Promise<void> {
    this.loadError.set('');
    this.now.set(Date.now());
    try {
      const counts = await firstValueFrom(this.api.counts(this.id()));
      const record = counts.opening.state === 'opened' ? await firstValueFrom(this.api.opening(this.id())) : null;
      this.data.set({ counts, record });
    } catch (cause: unknown) {
      this.loadError.set(toAppError(cause).message);
    }
  }

  protected async open(): Promise<void> {
    await this.act(() => firstValueFrom(this.api.open(this.id())));
  }

  protected async confirm(): Promise<void> {
    await this.act(() => firstValueFrom(this.api.confirm(this.id())));
  }

  private async act(call: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.problem.set('');
    try {
      await call();
      await this.refresh();
      const opening = this.data()?.counts.opening;
      this.spoken.set(
        opening?.state === 'opened'
          ? 'The responses are open.'
          : 'Your request to open the responses is recorded. Ask a colleague in your team to confirm it.',
      );
      afterNextRender(() => document.getElementById('opening-title')?.focus(), { injector: this.injector });
    } catch (cause: unknown) {
      this.problem.set(toAppError(cause).message);
      afterNextRender(() => document.getElementById('opening-problem')?.focus(), { injector: this.injector });
    } finally {
      this.busy.set(false);
    }
  }
}
