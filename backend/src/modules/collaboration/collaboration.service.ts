import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Hocuspocus, type onAuthenticatePayload, type onChangePayload, type onLoadDocumentPayload, type onStoreDocumentPayload, type beforeHandleMessagePayload } from '@hocuspocus/server';
import { type CurrentUser, Role, SESSION_COOKIE, TenderStatus } from '@openbrief/contracts';
import { readContent, writeContent } from '@openbrief/tender-doc';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { SETTINGS, type Settings } from '../../config/settings';
import { SessionService } from '../identity/session.service';
import { toTenderContent } from '../tenders/tender.mapper';
import { TenderService } from '../tenders/tender.service';
import { CollabStore } from './collab-store';
import { clampContent } from './clamp-content';

export const COLLAB_PATH = '/api/v1/collab';
const DOCUMENT_NAME = /^tender:([0-9a-f-]{36})$/;
const EDITABLE = [TenderStatus.Draft, TenderStatus.InReview, TenderStatus.Published];
const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

interface CollabContext {
  user: CurrentUser;
  tenderId: string;
}

/**
 * Live co-editing of draft tenders: a Hocuspocus (Yjs) server on the backend's own HTTP server.
 * Every update is appended to the database before the server acknowledges it, so a restart loses
 * nothing a client saw confirmed; the document is projected into the relational tables shortly after
 * each change (debounced), so REST reads, checks and packs see what people typed.
 */
@Injectable()
export class CollaborationService implements OnModuleDestroy {
  private readonly logger = new Logger('Collaboration');
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: 5 * 1024 * 1024 });
  private readonly projections = new Map<string, NodeJS.Timeout>();
  /** Writes in flight, so shutdown can wait for them before the database closes. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing = false;
  readonly hocuspocus: Hocuspocus;

  constructor(
    private readonly sessions: SessionService,
    private readonly tenders: TenderService,
    private readonly store: CollabStore,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {
    tenders.onSaved((tenderId, content) => this.applyRestEdit(tenderId, content));
    this.hocuspocus = new Hocuspocus({
      quiet: true,
      debounce: 2000,
      maxDebounce: 10000,
      onAuthenticate: (data) => this.authenticate(data),
      onLoadDocument: (data) => this.loadDocument(data),
      beforeHandleMessage: (data) => this.persistIncoming(data),
      onChange: async (data) => this.scheduleProjection(data),
      onStoreDocument: (data) => this.compact(data),
    });
  }

  /** Takes WebSocket upgrades for the collaboration path; refuses other paths and foreign origins. */
  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname !== COLLAB_PATH) {
        socket.destroy();
        return;
      }
      const origin = request.headers.origin;
      if (origin && new URL(origin).host !== request.headers.host) {
        // A page on another site must not open an editing session with the user's cookie.
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      this.sockets.handleUpgrade(request, socket, head, (ws) => this.hocuspocus.handleConnection(ws, request));
    });
  }

  /**
   * Applies content saved through the REST API to the live document, so both paths converge. A tender
   * never opened live has no document yet: the relational model stays the truth until it is.
   */
  async applyRestEdit(tenderId: string, content: Parameters<typeof writeContent>[1]): Promise<void> {
    const name = `tender:${tenderId}`;
    if (this.closing || (!this.hocuspocus.documents.has(name) && !(await this.store.exists(name)))) return;
    const connection = await this.hocuspocus.openDirectConnection(name, { rest: true });
    try {
      await connection.transact((doc) => writeContent(doc, content, 'rest'));
    } finally {
      await connection.disconnect();
    }
  }

  /** Projects now rather than after the debounce (e.g. just before publishing). */
  async flush(tenderId: string): Promise<void> {
    const name = `tender:${tenderId}`;
    const timer = this.projections.get(name);
    if (!timer) return;
    clearTimeout(timer);
    this.projections.delete(name);
    const doc = this.hocuspocus.documents.get(name);
    if (doc) await this.project(tenderId, doc, { id: 'live', name: 'Live editing' });
  }

  /** Before the database closes: project and compact every open document, then drop the connections. */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    for (const timer of this.projections.values()) clearTimeout(timer);
    this.projections.clear();
    for (const [name, doc] of this.hocuspocus.documents) {
      const id = DOCUMENT_NAME.exec(name)?.[1];
      if (id) await this.project(id, doc, { id: 'live', name: 'Live editing' }).catch((error: unknown) => this.logger.error({ err: error }, 'Projection at shutdown failed'));
      await this.compactNow(name, doc).catch((error: unknown) => this.logger.error({ err: error }, 'Compaction at shutdown failed'));
    }
    await Promise.allSettled([...this.inFlight]);
    this.hocuspocus.closeConnections();
    // Upgraded sockets are not the HTTP server's to close: end them here, or shutdown would wait on them.
    for (const client of this.sockets.clients) client.terminate();
    this.sockets.close();
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  private async authenticate({ requestHeaders, documentName, connectionConfig }: onAuthenticatePayload): Promise<CollabContext> {
    const tenderId = DOCUMENT_NAME.exec(documentName)?.[1];
    const token = parseCookie(requestHeaders.cookie ?? '', SESSION_COOKIE);
    const user = token ? await this.sessions.resolve(token) : null;
    if (!user) throw new Error('Please sign in to continue.');
    if (!tenderId) throw new Error('That document was not found.');
    const tender = await this.tenders.get(user, tenderId).catch(() => null);
    if (!tender || ![Role.Buyer, Role.Admin, Role.Evaluator].includes(user.role)) throw new Error('That tender was not found.');
    // Evaluators may follow along; only the buying team edits, and only while the tender is editable.
    connectionConfig.readOnly = user.role === Role.Evaluator || !EDITABLE.includes(tender.status);
    return { user, tenderId };
  }

  private async loadDocument({ documentName, document }: onLoadDocumentPayload): Promise<Y.Doc> {
    const { state, updates } = await this.store.load(documentName);
    if (state) Y.applyUpdate(document, state);
    for (const u of updates) Y.applyUpdate(document, u.data);
    if (!state && !updates.length) {
      // First time anyone opens it live: start from the relational model, and log that as the first update.
      const tenderId = DOCUMENT_NAME.exec(documentName)![1];
      const tender = await this.tenders.getById(tenderId);
      const seed = new Y.Doc();
      writeContent(seed, clampContent(toTenderContent(tender)));
      const update = Y.encodeStateAsUpdate(seed);
      await this.store.append(documentName, update);
      Y.applyUpdate(document, update);
    }
    return document;
  }

  /** Awaited by Hocuspocus before it applies and acknowledges a message: the update is durable first. */
  private async persistIncoming({ update, documentName, connection }: beforeHandleMessagePayload): Promise<void> {
    if (connection.readOnly) return;
    const decoder = decoding.createDecoder(update);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const type = decoding.readVarUint(decoder);
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
    const payload = decoding.readVarUint8Array(decoder);
    if (payload.length > 2) await this.track(this.store.append(documentName, payload));
  }

  private scheduleProjection({ documentName, document, context }: onChangePayload): void {
    const tenderId = DOCUMENT_NAME.exec(documentName)?.[1];
    if (!tenderId || this.closing || (context as { rest?: boolean }).rest) return;
    const actor = (context as Partial<CollabContext>).user ?? { id: 'live', name: 'Live editing' };
    clearTimeout(this.projections.get(documentName));
    this.projections.set(
      documentName,
      setTimeout(() => {
        this.projections.delete(documentName);
        this.track(this.project(tenderId, document, actor)).catch((error: unknown) => this.logger.error({ err: error, documentName }, 'Projection failed'));
      }, this.settings.collabProjectionMs),
    );
  }

  private async project(tenderId: string, doc: Y.Doc, actor: { id: string; name: string }): Promise<void> {
    await this.tenders.project(tenderId, clampContent(readContent(doc)), actor);
  }

  private async compact({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    // At shutdown, onModuleDestroy compacts every document itself, before the database closes.
    if (!this.closing) await this.track(this.compactNow(documentName, document));
  }

  private async compactNow(documentName: string, document: Y.Doc): Promise<void> {
    const snapshot = Y.snapshot(document);
    await this.store.compact(documentName, Y.encodeStateAsUpdate(document), (u) => Y.snapshotContainsUpdate(snapshot, u));
  }
}

function parseCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}
