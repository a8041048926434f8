import type { TenderContent } from '@openbrief/contracts';
import { writeContent } from '@openbrief/tender-doc';
import * as Y from 'yjs';
import type { Actor } from '../../common/events/domain-events';
import { clampContent } from './clamp-content';
import type { StoredDocument } from './collab-store';

/** Live documents are named `tender:<id>`, one per tender's working copy. */
const DOCUMENT_NAME = /^tender:([0-9a-f-]{36})$/;

export const documentName = (tenderId: string): string => `tender:${tenderId}`;

/** The tender a document name is about, or null for a name that is not a tender document. */
export const tenderIdOf = (name: string): string | null => DOCUMENT_NAME.exec(name)?.[1] ?? null;

/** Transaction origins of changes that did not come from a client of this instance. */
export const REST_ORIGIN = 'openbrief:rest';
export const STORE_ORIGIN = 'openbrief:store';

/** Who a projection names when no client of this instance made the change (the log after a restart, another instance). */
export const LIVE_EDITING: Actor = { userId: null, name: 'Live editing', organisationId: null };

/** Applies a stored document (snapshot, then the logged updates) to `doc`, as one transaction. */
export function applyStored(doc: Y.Doc, { state, updates }: StoredDocument, origin: unknown = null): void {
  doc.transact(() => {
    if (state) Y.applyUpdate(doc, state);
    for (const u of updates) Y.applyUpdate(doc, u.data);
  }, origin);
}

export function docFrom(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc();
  applyStored(doc, stored);
  return doc;
}

/** The update that makes `doc` say `content` (null if it says so already), computed on a copy. */
export function changeTo(doc: Y.Doc, content: TenderContent): Uint8Array | null {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  let update: Uint8Array | null = null;
  copy.on('update', (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u));
  writeContent(copy, clampContent(content));
  return update;
}
