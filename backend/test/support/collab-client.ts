import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { TenderContent } from '@openbrief/contracts';
import { readContent } from '@openbrief/tender-doc';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface CollabClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  text(field: string): Y.Text;
  /** The tender content this replica holds now. */
  content(): TenderContent;
  /** Resolves when the server has acknowledged every local change. */
  acknowledged(): Promise<void>;
  /** Drops the connection (local edits go on, unsent). */
  goOffline(): void;
  /** Connects again and resolves once synced and every local change is acknowledged. */
  goOnline(): Promise<void>;
  close(): void;
}

/**
 * Limits for conditions that depend on the server being fast. They are generous on purpose: on a busy shared
 * machine going live can take many seconds, and a test must fail for a broken feature, not a slow box.
 * How fast it should be is measured by `npm run bench` (backend/bench/going-live.mjs), not here.
 */
const SYNC_MS = 60_000;
const WAIT_MS = 60_000;

/** A real Yjs client over a real WebSocket, carrying the session cookie as a browser would. */
export async function connectCollab(baseUrl: string, tenderId: string, cookie: string | null): Promise<CollabClient> {
  const headers = cookie ? { cookie } : {};
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const socket = new HocuspocusProviderWebsocket({
    url: `${baseUrl.replace(/^http/, 'ws')}/api/v1/collab`,
    WebSocketPolyfill: CookieWebSocket,
    maxAttempts: 1,
  });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: `tender:${tenderId}`, document: doc });
  // With a socket of our own (to carry the cookie), the provider must be attached to it explicitly.
  provider.attach();
  const close = () => {
    provider.destroy();
    socket.destroy();
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync within ${SYNC_MS / 1000} s`)), SYNC_MS);
    provider.on('synced', () => {
      clearTimeout(timer);
      resolve();
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      clearTimeout(timer);
      reject(new Error(`authentication failed: ${reason}`));
    });
  }).catch((error: unknown) => {
    close();
    throw error;
  });
  const acknowledged = () => waitFor(() => provider.unsyncedChanges === 0);
  return {
    doc,
    provider,
    text: (field) => doc.getMap('tender').get(field) as Y.Text,
    content: () => readContent(doc),
    acknowledged,
    goOffline: () => socket.disconnect(),
    goOnline: async () => {
      await socket.connect();
      await waitFor(() => provider.synced);
      await acknowledged();
    },
    close,
  };
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = WAIT_MS): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
