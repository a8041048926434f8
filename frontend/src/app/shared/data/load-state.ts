import { DestroyRef, Signal, inject, signal } from '@angular/core';
import { Observable, Subscription } from 'rxjs';
import { AppError, toAppError } from '../../core/http/app-error';

export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly error: AppError };

export interface Loader<T> {
  readonly state: Signal<LoadState<T>>;
  load(source: Observable<T>): void;
}

/** Signal-backed loading state for one request at a time; call in an injection context. */
export function createLoader<T>(): Loader<T> {
  const state = signal<LoadState<T>>({ status: 'loading' });
  let subscription: Subscription | undefined;
  inject(DestroyRef).onDestroy(() => subscription?.unsubscribe());

  return {
    state: state.asReadonly(),
    load(source: Observable<T>): void {
      subscription?.unsubscribe();
      state.set({ status: 'loading' });
      subscription = source.subscribe({
        next: (value) => state.set({ status: 'ready', value }),
        error: (error: unknown) => state.set({ status: 'error', error: toAppError(error) }),
      });
    },
  };
}
