import { signal } from '@angular/core';
import { type HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import { type CurrentUser, LIVE_REFUSED_MESSAGE, type LiveRefusal, type TenderContent } from '@openbrief/contracts';
import { readContent, writeContent } from '@openbrief/tender-doc';
import * as Y from 'yjs';
import { textFieldAt } from './field-ids';
import { LiveLink, takePreparedLink } from './live-link';

export { prepareLiveLink } from './live-link';

/** Origin of the transactions this browser makes, so its own edits are not treated as someone else's. */
export const LOCAL_EDIT = 'openbrief-local-edit';

export type LiveConnection = 'connecting' | 'online' | 'offline';

/** Someone else in the tender right now, and where their cursor is (offsets into the field's text). */
export interface Collaborator {
  readonly clientId: number;
  readonly userId: string;
  readonly name: string;
  readonly colour: string;
  readonly fieldId: string | null;
  readonly anchor: number | null;
  readonly head: number | null;
}

/** Words this person last selected in a co-edited field, with Yjs relative positions that follow later edits. */
export interface TextSelection {
  readonly fieldId: string;
  readonly quote: string;
  /** Base64 of `Y.encodeRelativePosition`: still points at the same words after others' edits. */
  readonly start: string;
  readonly end: string;
}

interface FocusState {
  fieldId: string;
  anchor: unknown;
  head: unknown;
}

interface PresenceState {
  user?: { id: string; name: string; colour: string };
  focus?: FocusState | null;
}

/** How long to wait for the first sync before editing from this browser's own copy (if it has one). */
const OFFLINE_START_MS = 4000;
/** Closed connections, before the first sync, after which live editing is given up on this page. */
const CLOSES_BEFORE_GIVING_UP = 2;
/** How long "back in sync" stays on show after a reconnection. */
const BACK_IN_SYNC_MS = 6000;

/**
 * One tender's live document in this browser: a Yjs document synced with the server over a WebSocket
 * (Hocuspocus), kept in IndexedDB so edits made offline survive a closed tab, plus everyone's presence.
 * Edits are only written once the document has the server's history (or this browser's copy of it):
 * writing into an empty document would create a second, competing structure.
 */
export class LiveTender {
  readonly doc: Y.Doc;
  readonly connection = signal<LiveConnection>('connecting');
  readonly unsynced = signal(0);
  readonly ready = signal(false);
  readonly backInSync = signal(false);
  readonly collaborators = signal<readonly Collaborator[]>([]);
  readonly selection = signal<TextSelection | null>(null);
  /**
   * Values in the document that the server did not write to the tender (a save would refuse them): the
   * tender keeps the last valid value until the field is corrected. Sent by the server after each projection.
   */
  readonly refused = signal<readonly LiveRefusal[]>([]);
  /** Bumped whenever the document changes from elsewhere, so readers can re-read it. */
  readonly version = signal(0);

  private readonly link: LiveLink;
  private readonly provider: HocuspocusProvider;
  private closesBeforeSync = 0;
  private lastFocus: string | null | undefined;
  private backTimer: ReturnType<typeof setTimeout> | undefined;
  private offlineStartTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;

  constructor(
    tenderId: string,
    user: CurrentUser,
    readonly readOnly: boolean,
    private readonly onRemoteChange: (content: TenderContent) => void,
    /** Live editing cannot work here (refused, or the socket keeps closing before the first sync). */
    private readonly onUnavailable: (message: string) => void,
  ) {
    // Usually opened already, while the tender was loading (prepareLiveLink).
    this.link = takePreparedLink(tenderId, user.id) ?? new LiveLink(tenderId, user.id, user.name);
    this.doc = this.link.doc;
    this.provider = this.link.provider;

    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL_EDIT || !this.ready()) return;
      this.version.update((v) => v + 1);
      this.onRemoteChange(readContent(this.doc));
    });
    this.provider.on('status', ({ status }: { status: WebSocketStatus }) => this.statusChanged(status));
    this.provider.on('synced', ({ state }: { state: boolean }) => state && this.synced());
    this.provider.on('unsyncedChanges', ({ number }: { number: number }) => this.unsynced.set(number));
    this.provider.on('authenticationFailed', ({ reason }: { reason: string }) => this.unavailableBecause(reason));
    this.provider.on('close', () => this.closedBeforeSync());
    this.provider.on('awarenessChange', () => this.readPresence());
    this.provider.on('stateless', ({ payload }: { payload: string }) => this.serverSaid(payload));

    // A connection that neither opens nor fails: with a copy kept from last time, edit that meanwhile.
    this.offlineStartTimer = setTimeout(() => this.startFromLocalCopy(), OFFLINE_START_MS);
    // What happened before this editor took the connection over, told once the caller has this object.
    queueMicrotask(() => this.catchUp());
  }

  private catchUp(): void {
    if (this.destroyed) return;
    const earlier = this.link;
    this.unsynced.set(this.provider.unsyncedChanges);
    if (earlier.lastStateless) this.serverSaid(earlier.lastStateless);
    this.readPresence();
    if (earlier.refusedBecause) this.unavailableBecause(earlier.refusedBecause);
    else if (this.provider.synced) this.synced();
    else if (earlier.closes > 0) {
      this.closesBeforeSync = earlier.closes - 1;
      this.closedBeforeSync();
    }
  }

  private unavailableBecause(reason: string): void {
    this.onUnavailable(`Live editing is not available (${reason.replace(/\.$/, '')}).`);
  }

  private serverSaid(payload: string): void {
    try {
      const message = JSON.parse(payload) as { type?: unknown; refused?: unknown };
      if (message.type === LIVE_REFUSED_MESSAGE && Array.isArray(message.refused)) this.refused.set(message.refused as LiveRefusal[]);
    } catch {
      // Not a message of ours.
    }
  }

  /** The document's content, once it has the server's (or this browser's saved) history. */
  content(): TenderContent | null {
    return this.ready() ? readContent(this.doc) : null;
  }

  /** Makes the document say `next` with the smallest changes (so concurrent edits elsewhere merge). */
  apply(next: TenderContent): boolean {
    if (!this.ready() || this.readOnly) return false;
    writeContent(this.doc, next, LOCAL_EDIT);
    return true;
  }

  /** Resolves when the server has every local change, or false after `timeoutMs`. */
  async whenSaved(timeoutMs = 30_000): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (this.provider.unsyncedChanges > 0 || !this.ready() || this.connection() !== 'online') {
      if (Date.now() > until || this.destroyed) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return true;
  }

  /** The shared text of a field, by the editor's field id (`summary`, `outcome-<id>`, `req-<id>-why`…). */
  textFor(fieldId: string): Y.Text | null {
    const field = this.ready() ? textFieldAt(fieldId) : null;
    if (!field) return null;
    const map =
      field.scope === 'tender'
        ? this.doc.getMap<unknown>('tender')
        : field.scope === 'lot'
          ? this.findLot(field.id)
          : this.findRequirement(field.id);
    const text = map?.get(field.key);
    return text instanceof Y.Text ? text : null;
  }

  /** Tells the others where this person's cursor is (or that they left the field). */
  setFocus(fieldId: string | null, anchor = 0, head = anchor): void {
    // A keystroke fires both input and keyup: tell the others once.
    const key = fieldId ? `${fieldId}:${anchor}:${head}` : null;
    if (key === this.lastFocus) return;
    this.lastFocus = key;
    const text = fieldId ? this.textFor(fieldId) : null;
    if (!fieldId || !text) {
      this.provider.setAwarenessField('focus', null);
      return;
    }
    this.provider.setAwarenessField('focus', {
      fieldId,
      anchor: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, anchor)),
      head: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, head)),
    } satisfies FocusState);
    if (anchor !== head) {
      const [from, to] = [Math.min(anchor, head), Math.max(anchor, head)];
      this.selection.set({
        fieldId,
        quote: text.toString().slice(from, to),
        start: encodePosition(text, from),
        end: encodePosition(text, to),
      });
    }
  }

  /** The words between two positions from `selection` as they read now ('' once deleted), or null if unknown here. */
  wordsBetween(start: string, end: string): string | null {
    if (!this.ready()) return null;
    try {
      const from = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(start)), this.doc);
      const to = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(end)), this.doc);
      if (!from || !to || from.type !== to.type || !(from.type instanceof Y.Text)) return null;
      return from.type.toString().slice(from.index, Math.max(from.index, to.index));
    } catch {
      return null;
    }
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.backTimer);
    clearTimeout(this.offlineStartTimer);
    this.link.destroy();
  }

  private statusChanged(status: WebSocketStatus): void {
    if (status === WebSocketStatus.Connected) return; // "online" once synced: connected alone proves nothing yet
    if (status === WebSocketStatus.Disconnected && this.connection() === 'online') {
      this.connection.set('offline');
      this.backInSync.set(false);
      this.collaborators.set([]);
    }
  }

  private synced(): void {
    if (this.destroyed) return;
    const wasEditingOffline = this.ready() && this.connection() !== 'online';
    if (!this.ready()) this.becomeReady();
    if (wasEditingOffline) {
      this.backInSync.set(true);
      clearTimeout(this.backTimer);
      this.backTimer = setTimeout(() => this.backInSync.set(false), BACK_IN_SYNC_MS);
    }
    this.connection.set('online');
  }

  /** Offline when the page opened: edit this browser's copy from last time; it merges on reconnect. */
  private startFromLocalCopy(): boolean {
    if (this.ready() || this.destroyed || !this.link.hasLocalCopy) return false;
    this.becomeReady();
    return true;
  }

  private closedBeforeSync(): void {
    if (this.ready() || this.startFromLocalCopy()) return;
    if (++this.closesBeforeSync >= CLOSES_BEFORE_GIVING_UP) this.onUnavailable('Live editing could not connect.');
  }

  private becomeReady(): void {
    this.ready.set(true);
    this.version.update((v) => v + 1);
    this.onRemoteChange(readContent(this.doc));
  }

  private readPresence(): void {
    const awareness = this.provider.awareness;
    if (!awareness) return;
    const mine = awareness.clientID;
    const others: Collaborator[] = [];
    awareness.getStates().forEach((raw, clientId) => {
      const state = raw as PresenceState;
      if (clientId === mine || !state.user) return;
      const focus = state.focus ?? null;
      others.push({
        clientId,
        userId: state.user.id,
        name: state.user.name,
        colour: state.user.colour,
        fieldId: focus?.fieldId ?? null,
        anchor: focus ? this.resolve(focus.anchor) : null,
        head: focus ? this.resolve(focus.head) : null,
      });
    });
    others.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
    this.collaborators.set(others);
  }

  private resolve(json: unknown): number | null {
    try {
      return Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), this.doc)?.index ?? null;
    } catch {
      return null;
    }
  }

  private findLot(id: string): Y.Map<unknown> | null {
    return (
      this.doc
        .getArray<Y.Map<unknown>>('lots')
        .toArray()
        .find((l) => l.get('id') === id) ?? null
    );
  }

  private findRequirement(id: string): Y.Map<unknown> | null {
    for (const lot of this.doc.getArray<Y.Map<unknown>>('lots').toArray()) {
      const requirements = lot.get('requirements');
      if (!(requirements instanceof Y.Array)) continue;
      const found = (requirements as Y.Array<Y.Map<unknown>>).toArray().find((r) => r.get('id') === id);
      if (found) return found;
    }
    return null;
  }
}

const encodePosition = (text: Y.Text, index: number): string =>
  btoa(String.fromCharCode(...Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))));
const fromBase64 = (value: string): Uint8Array => Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
