import { Injectable, Logger } from '@nestjs/common';
import type { Extension, beforeHandleMessagePayload, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import { EDITABLE_TENDER_STATUSES } from '@openbrief/contracts';
import { writeContent } from '@openbrief/tender-doc';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { TenderService } from '../../tenders/tender.service';
import { toTenderContent } from '../../tenders/tender.mapper';
import { clampContent } from '../clamp-content';
import { CollabStore } from '../collab-store';
import { LIVE_EDITING, applyStored, tenderIdOf } from '../live-document';
import { OpenDocuments } from '../open-documents';
import { ProjectionExtension } from './projection.extension';

const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * The durable copy of every live document (collab-store.ts): loads a document from its snapshot and
 * log (or, the first time, from the tender tables), logs each client update before Hocuspocus applies
 * and acknowledges it, and compacts the log into the snapshot on Hocuspocus's debounced store.
 */
@Injectable()
export class DurableLogExtension implements Extension {
  readonly extensionName = 'openbrief-durable-log';
  private readonly logger = new Logger('Collaboration');

  constructor(
    private readonly store: CollabStore,
    private readonly tenders: TenderService,
    private readonly projection: ProjectionExtension,
    private readonly open: OpenDocuments,
  ) {}

  async onLoadDocument({ documentName: name, document }: onLoadDocumentPayload): Promise<void> {
    let stored = await this.store.load(name);
    if (!stored.state && !stored.updates.length) {
      // First time anyone opens it live: start from the relational model, logged as the first update
      // (unless another instance got there first: then its first state is the one to build on).
      const tender = await this.tenders.getById(tenderIdOf(name)!);
      const seed = new Y.Doc();
      writeContent(seed, clampContent(toTenderContent(tender)));
      const update = Y.encodeStateAsUpdate(seed);
      // Read back only if another instance seeded first: otherwise what was stored is this update.
      stored = (await this.store.seed(name, update)) ? { state: null, updates: [{ id: 0, data: update }] } : await this.store.load(name);
    } else if (stored.updates.length) {
      // Updates still in the log may never have reached the tables (the last process stopped first).
      this.projection.markDirty(name, LIVE_EDITING);
    }
    applyStored(document, stored);
  }

  /**
   * Awaited by Hocuspocus before it applies and acknowledges a message: the update is durable first.
   * Only updates from this instance's own clients come through here (Redis-borne ones do not), so each
   * update is logged once however many instances share the document.
   */
  async beforeHandleMessage({ update, documentName: name, connection, document }: beforeHandleMessagePayload): Promise<void> {
    if (connection.readOnly) return;
    const decoder = decoding.createDecoder(update);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const type = decoding.readVarUint(decoder);
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
    const payload = decoding.readVarUint8Array(decoder);
    if (payload.length <= 2) return;
    // A client's answer to the first sync carries its delete set even when the server holds all of it already:
    // logging that on every connect delayed "all changes saved". Only sync-step-2 is checked, so keystrokes pay nothing.
    if (type === SYNC_STEP_2 && Y.snapshotContainsUpdate(Y.snapshot(document), payload)) return;
    const stored = await this.open.track(this.store.appendIfEditable(name, tenderIdOf(name)!, payload, EDITABLE_TENDER_STATUSES));
    // The tender was closed (cancelled…) since this connection opened: from now on it only follows,
    // and Hocuspocus refuses this update instead of applying it.
    if (!stored) connection.readOnly = true;
  }

  async onStoreDocument({ documentName: name, document }: onStoreDocumentPayload): Promise<void> {
    // At shutdown, CollaborationService compacts every document itself, before the database closes.
    if (this.open.closing) return;
    // Never throw here: Hocuspocus runs this from a timer, where an error would go unhandled.
    await this.open
      .track(this.compact(name, document))
      .catch((error: unknown) => this.logger.error({ err: error, documentName: name }, 'Compaction failed'));
  }

  /**
   * Folds the document into the stored snapshot and drops the logged updates it holds. What leaves the
   * log must be in the tables (after a crash, the log is how unprojected edits are found), so the state
   * is taken first and projected before it is stored: the projection reads at least that much.
   */
  async compact(name: string, doc: Y.Doc): Promise<void> {
    const snapshot = Y.snapshot(doc);
    const state = Y.encodeStateAsUpdate(doc);
    if (this.projection.isPending(name)) await this.projection.projectNow(name);
    await this.store.compact(name, state, (u) => Y.snapshotContainsUpdate(snapshot, u));
  }
}
