import { Injectable } from '@nestjs/common';
import type { TenderContent } from '@openbrief/contracts';
import { readContent } from '@openbrief/tender-doc';
import * as Y from 'yjs';
import type { LiveDrafts } from '../tenders/live-drafts.port';
import { clampContent } from './clamp-content';
import { CollabStore } from './collab-store';
import { ProjectionExtension } from './extensions/projection.extension';
import { LIVE_EDITING, docFrom, documentName } from './live-document';
import { OpenDocuments } from './open-documents';

/**
 * The tenders module's view of live documents (its LiveDrafts port). With Redis, both first take in what
 * other instances have logged, so a client acknowledged by another instance reads its own edit here too.
 * A document open nowhere counts as pending while its log holds updates: they may never have reached the
 * tables (a process stopped before projecting them).
 */
@Injectable()
export class LiveDraftsAdapter implements LiveDrafts {
  constructor(
    private readonly open: OpenDocuments,
    private readonly store: CollabStore,
    private readonly projection: ProjectionExtension,
  ) {}

  async pendingContent(tenderId: string): Promise<TenderContent | null> {
    const name = documentName(tenderId);
    const local = this.open.get(name);
    if (local) {
      if (this.open.redis && (await this.open.catchUp(name, local))) this.projection.markDirty(name, LIVE_EDITING);
      return this.projection.isPending(name) ? clampContent(readContent(local)) : null;
    }
    if (!(await this.store.hasUpdates(name))) return null;
    return clampContent(readContent(docFrom(await this.store.load(name))));
  }

  async project(tenderId: string): Promise<void> {
    const name = documentName(tenderId);
    const local = this.open.get(name);
    if (local && this.open.redis) await this.open.catchUp(name, local);
    if (local || !(await this.store.hasUpdates(name))) {
      await this.projection.projectNow(name);
      return;
    }
    // Open nowhere here, yet the log holds updates: project them, then fold them into the snapshot so
    // the next write need not look again. The state is taken before projecting (which reads at least that much).
    const stored = docFrom(await this.store.load(name));
    this.projection.markDirty(name, LIVE_EDITING, false);
    await this.projection.projectNow(name);
    if (!this.open.get(name)) {
      const snapshot = Y.snapshot(stored);
      await this.store.compact(name, Y.encodeStateAsUpdate(stored), (u) => Y.snapshotContainsUpdate(snapshot, u));
    }
  }
}
