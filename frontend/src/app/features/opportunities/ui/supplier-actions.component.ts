import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { InterestState, Lot, SupplierResponseSummary } from '@openbrief/contracts';
import { toAppError } from '../../../core/http/app-error';
import { createLoader } from '../../../shared/data/load-state';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { SupplierTenderApi } from '../data-access/supplier-tender.api';
import { responseStatusText, responsesByLot } from '../data-access/supplier-view';

/**
 * What a signed-in supplier can do from the opportunity: register (or withdraw) interest, and start or
 * continue a response to each lot.
 */
@Component({
  selector: 'ob-supplier-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, Loading, UkDatePipe],
  templateUrl: './supplier-actions.component.html',
  styles: `
    .actions__group + .actions__group {
      margin-top: 1.5rem;
      padding-top: 1.25rem;
      border-top: 1px solid var(--ob-border);
    }

    .actions__heading {
      margin-bottom: 0.5rem;
      font-size: 1.125rem;
    }

    .actions__lots {
      margin: 0;
      padding: 0;
      list-style: none;

      li + li {
        margin-top: 1rem;
      }
    }

    .actions__status {
      margin: 0.25rem 0 0.5rem;
      color: var(--ob-text-secondary);
      font-size: 1rem;
    }

    .actions__error {
      color: var(--ob-error);
      font-weight: 700;
    }

    button {
      font: inherit;
      font-weight: 700;
      cursor: pointer;
    }
  `,
})
export class SupplierActions {
  readonly tenderId = input.required<string>();
  readonly lots = input.required<readonly Lot[]>();

  private readonly api = inject(SupplierTenderApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly interest = signal<InterestState | null>(null);
  protected readonly interestLoadError = signal('');
  protected readonly interestBusy = signal(false);
  protected readonly interestError = signal('');
  protected readonly interestMessage = signal('');

  private readonly responses = createLoader<SupplierResponseSummary[]>();
  protected readonly responsesReady = computed(() => this.responses.state().status !== 'loading');
  protected readonly existing = computed(() => {
    const state = this.responses.state();
    return responsesByLot(this.tenderId(), this.lots(), state.status === 'ready' ? state.value : []);
  });
  protected readonly startingLot = signal<string | null>(null);
  protected readonly startError = signal('');

  constructor() {
    effect(() => {
      const id = this.tenderId();
      untracked(() => {
        this.responses.load(this.api.responses());
        this.api
          .interest(id)
          .pipe(takeUntilDestroyed(this.destroyRef))
          .subscribe({
            next: (state) => this.interest.set(state),
            error: (error: unknown) => this.interestLoadError.set(toAppError(error).message),
          });
      });
    });
  }

  protected toggleInterest(registered: boolean): void {
    if (this.interestBusy()) return;
    this.interestBusy.set(true);
    this.interestError.set('');
    const request = registered ? this.api.withdrawInterest(this.tenderId()) : this.api.registerInterest(this.tenderId());
    request.subscribe({
      next: (answer) => {
        // The state is kept in place (not reloaded), so the button keeps keyboard focus.
        const state = answer ?? { registered: !registered, registeredAt: registered ? null : new Date().toISOString() };
        this.interest.set(state);
        this.interestBusy.set(false);
        this.interestMessage.set(
          state.registered
            ? 'Interest registered. We will tell you about changes to this tender and answers to questions.'
            : 'Interest withdrawn. We will no longer tell you about this tender.',
        );
      },
      error: (error: unknown) => {
        this.interestBusy.set(false);
        this.interestError.set(toAppError(error).message);
      },
    });
  }

  protected start(lot: Lot): void {
    if (this.startingLot()) return;
    this.startingLot.set(lot.id);
    this.startError.set('');
    this.api.startResponse({ tenderId: this.tenderId(), lotId: lot.id }).subscribe({
      next: (response) => void this.router.navigate(['/responses', response.id]),
      error: (error: unknown) => {
        this.startingLot.set(null);
        this.startError.set(toAppError(error).message);
      },
    });
  }

  protected statusText(response: SupplierResponseSummary): string {
    return responseStatusText(response.status);
  }
}
