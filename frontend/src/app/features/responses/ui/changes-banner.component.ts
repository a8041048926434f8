import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ResponseStatus } from '@openbrief/contracts';
import { firstValueFrom } from 'rxjs';
import { toAppError } from '../../../core/http/app-error';
import { ResponseEditorStore } from '../data-access/response-editor.store';
import { ResponsesApi } from '../data-access/responses.api';

const CHANGE_WORDS = { added: 'Added', changed: 'Changed', removed: 'Removed' } as const;
const KIND_WORDS = { requirement: 'requirement', criterion: 'question', tender: 'tender' } as const;

/** After a corrigendum: what changed in this lot since the version the response was written against, and a confirm. */
@Component({
  selector: 'ob-changes-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = store.response()!;
    @if (r.changesSince; as changes) {
      <section class="changes notice notice--warning" aria-labelledby="changes-title">
        <h2 id="changes-title" class="notice__heading">The buyer changed the tender</h2>
        <p>
          The tender is now at version {{ changes.toVersion }}. You wrote this response against version {{ changes.fromVersion }}. These
          parts of your lot changed:
        </p>
        <ul class="changes__list">
          @for (item of changes.items; track item.kind + item.id) {
            <li>
              <strong>{{ changeWord(item.change) }} {{ kindWord(item.kind) }}:</strong> {{ item.label }}
            </li>
          }
        </ul>
        <p>
          Read the changes on the
          <a [href]="'/opportunities/' + r.tenderId" target="_blank" rel="noopener"
            >tender's page<span class="visually-hidden"> (opens in a new tab)</span></a
          >, check your answers, then confirm.
          @if (r.status === submitted) {
            Your submission answers the old version. To answer the changes, confirm, then withdraw your response, update it and submit
            again.
          }
        </p>
        @if (error()) {
          <p class="rf-error" role="alert">{{ error() }}</p>
        }
        @if (store.open()) {
          <button type="button" class="changes__button" [disabled]="busy()" (click)="confirm(changes.toVersion)">
            I have read the changes
          </button>
        }
      </section>
    }
    <div class="visually-hidden" role="status">{{ spoken() }}</div>
  `,
  styles: `
    .changes__list {
      margin-bottom: 1rem;
    }
    .changes__button {
      min-height: 2.75rem;
      padding: 0.375rem 1rem;
      border: 0;
      border-radius: 6px;
      background: #1d4f91;
      color: #fff;
      font: inherit;
      font-weight: 700;
      cursor: pointer;
    }
    .rf-error {
      color: var(--ob-error);
      font-weight: 700;
    }
  `,
})
export class ChangesBanner {
  protected readonly store = inject(ResponseEditorStore);
  private readonly api = inject(ResponsesApi);
  protected readonly submitted = ResponseStatus.Submitted;
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly spoken = signal('');

  protected changeWord(change: keyof typeof CHANGE_WORDS): string {
    return CHANGE_WORDS[change];
  }

  protected kindWord(kind: keyof typeof KIND_WORDS): string {
    return KIND_WORDS[kind];
  }

  protected async confirm(version: number): Promise<void> {
    const response = this.store.response();
    if (!response) return;
    this.busy.set(true);
    this.error.set('');
    try {
      await this.store.flush();
      const updated = await firstValueFrom(this.api.confirmChanges(response.id, version));
      // The lot's questions may have changed: take the server's version of everything.
      if (this.store.dirty()) this.store.refreshMeta(updated);
      else this.store.replace(updated);
      this.spoken.set(`Thank you. Your response is now written against version ${version} of the tender.`);
      setTimeout(() => document.querySelector<HTMLElement>('main h1')?.focus());
    } catch (cause: unknown) {
      const error = toAppError(cause);
      this.store.noteClosed(error);
      this.error.set(`That did not work. ${error.message}`);
    } finally {
      this.busy.set(false);
    }
  }
}
