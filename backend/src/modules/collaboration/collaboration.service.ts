import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { type Extension, Hocuspocus } from '@hocuspocus/server';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { AuthenticationExtension } from './extensions/authentication.extension';
import { DurableLogExtension } from './extensions/durable-log.extension';
import { ProjectionExtension } from './extensions/projection.extension';
import { OpenDocuments } from './open-documents';
import { refuseUpgrade, upgradeRefusal } from './upgrade-request';

export const COLLAB_PATH = '/api/v1/collab';

/**
 * Live co-editing of draft tenders: a Hocuspocus (Yjs) server on the backend's own HTTP server, composed
 * from extensions, each one job (docs/architecture.md, "Live co-editing"):
 *
 * - Redis (`@hocuspocus/extension-redis`, with REDIS_URL): instances share open documents;
 * - authentication: the session cookie and the working-copy access rule;
 * - durable log: every client update is logged before it is acknowledged, and compacted later;
 * - projection: documents are written into the tender tables after a quiet moment and before REST writes.
 *
 * This service owns the server: it takes the WebSocket upgrades and shuts everything down in order.
 */
@Injectable()
export class CollaborationService implements OnModuleDestroy {
  private readonly logger = new Logger('Collaboration');
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: 5 * 1024 * 1024 });
  readonly hocuspocus: Hocuspocus;

  constructor(
    private readonly open: OpenDocuments,
    authentication: AuthenticationExtension,
    private readonly log: DurableLogExtension,
    private readonly projection: ProjectionExtension,
  ) {
    // Redis first (its priority is higher anyway): it must see a document load before the others use it.
    const extensions: Extension[] = [...(open.redis ? [open.redis] : []), authentication, log, projection];
    this.hocuspocus = new Hocuspocus({ quiet: true, debounce: 2000, maxDebounce: 10000, extensions });
    open.hocuspocus = this.hocuspocus;
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

  /** Before the database closes: project and compact every open document, then drop the connections. */
  async onModuleDestroy(): Promise<void> {
    this.open.closing = true;
    this.projection.stopTimers();
    for (const name of new Set([...this.projection.pendingDocuments(), ...this.hocuspocus.documents.keys()])) {
      await this.projection
        .projectNow(name)
        .catch((error: unknown) => this.logger.error({ err: error, documentName: name }, 'Projection at shutdown failed'));
      const doc = this.hocuspocus.documents.get(name);
      if (doc)
        await this.log
          .compact(name, doc)
          .catch((error: unknown) => this.logger.error({ err: error, documentName: name }, 'Compaction at shutdown failed'));
    }
    await this.open.settle();
    this.hocuspocus.closeConnections();
    // Upgraded sockets are not the HTTP server's to close: end them here, or shutdown would wait on them.
    for (const client of this.sockets.clients) client.terminate();
    this.sockets.close();
    if (this.open.redis) {
      // Unloading waits for the Redis extension's disconnect delay; then its connections can go.
      for (let i = 0; i < 60 && this.hocuspocus.documents.size > 0; i++) await new Promise((r) => setTimeout(r, 50));
      await this.open.redis.onDestroy().catch(() => undefined);
    }
  }
}
