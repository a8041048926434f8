import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Hocuspocus, type connectedPayload, type onAuthenticatePayload, type onChangePayload, type onLoadDocumentPayload, type onStoreDocumentPayload, type beforeHandleMessagePayload } from '@hocuspocus/server';
import { type CurrentUser, EDITABLE_TENDER_STATUSES, LIVE_REFUSED_MESSAGE, type LiveRefusal, SESSION_COOKIE, type TenderContent } from '@openbrief/contracts';
import { readContent, writeContent } from '@openbrief/tender-doc';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { mayEditWorkingCopy, mayReadWorkingCopy } from '../../common/access/tender-access';
import { SETTINGS, type Settings } from '../../config/settings';
import { SessionService } from '../identity/session.service';
import { toTenderContent } from '../tenders/tender.mapper';
import { TenderService } from '../tenders/tender.service';
import { CollabStore, type StoredDocument } from './collab-store';
import { clampContent } from './clamp-content';
import { SharedDocuments } from './shared-documents';
import { refuseUpgrade, upgradeRefusal } from './upgrade-request';

export const COLLAB_PATH = '/api/v1/collab';
const DOCUMENT_NAME = /^tender:([0-9a-f-]{36})$/;
const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
/** Transaction origins of changes that did not come from a client of this instance. */
const REST_ORIGIN = 'openbrief:rest';
const STORE_ORIGIN = 'openbrief:store';

interface Actor {
  id: string;
  name: string;
}

const LIVE: Actor = { id: 'live', name: 'Live editing' };

interface CollabContext {
  user: CurrentUser;
  tenderId: string;
}

const documentName = (tenderId: string) => `tender:${tenderId}`;

/**
 * Live co-editing of draft tenders: a Hocuspocus (Yjs) server on the backend's own HTTP server.
 *
 * - Every update from a client is appended to the database before the server applies and acknowledges
 *   it, so a restart loses nothing a client saw confirmed; the log is compacted into a snapshot later.
 * - The document is projected into the relational tables after a quiet moment, and at once whenever a
 *   tender is read, checked, saved, published or moved on through the API (TenderService.beforeRead).
 * - With REDIS_URL, instances share open documents through Redis; each update is still logged once,
 *   by the instance whose client sent it.
 */
@Injectable()
export class CollaborationService implements OnModuleDestroy {
  private readonly logger = new Logger('Collaboration');
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: 5 * 1024 * 1024 });
  /** Documents changed since they were last projected, and who changed them. */
  private readonly dirty = new Map<string, Actor>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The projection running for each document: projections of one document take turns. */
  private readonly projecting = new Map<string, Promise<boolean>>();
  /** Writes in flight, so shutdown can wait for them before the database closes. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly redis: SharedDocuments | null;
  private closing = false;
  readonly hocuspocus: Hocuspocus;

  constructor(
    private readonly sessions: SessionService,
    private readonly tenders: TenderService,
    private readonly store: CollabStore,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {
    tenders.onSaved((tenderId, content) => this.applyRestEdit(tenderId, content));
    tenders.beforeRead((tenderId) => this.flush(tenderId));
    this.redis = settings.redisUrl ? this.connectRedis(settings.redisUrl) : null;
    this.hocuspocus = new Hocuspocus({
      quiet: true,
      debounce: 2000,
      maxDebounce: 10000,
      extensions: this.redis ? [this.redis] : [],
      onAuthenticate: (data) => this.authenticate(data),
      onLoadDocument: (data) => this.loadDocument(data),
      beforeHandleMessage: (data) => this.persistIncoming(data),
      onChange: async (data) => this.changed(data),
      onStoreDocument: (data) => this.compact(data),
      connected: async (data) => this.greet(data),
    });
  }

  /**
   * Takes WebSocket upgrades for the collaboration path. Anyone can send anything here, outside every
   * request handler, so nothing in it may throw: other paths (404), malformed requests (400) and other
   * sites' pages (403, so a page elsewhere cannot open an editing session with the user's cookie) are
   * answered and closed (upgrade-request.ts), and anything unexpected is logged and the socket closed.
   */
  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      // The HTTP server stops listening for socket errors once it hands the socket over: a client
      // resetting the connection mid-handshake would otherwise be an uncaught 'error' event.
      socket.on('error', (error: Error) => {
        this.logger.debug(`Upgrade socket error: ${error.message}`);
        socket.destroy();
      });
      let upgraded = false;
      try {
        const refusal = upgradeRefusal(request, COLLAB_PATH);
        if (refusal) {
          refuseUpgrade(socket, refusal);
          return;
        }
        this.sockets.handleUpgrade(request, socket, head, (ws) => {
          upgraded = true;
          this.hocuspocus.handleConnection(ws, request);
        });
      } catch (error) {
        this.logger.error({ err: error, url: request.url }, 'A WebSocket upgrade failed');
        if (upgraded) socket.destroy();
        else refuseUpgrade(socket, { status: 400, message: 'This connection request could not be taken.' });
      }
    });
  }

  /**
   * Applies content saved through the REST API to the live document, so both paths converge. The change
   * is logged before it is applied, like a client's. A tender never opened live has no document yet:
   * the relational model stays the truth until it is.
   */
  async applyRestEdit(tenderId: string, content: TenderContent): Promise<void> {
    const name = documentName(tenderId);
    if (this.closing) return;
    const local = await this.localDocument(name);
    if (!local && !(await this.store.exists(name))) return;
    if (local || !this.redis) {
      const update = changeTo(local ?? docFrom(await this.store.load(name)), content);
      if (!update) return;
      await this.store.append(name, update);
      // Look again: the document may have been opened (or closed) here while the update was written.
      const doc = await this.localDocument(name);
      if (doc) Y.applyUpdate(doc, update, REST_ORIGIN);
      return;
    }
    // Open elsewhere perhaps: open it here too, so Redis carries the change to the instances that have it open.
    const connection = await this.hocuspocus.openDirectConnection(name, { rest: true });
    try {
      const update = changeTo(connection.document!, content);
      if (update) {
        await this.store.append(name, update);
        Y.applyUpdate(connection.document!, update, REST_ORIGIN);
      }
    } finally {
      // Not awaited: the Redis extension keeps the document open a moment so the change reaches the others.
      this.track(connection.disconnect()).catch((error: unknown) => this.logger.error({ err: error, tenderId }, 'Closing a server-side connection failed'));
    }
  }

  /**
   * Projects the tender's pending live changes now (the REST API calls this before reading). With Redis,
   * it first takes in what other instances have logged, so a client acknowledged by another instance
   * reads its own edit here too; a document open nowhere is projected from the log if the log holds
   * updates that may never have reached the tables (a process stopped before projecting them).
   */
  async flush(tenderId: string): Promise<void> {
    const name = documentName(tenderId);
    const local = this.hocuspocus.documents.get(name);
    if (local && this.redis) await this.catchUp(name, local);
    if (local || !(await this.store.hasUpdates(name))) {
      await this.projectNow(name);
      return;
    }
    // Open nowhere here, yet the log holds updates: project them, then fold them into the snapshot so
    // the next read need not look again. The state is taken before projecting (which reads at least that much).
    const stored = docFrom(await this.store.load(name));
    if (!this.dirty.has(name)) this.dirty.set(name, LIVE);
    await this.projectNow(name);
    if (!this.hocuspocus.documents.has(name)) {
      const snapshot = Y.snapshot(stored);
      await this.store.compact(name, Y.encodeStateAsUpdate(stored), (u) => Y.snapshotContainsUpdate(snapshot, u));
    }
  }

  /** Before the database closes: project and compact every open document, then drop the connections. */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const name of new Set([...this.dirty.keys(), ...this.hocuspocus.documents.keys()])) {
      await this.projectNow(name).catch((error: unknown) => this.logger.error({ err: error, documentName: name }, 'Projection at shutdown failed'));
      const doc = this.hocuspocus.documents.get(name);
      if (doc) await this.compactNow(name, doc).catch((error: unknown) => this.logger.error({ err: error, documentName: name }, 'Compaction at shutdown failed'));
    }
    await Promise.allSettled([...this.inFlight]);
    this.hocuspocus.closeConnections();
    // Upgraded sockets are not the HTTP server's to close: end them here, or shutdown would wait on them.
    for (const client of this.sockets.clients) client.terminate();
    this.sockets.close();
    if (this.redis) {
      // Unloading waits for the Redis extension's disconnect delay; then its connections can go.
      for (let i = 0; i < 60 && this.hocuspocus.documents.size > 0; i++) await new Promise((r) => setTimeout(r, 50));
      await this.redis.onDestroy().catch(() => undefined);
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  private connectRedis(url: string): SharedDocuments {
    // ioredis reconnects by itself; say so once when Redis goes away and once when it is back.
    let down = false;
    const report = (error: Error) => {
      if (!down) this.logger.warn(`Redis is not answering (${error.message}): live changes do not reach other instances until it is back.`);
      down = true;
    };
    const redis = new SharedDocuments(url, report);
    for (const client of [redis.pub, redis.sub]) {
      client.on('error', report);
      client.on('ready', () => {
        if (down) this.logger.log('Redis answers again.');
        down = false;
      });
    }
    return redis;
  }

  private async authenticate({ requestHeaders, documentName: name, connectionConfig }: onAuthenticatePayload): Promise<CollabContext> {
    const tenderId = DOCUMENT_NAME.exec(name)?.[1];
    const token = parseCookie(requestHeaders.cookie ?? '', SESSION_COOKIE);
    const user = token ? await this.sessions.resolve(token) : null;
    if (!user) throw new Error('Please sign in to continue.');
    if (!tenderId) throw new Error('That document was not found.');
    // Someone who may not read working copies (an evaluator) is refused as for another organisation's tender.
    const status = mayReadWorkingCopy(user) ? await this.tenders.statusFor(user, tenderId).catch(() => null) : null;
    if (!status) throw new Error('That tender was not found.');
    // Followers only once the tender stops being editable (one that stops later is caught when the next update is logged).
    connectionConfig.readOnly = !mayEditWorkingCopy(user, status);
    return { user, tenderId };
  }

  private async loadDocument({ documentName: name, document }: onLoadDocumentPayload): Promise<void> {
    let stored = await this.store.load(name);
    if (!stored.state && !stored.updates.length) {
      // First time anyone opens it live: start from the relational model, logged as the first update
      // (unless another instance got there first: then its first state is the one to build on).
      const tender = await this.tenders.getById(DOCUMENT_NAME.exec(name)![1]);
      const seed = new Y.Doc();
      writeContent(seed, clampContent(toTenderContent(tender)));
      await this.store.seed(name, Y.encodeStateAsUpdate(seed));
      stored = await this.store.load(name);
    } else if (stored.updates.length) {
      // Updates still in the log may never have reached the tables (the last process stopped first).
      this.markDirty(name, LIVE);
    }
    applyStored(document, stored);
  }

  /**
   * Awaited by Hocuspocus before it applies and acknowledges a message: the update is durable first.
   * Only updates from this instance's own clients come through here (Redis-borne ones do not), so each
   * update is logged once however many instances share the document.
   */
  private async persistIncoming({ update, documentName: name, connection }: beforeHandleMessagePayload): Promise<void> {
    if (connection.readOnly) return;
    const decoder = decoding.createDecoder(update);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const type = decoding.readVarUint(decoder);
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
    const payload = decoding.readVarUint8Array(decoder);
    if (payload.length <= 2) return;
    const tenderId = DOCUMENT_NAME.exec(name)![1];
    const stored = await this.track(this.store.appendIfEditable(name, tenderId, payload, EDITABLE_TENDER_STATUSES));
    // The tender was closed (cancelled…) since this connection opened: from now on it only follows,
    // and Hocuspocus refuses this update instead of applying it.
    if (!stored) connection.readOnly = true;
  }

  private changed({ documentName: name, transactionOrigin, context }: onChangePayload): void {
    // A REST save is in the tables already; everything else (clients here, other instances, the log) is not.
    if (transactionOrigin === REST_ORIGIN) return;
    const user = (context as Partial<CollabContext> | undefined)?.user;
    this.markDirty(name, user ? { id: user.id, name: user.name } : LIVE);
  }

  private markDirty(name: string, actor: Actor): void {
    const previous = this.dirty.get(name);
    this.dirty.set(name, actor === LIVE && previous ? previous : actor);
    if (this.closing) return;
    clearTimeout(this.timers.get(name));
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        this.track(this.projectNow(name)).catch((error: unknown) => this.logger.error({ err: error, documentName: name }, 'Projection failed'));
      }, this.settings.collabProjectionMs),
    );
  }

  /** Projects the document if it has unprojected changes, after any projection of it already running. */
  private projectNow(name: string): Promise<boolean> {
    const previous = this.projecting.get(name) ?? Promise.resolve(false);
    const run = previous.catch(() => false).then(() => this.projectOnce(name));
    this.projecting.set(name, run);
    const done = () => {
      if (this.projecting.get(name) === run) this.projecting.delete(name);
    };
    run.then(done, done);
    return run;
  }

  private async projectOnce(name: string): Promise<boolean> {
    const actor = this.dirty.get(name);
    if (!actor) return false;
    this.dirty.delete(name);
    clearTimeout(this.timers.get(name));
    this.timers.delete(name);
    try {
      const tenderId = DOCUMENT_NAME.exec(name)![1];
      const wrote = await this.tenders.project(tenderId, () => this.currentContent(name), actor);
      this.announceRefusals(name, tenderId);
      return wrote;
    } catch (error) {
      // Still unprojected: the next change, read or compaction tries again.
      if (!this.dirty.has(name)) this.dirty.set(name, actor);
      throw error;
    }
  }

  /**
   * Tells everyone editing the document which live values the tables did not take (they kept the last
   * valid ones), as a stateless message the editor shows next to its findings; once when the list
   * changes (an empty list says all is well again), and to each newcomer (see `greet`).
   */
  private announceRefusals(name: string, tenderId: string): void {
    const refused = this.tenders.liveRefusals(tenderId);
    const payload = refusalMessage(refused);
    if ((this.announced.get(name) ?? refusalMessage([])) === payload) return;
    if (refused.length) this.announced.set(name, payload);
    else this.announced.delete(name);
    this.hocuspocus.documents.get(name)?.broadcastStateless(payload);
  }

  private readonly announced = new Map<string, string>();

  private greet({ documentName: name, connection }: connectedPayload): void {
    const tenderId = DOCUMENT_NAME.exec(name)?.[1];
    const refused = tenderId ? this.tenders.liveRefusals(tenderId) : [];
    if (refused.length) connection.sendStateless(refusalMessage(refused));
  }

  /** What the document says now: the open document here (with what other instances logged), or the log. */
  private async currentContent(name: string): Promise<TenderContent> {
    const local = this.hocuspocus.documents.get(name);
    if (local && this.redis) await this.catchUp(name, local);
    return clampContent(readContent(local ?? docFrom(await this.store.load(name))));
  }

  /** Applies what other instances have logged but Redis has not brought here yet (applying twice changes nothing). */
  private async catchUp(name: string, doc: Y.Doc): Promise<void> {
    applyStored(doc, await this.store.load(name), STORE_ORIGIN);
  }

  private async localDocument(name: string): Promise<Y.Doc | undefined> {
    return this.hocuspocus.documents.get(name) ?? (await this.hocuspocus.loadingDocuments.get(name)?.catch(() => undefined));
  }

  private async compact({ documentName: name, document }: onStoreDocumentPayload): Promise<void> {
    // At shutdown, onModuleDestroy compacts every document itself, before the database closes.
    if (this.closing) return;
    // Never throw here: Hocuspocus runs this from a timer, where an error would go unhandled.
    await this.track(this.compactNow(name, document)).catch((error: unknown) => this.logger.error({ err: error, documentName: name }, 'Compaction failed'));
  }

  /**
   * Folds the document into the stored snapshot and drops the logged updates it holds. What leaves the
   * log must be in the tables (after a crash, the log is how unprojected edits are found), so the state
   * is taken first and projected before it is stored: the projection reads at least that much.
   */
  private async compactNow(name: string, doc: Y.Doc): Promise<void> {
    const snapshot = Y.snapshot(doc);
    const state = Y.encodeStateAsUpdate(doc);
    if (this.dirty.has(name) || this.projecting.has(name)) await this.projectNow(name);
    await this.store.compact(name, state, (u) => Y.snapshotContainsUpdate(snapshot, u));
  }
}

/** The stateless message that lists refused live values (the editor reads it: LIVE_REFUSED_MESSAGE in contracts). */
function refusalMessage(refused: readonly LiveRefusal[]): string {
  return JSON.stringify({ type: LIVE_REFUSED_MESSAGE, refused });
}

function applyStored(doc: Y.Doc, { state, updates }: StoredDocument, origin: unknown = null): void {
  doc.transact(() => {
    if (state) Y.applyUpdate(doc, state);
    for (const u of updates) Y.applyUpdate(doc, u.data);
  }, origin);
}

function docFrom(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc();
  applyStored(doc, stored);
  return doc;
}

/** The update that makes `doc` say `content` (null if it says so already), computed on a copy. */
function changeTo(doc: Y.Doc, content: TenderContent): Uint8Array | null {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  let update: Uint8Array | null = null;
  copy.on('update', (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u));
  writeContent(copy, clampContent(content));
  return update;
}

function parseCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      // A malformed escape is no session, not an error.
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}
