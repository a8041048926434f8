import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { CurrentUser } from '@openbrief/contracts';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { colourFor } from './presence-colours';

const RECONNECT_MAX_MS = 4000;
/**
 * How long the connection waits for this browser's saved copy before joining anyway. Joining after it has
 * loaded lets the first sync carry only what the server lacks; a copy that arrives later is sent whole.
 */
const LOCAL_COPY_WAIT_MS = 1500;
/** A connection prepared for an editor that never took it (the tender turned out not to be live) is closed. */
const PREPARED_FOR_MS = 30_000;

/**
 * The socket, document, provider and saved copy behind one tender's live document, and what happened on
 * them before an editor took them over (`LiveTender` replays it). Opening it is most of the time it takes
 * to go live, so it can start while the tender itself is still loading (`prepareLiveLink`).
 */
export class LiveLink {
  readonly doc = new Y.Doc();
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: HocuspocusProvider;
  readonly persistence: IndexeddbPersistence | null;
  /** Whether this browser had a copy of the document from last time (known once the copy has loaded). */
  hasLocalCopy = false;
  /** Until an editor takes over: why the server refused, how often the socket closed, the last message. */
  refusedBecause: string | null = null;
  closes = 0;
  lastStateless: string | null = null;
  private destroyed = false;

  constructor(
    readonly tenderId: string,
    readonly userId: string,
    userName: string,
  ) {
    // Kept per user, so a shared computer does not hand one person's offline edits to another.
    this.persistence =
      typeof indexedDB === 'undefined' ? null : new IndexeddbPersistence(`openbrief:${userId}:tender:${tenderId}`, this.doc);
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    // Reconnect attempts back off to at most a few seconds apart, so a dropped connection is back soon after the network.
    this.socket = new HocuspocusProviderWebsocket({ url: `${scheme}://${location.host}/api/v1/collab`, maxDelay: RECONNECT_MAX_MS });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: `tender:${tenderId}`,
      document: this.doc,
      onAuthenticationFailed: ({ reason }) => (this.refusedBecause ??= reason),
      onClose: () => this.closes++,
      onStateless: ({ payload }) => (this.lastStateless = payload),
    });
    this.provider.setAwarenessField('user', { id: userId, name: userName, colour: colourFor(userId) });

    const localCopy = this.persistence?.whenSynced.then(() => {
      this.hasLocalCopy = this.doc.getArray('lots').length > 0;
    });
    // The socket opens meanwhile; the provider (which sends the document) joins once the saved copy is in.
    void Promise.race([localCopy, new Promise((resolve) => setTimeout(resolve, LOCAL_COPY_WAIT_MS))]).then(() => {
      // With a socket of its own, the provider has to be attached to it.
      if (!this.destroyed) this.provider.attach();
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.provider.destroy();
    this.socket.destroy();
    void this.persistence?.destroy();
    this.doc.destroy();
  }
}

let prepared: { connection: LiveLink; discard: ReturnType<typeof setTimeout> } | null = null;

/**
 * Starts opening a tender's live document while the editor is still fetching the tender, so the socket,
 * the sign-in check and the first sync overlap with that request and with drawing the page. The editor's
 * `LiveTender` takes it over (`takePreparedLink`); if none does, it is closed after a while. Returns the
 * connection being prepared (null where there are no WebSockets).
 */
export function prepareLiveLink(tenderId: string, user: CurrentUser): LiveLink | null {
  if (typeof WebSocket === 'undefined') return null;
  if (prepared?.connection.tenderId === tenderId && prepared.connection.userId === user.id) return prepared.connection;
  discardPrepared();
  const connection = new LiveLink(tenderId, user.id, user.name);
  prepared = { connection, discard: setTimeout(discardPrepared, PREPARED_FOR_MS) };
  return connection;
}

/** The connection prepared for this tender and user, now the caller's to destroy; null if there is none. */
export function takePreparedLink(tenderId: string, userId: string): LiveLink | null {
  if (!prepared || prepared.connection.tenderId !== tenderId || prepared.connection.userId !== userId) return null;
  const { connection, discard } = prepared;
  clearTimeout(discard);
  prepared = null;
  return connection;
}

function discardPrepared(): void {
  if (!prepared) return;
  clearTimeout(prepared.discard);
  prepared.connection.destroy();
  prepared = null;
}
