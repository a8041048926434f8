import { signal } from '@angular/core';
import { TenderContent, TenderDetail } from '@openbrief/contracts';
import { sameContent } from './content-ops';
import { WorkingCopy } from './working-copy';

const BACKUP_MS = 400;
const BACKUP_KEY = 'openbrief.unsaved-tender.';

/** Edits kept in this browser tab that never reached the server (for example, the session ended). */
export interface RecoveredEdits {
  readonly content: TenderContent;
  readonly at: number;
  readonly sameBase: boolean;
}

interface Backup {
  revision: number;
  content: TenderContent;
  at: number;
}

/**
 * Keeps unsaved edits in the tab's sessionStorage while they travel over HTTP, so a session that ends
 * or a reload loses nothing; offers them back when the tender is opened again. Live editing keeps its
 * own copy (IndexedDB), so the backup is cleared once the live document has the edits.
 */
export class TabBackup {
  readonly recovered = signal<RecoveredEdits | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly copy: WorkingCopy,
    private readonly storage: () => Storage = () => sessionStorage,
  ) {}

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.write(), BACKUP_MS);
  }

  /** The editor is closing: a backup that was waiting is written now. */
  writePending(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.write();
  }

  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    try {
      this.storage().removeItem(BACKUP_KEY + this.copy.id);
    } catch {
      // Nothing to clear.
    }
  }

  /** After loading: offers edits this tab kept that the server does not have. */
  check(detail: TenderDetail): void {
    let backup: Backup | null = null;
    try {
      const raw = this.storage().getItem(BACKUP_KEY + this.copy.id);
      backup = raw ? (JSON.parse(raw) as Backup) : null;
    } catch {
      backup = null;
    }
    if (!backup?.content?.lots || sameContent(backup.content, this.copy.saved())) {
      this.clear();
      return;
    }
    this.recovered.set({ content: backup.content, at: backup.at, sameBase: backup.revision === detail.revision });
  }

  private write(): void {
    this.timer = undefined;
    const content = this.copy.working();
    const meta = this.copy.meta();
    if (!content || !meta || content === this.copy.saved()) return;
    const backup: Backup = { revision: meta.revision, content, at: Date.now() };
    try {
      this.storage().setItem(BACKUP_KEY + this.copy.id, JSON.stringify(backup));
    } catch {
      // Storage full or blocked: autosave still runs.
    }
  }
}
