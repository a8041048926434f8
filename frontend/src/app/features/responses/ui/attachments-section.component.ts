import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { LibraryDocument, ResponseAttachment } from '@openbrief/contracts';
import { firstValueFrom } from 'rxjs';
import { toAppError } from '../../../core/http/app-error';
import { formatUkDate } from '../../../shared/pipes/uk-date.pipe';
import { ResponseEditorStore } from '../data-access/response-editor.store';
import { fieldIds } from '../data-access/response-labels';
import { ResponsesApi } from '../data-access/responses.api';

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/**
 * Documents attached to the response, where the tender allows them: the limits up front, upload with
 * progress, errors in plain words, download and remove, and documents reused from earlier responses.
 */
@Component({
  selector: 'ob-attachments-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'attachments' },
  template: `
    @let r = store.response()!;
    @if (!r.attachmentsAllowed) {
      <p>This tender does not accept attachments: put everything in your answers.</p>
    } @else {
      <p class="rf-hint">
        Up to {{ r.maxAttachments }} {{ r.maxAttachments === 1 ? 'file' : 'files' }}, each up to {{ size(r.maxAttachmentBytes) }}. PDF,
        Word, Excel, OpenDocument, images or plain text. We check each file's type from its content, not only its name.
      </p>
      @if (r.attachments.length) {
        <ul class="attachments__list">
          @for (file of r.attachments; track file.id) {
            <li class="attachments__item">
              <a [href]="api.attachmentUrl(r.id, file.id)" download>{{ file.fileName }}<span class="visually-hidden"> (download)</span></a>
              <span class="attachments__meta">{{ size(file.size) }} · added {{ when(file.uploadedAt) }}</span>
              @if (store.editable()) {
                <button type="button" class="text-button" [disabled]="busy()" (click)="remove(file)">
                  Remove<span class="visually-hidden"> {{ file.fileName }}</span>
                </button>
              }
            </li>
          }
        </ul>
      } @else {
        <p class="attachments__none">No documents attached.</p>
      }
      @if (store.editable()) {
        @if (r.attachments.length < r.maxAttachments) {
          <div class="attachments__upload">
            <label class="rf-label" [for]="fileId">Add a document</label>
            @if (error()) {
              <p class="rf-error" [id]="fileId + '-error'"><span class="visually-hidden">Error: </span>{{ error() }}</p>
            }
            <input
              type="file"
              class="attachments__input"
              [id]="fileId"
              [disabled]="busy()"
              [attr.aria-describedby]="error() ? fileId + '-error' : null"
              (change)="chosen($event)"
            />
          </div>
          <div class="earlier">
            <button
              type="button"
              class="text-button"
              [attr.aria-expanded]="earlierOpen()"
              aria-controls="earlier-documents"
              (click)="toggleEarlier()"
            >
              Use a document from an earlier response
            </button>
            @if (earlierOpen()) {
              <div id="earlier-documents" class="earlier__panel">
                @switch (earlierState()) {
                  @case ('loading') {
                    <p role="status">Looking for documents in your earlier responses…</p>
                  }
                  @case ('ready') {
                    @if (earlier().length) {
                      <ul class="attachments__list">
                        @for (doc of earlier(); track doc.attachmentId) {
                          <li class="attachments__item">
                            <span>{{ doc.fileName }}</span>
                            <span class="attachments__meta">{{ size(doc.size) }} · from {{ doc.tenderTitle }}</span>
                            <button type="button" class="text-button" [disabled]="busy()" (click)="reuse(doc)">
                              Use this document<span class="visually-hidden"> ({{ doc.fileName }})</span>
                            </button>
                          </li>
                        }
                      </ul>
                    } @else {
                      <p>Your earlier responses have no documents.</p>
                    }
                  }
                  @case ('error') {
                    <p class="rf-error">We could not load your earlier documents. Try again later.</p>
                  }
                }
              </div>
            }
          </div>
        } @else {
          <p>You have attached the most documents this tender allows. Remove one to add another.</p>
        }
      }
    }
    <div class="visually-hidden" role="status">{{ spoken() }}</div>
    @if (progress() !== null) {
      <p class="attachments__progress">
        <label [for]="fileId + '-progress'">Uploading {{ uploading() }}</label>
        <progress [id]="fileId + '-progress'" max="100" [value]="progress()">{{ progress() }}%</progress>
      </p>
    }
  `,
  styleUrl: './attachments-section.component.scss',
})
export class AttachmentsSection {
  protected readonly store = inject(ResponseEditorStore);
  protected readonly api = inject(ResponsesApi);
  protected readonly fileId = fieldIds.attachments;

  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly spoken = signal('');
  protected readonly progress = signal<number | null>(null);
  protected readonly uploading = signal('');
  protected readonly earlierOpen = signal(false);
  protected readonly earlierState = signal<'loading' | 'ready' | 'error'>('loading');
  private readonly earlierAll = signal<LibraryDocument[]>([]);
  /** Not this response's own documents. */
  protected readonly earlier = computed(() => this.earlierAll().filter((d) => d.responseId !== this.store.response()?.id));

  protected size(bytes: number): string {
    return fileSize(bytes);
  }

  protected when(iso: string): string {
    return formatUkDate(iso);
  }

  protected async chosen(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    const response = this.store.response();
    if (!file || !response) return;
    this.error.set('');
    if (file.size > response.maxAttachmentBytes) {
      this.fail(
        `${file.name} is ${fileSize(file.size)}: files can be at most ${fileSize(response.maxAttachmentBytes)}. Make it smaller or split it.`,
      );
      input.value = '';
      return;
    }
    if (file.size === 0) {
      this.fail(`${file.name} is empty. Choose a file with something in it.`);
      input.value = '';
      return;
    }
    this.busy.set(true);
    this.uploading.set(file.name);
    this.progress.set(0);
    this.spoken.set(`Uploading ${file.name}.`);
    this.api.upload(response.id, file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress && event.total) this.progress.set(Math.round((100 * event.loaded) / event.total));
      },
      error: (cause: unknown) => {
        const error = toAppError(cause);
        this.progress.set(null);
        this.busy.set(false);
        input.value = '';
        this.store.noteClosed(error);
        this.fail(`${file.name} was not added. ${error.message}`);
      },
      complete: () => {
        this.progress.set(null);
        input.value = '';
        void this.refresh(`${file.name} added.`);
      },
    });
  }

  protected remove(file: ResponseAttachment): void {
    const response = this.store.response();
    if (!response) return;
    this.busy.set(true);
    this.api.removeAttachment(response.id, file.id).subscribe({
      next: () => void this.refresh(`${file.fileName} removed.`, true),
      error: (cause: unknown) => {
        this.busy.set(false);
        this.store.noteClosed(toAppError(cause));
        this.spoken.set(`${file.fileName} was not removed. ${toAppError(cause).message}`);
      },
    });
  }

  protected toggleEarlier(): void {
    this.earlierOpen.update((open) => !open);
    if (this.earlierOpen()) void this.loadEarlier();
  }

  protected reuse(doc: LibraryDocument): void {
    const response = this.store.response();
    if (!response) return;
    this.busy.set(true);
    this.error.set('');
    this.api.reuseAttachment(response.id, doc.attachmentId).subscribe({
      next: () => void this.refresh(`${doc.fileName} added from ${doc.tenderTitle}.`),
      error: (cause: unknown) => {
        this.busy.set(false);
        this.fail(`${doc.fileName} was not added. ${toAppError(cause).message}`);
      },
    });
  }

  private async loadEarlier(): Promise<void> {
    this.earlierState.set('loading');
    try {
      this.earlierAll.set(await firstValueFrom(this.api.libraryDocuments()));
      this.earlierState.set('ready');
    } catch {
      this.earlierState.set('error');
    }
  }

  /** Attachments change the response on the server: read it again (after saving any typing first). */
  private async refresh(message: string, focusInput = false): Promise<void> {
    try {
      await this.store.flush();
      const current = await firstValueFrom(this.api.get(this.store.response()!.id));
      if (this.store.dirty() || this.store.conflict()) this.store.refreshMeta(current);
      else this.store.replace(current);
      this.spoken.set(message);
    } catch (cause: unknown) {
      this.spoken.set(`${message} The page could not be refreshed: ${toAppError(cause).message}`);
    } finally {
      this.busy.set(false);
      if (focusInput) setTimeout(() => document.getElementById(this.fileId)?.focus());
    }
  }

  private fail(message: string): void {
    this.error.set(message);
    this.spoken.set(message);
    setTimeout(() => document.getElementById(this.fileId)?.focus());
  }
}
