import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { TenderContent } from '@openbrief/contracts';
import * as Y from 'yjs';
import { afterCommit, TenderSaved } from '../../common/events/domain-events';
import { CollabStore } from './collab-store';
import { REST_ORIGIN, changeTo, docFrom, documentName } from './live-document';
import { OpenDocuments } from './open-documents';

/**
 * Mirrors REST saves into the tender's live document once they have committed, so both paths converge.
 * The change is logged before it is applied, like a client's. A tender never opened live has no document
 * yet: the relational model stays the truth until it is. Projections of the document itself (source
 * 'live') are already in it.
 */
@Injectable()
export class RestEditsSubscriber {
  private readonly logger = new Logger('Collaboration');

  constructor(
    private readonly open: OpenDocuments,
    private readonly store: CollabStore,
  ) {}

  @OnEvent(afterCommit(TenderSaved))
  async onTenderSaved(event: TenderSaved): Promise<void> {
    if (event.source !== 'rest' || !event.tenderId) return;
    await this.applyRestEdit(event.tenderId, event.content as TenderContent);
  }

  async applyRestEdit(tenderId: string, content: TenderContent): Promise<void> {
    const name = documentName(tenderId);
    if (this.open.closing) return;
    const local = await this.open.openOrLoading(name);
    if (!local && !(await this.store.exists(name))) return;
    if (local || !this.open.redis) {
      const update = changeTo(local ?? docFrom(await this.store.load(name)), content);
      if (!update) return;
      await this.store.append(name, update);
      // Look again: the document may have been opened (or closed) here while the update was written.
      const doc = await this.open.openOrLoading(name);
      if (doc) Y.applyUpdate(doc, update, REST_ORIGIN);
      return;
    }
    // Open elsewhere perhaps: open it here too, so Redis carries the change to the instances that have it open.
    const connection = await this.open.hocuspocus.openDirectConnection(name, { rest: true });
    try {
      const update = changeTo(connection.document!, content);
      if (update) {
        await this.store.append(name, update);
        Y.applyUpdate(connection.document!, update, REST_ORIGIN);
      }
    } finally {
      // Not awaited: the Redis extension keeps the document open a moment so the change reaches the others.
      this.open
        .track(connection.disconnect())
        .catch((error: unknown) => this.logger.error({ err: error, tenderId }, 'Closing a server-side connection failed'));
    }
  }
}
