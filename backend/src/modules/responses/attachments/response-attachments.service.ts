import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser, LibraryDocument, ResponseAttachment } from '@openbrief/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { type EntityManager, In, type Repository } from 'typeorm';
import { AccessService } from '../../../common/access/access.service';
import { Clock } from '../../../common/clock/clock';
import { DomainEvents } from '../../../common/events/domain-events.service';
import { ConflictError, DomainError, NotFoundError } from '../../../common/errors/domain.error';
import { Transactions } from '../../../database/transactions';
import { AttachmentStorage } from '../../vault/attachment-storage';
import { inspectAttachment } from '../../vault/attachment-inspection';
import { actorOf } from '../../../common/events/domain-events';
import { ResponseDrafts, SUBMITTED_IS_FINAL } from '../drafts/response-drafts.service';
import { ResponseAttachmentRow, SupplierResponseRow } from '../entities';
import { ResponseViews } from '../response-views';
import { ResponseTenders, type TenderFacts } from '../response-tenders';
import { ResponseAttachmentAdded, ResponseAttachmentRemoved } from '../responses.events';
import { ResponseSeal, SEAL_PLACES } from '../sealing/response-seal';
import type { AttachmentMeta } from '../sealing/sealed-shapes';
import type { AttachmentReader } from './attachment-upload';

const MB = 1024 * 1024;
const LIBRARY_SIZE = 200;

/** A document as downloaded: the plaintext, for its owner only. */
export interface AttachmentDownload {
  data: Buffer;
  contentType: string;
  contentDisposition: string;
}

/**
 * Documents attached to responses. The bytes are sealed under the response's data key before they reach the
 * storage; the name, type and hash are sealed in the row. A refused upload writes nothing: checks come first,
 * the file is stored only once it passed, and removed again if the row cannot be written.
 */
@Injectable()
export class ResponseAttachments {
  private readonly logger = new Logger('ResponseAttachments');

  constructor(
    @InjectRepository(ResponseAttachmentRow) private readonly rows: Repository<ResponseAttachmentRow>,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly drafts: ResponseDrafts,
    private readonly views: ResponseViews,
    private readonly tenders: ResponseTenders,
    private readonly seal: ResponseSeal,
    private readonly storage: AttachmentStorage,
  ) {}

  async upload(user: CurrentUser, responseId: string, read: AttachmentReader): Promise<ResponseAttachment> {
    const { facts } = await this.attachable(this.rows.manager, user, responseId);
    const max = facts.rules.maxAttachmentMb * MB;
    const file = await read(max, `${facts.rules.maxAttachmentMb} MB`);
    if (/[/\\]|\.\./.test(file.originalName) || file.originalName.includes('\0')) {
      throw new DomainError('unprocessable', 'A file name cannot contain folders or "..": rename the file and attach it again.', [
        { field: 'file', message: 'Rename the file without folders or "..".' },
      ]);
    }
    const inspected = inspectAttachment(file.originalName, file.data);
    const meta: AttachmentMeta = {
      fileName: inspected.fileName,
      contentType: inspected.contentType,
      sha256: createHash('sha256').update(file.data).digest('hex'),
    };
    return this.store(user, responseId, meta, file.data);
  }

  /** Copies a document of an earlier response of the same organisation, sealed again under this response's key. */
  async reuse(user: CurrentUser, responseId: string, attachmentId: string): Promise<ResponseAttachment> {
    const m = this.rows.manager;
    await this.attachable(m, user, responseId);
    const source = await m.findOneBy(ResponseAttachmentRow, { id: attachmentId });
    const owner = source && (await m.findOneBy(SupplierResponseRow, { id: source.responseId }));
    if (!source || !owner || owner.organisationId !== user.organisation.id) throw new NotFoundError('That document');
    const meta = await this.seal.openJson<AttachmentMeta>(owner.dataKeyId, source.meta, SEAL_PLACES.attachmentMeta(source.id), m);
    const data = await this.seal.openFile(
      owner.dataKeyId,
      await this.storage.get(source.storageKey),
      SEAL_PLACES.attachmentFile(source.id),
      m,
    );
    return this.store(user, responseId, meta, data);
  }

  async download(user: CurrentUser, responseId: string, attachmentId: string): Promise<AttachmentDownload> {
    const m = this.rows.manager;
    const { row } = await this.drafts.load(m, user, responseId, 'response.read');
    const attachment = await m.findOneBy(ResponseAttachmentRow, { id: attachmentId, responseId });
    if (!attachment) throw new NotFoundError('That attachment');
    const meta = await this.seal.openJson<AttachmentMeta>(row.dataKeyId, attachment.meta, SEAL_PLACES.attachmentMeta(attachment.id), m);
    const data = await this.seal.openFile(
      row.dataKeyId,
      await this.storage.get(attachment.storageKey),
      SEAL_PLACES.attachmentFile(attachment.id),
      m,
    );
    return { data, contentType: meta.contentType, contentDisposition: contentDisposition(meta.fileName) };
  }

  async remove(user: CurrentUser, responseId: string, attachmentId: string): Promise<void> {
    const key = await this.transactions.run(async (tx) => {
      await this.writable(tx, user, responseId);
      const attachment = await tx.findOneBy(ResponseAttachmentRow, { id: attachmentId, responseId });
      if (!attachment) throw new NotFoundError('That attachment');
      await tx.delete(ResponseAttachmentRow, { id: attachment.id });
      await tx.update(SupplierResponseRow, { id: responseId }, { updatedAt: this.clock.now() });
      await this.events.emit(tx, new ResponseAttachmentRemoved(actorOf(user), responseId, attachment.id));
      return attachment.storageKey;
    });
    await this.forget(key);
  }

  /** The organisation's documents from all its responses, newest first, to reuse. */
  async library(user: CurrentUser): Promise<LibraryDocument[]> {
    this.access.require(user, 'response.list');
    const m = this.rows.manager;
    const responses = await m.find(SupplierResponseRow, { where: { organisationId: user.organisation.id } });
    if (!responses.length) return [];
    const byId = new Map(responses.map((r) => [r.id, r]));
    const attachments = await m.find(ResponseAttachmentRow, {
      where: { responseId: In([...byId.keys()]) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: LIBRARY_SIZE,
    });
    const titles = new Map<string, string>();
    const documents: LibraryDocument[] = [];
    for (const a of attachments) {
      const owner = byId.get(a.responseId)!;
      const view = await this.views.attachment(m, owner, a);
      if (!titles.has(owner.tenderId)) {
        const record = await this.tenders.record(m, owner.tenderId, owner.tenderVersion);
        titles.set(owner.tenderId, record.content.title);
      }
      documents.push({
        attachmentId: a.id,
        responseId: owner.id,
        tenderTitle: titles.get(owner.tenderId)!,
        fileName: view.fileName,
        contentType: view.contentType,
        size: view.size,
        uploadedAt: view.uploadedAt,
      });
    }
    return documents;
  }

  /** Seals and stores the file, then writes its row in a transaction that checks the limits and the deadline again. */
  private async store(user: CurrentUser, responseId: string, meta: AttachmentMeta, data: Buffer): Promise<ResponseAttachment> {
    const id = randomUUID();
    const owner = await this.rows.manager.findOneByOrFail(SupplierResponseRow, { id: responseId });
    const storageKey = `responses/${responseId}/${id}`;
    const sealed = await this.seal.sealFile(owner.dataKeyId, data, SEAL_PLACES.attachmentFile(id));
    await this.storage.put(storageKey, sealed);
    try {
      return await this.transactions.run(async (tx) => {
        const { row, facts } = await this.writable(tx, user, responseId);
        this.checkLimits(facts, data.length, await tx.countBy(ResponseAttachmentRow, { responseId }));
        const attachment: ResponseAttachmentRow = {
          id,
          responseId,
          storageKey,
          meta: await this.seal.sealJson(row.dataKeyId, meta, SEAL_PLACES.attachmentMeta(id), tx),
          size: data.length,
          createdBy: user.id,
          createdAt: this.clock.now(),
        };
        await tx.insert(ResponseAttachmentRow, attachment);
        await tx.update(SupplierResponseRow, { id: responseId }, { updatedAt: attachment.createdAt });
        await this.events.emit(tx, new ResponseAttachmentAdded(actorOf(user), responseId, id));
        return this.views.attachment(tx, row, attachment);
      });
    } catch (error) {
      await this.forget(storageKey);
      throw error;
    }
  }

  /** The response, if the user may change it now: theirs, before the deadline, not submitted. */
  private async writable(m: EntityManager, user: CurrentUser, responseId: string) {
    const loaded = await this.drafts.load(m, user, responseId, 'response.write');
    if (loaded.row.status === 'submitted') throw new ConflictError(SUBMITTED_IS_FINAL);
    return loaded;
  }

  /** Room for one more document: checked before reading an upload, and again when writing its row. */
  private async attachable(m: EntityManager, user: CurrentUser, responseId: string) {
    const loaded = await this.writable(m, user, responseId);
    this.checkLimits(loaded.facts, 0, await m.countBy(ResponseAttachmentRow, { responseId }));
    return loaded;
  }

  private checkLimits(facts: TenderFacts, size: number, count: number): void {
    const rules = facts.rules;
    if (!rules.attachmentsAllowed) {
      throw new DomainError('unprocessable', 'This tender does not accept attachments: put everything in your answers.');
    }
    if (count >= rules.maxAttachments) {
      throw new DomainError(
        'unprocessable',
        `This tender accepts at most ${rules.maxAttachments} ${rules.maxAttachments === 1 ? 'document' : 'documents'}. Remove one before adding another.`,
      );
    }
    if (size > rules.maxAttachmentMb * MB) {
      throw new DomainError('unprocessable', `That file is too large: this tender accepts files up to ${rules.maxAttachmentMb} MB.`);
    }
  }

  private async forget(key: string): Promise<void> {
    await this.storage
      .delete(key)
      .catch((err: unknown) => this.logger.warn({ err, key }, 'A sealed attachment could not be removed from storage'));
  }
}

/** The download's name: ASCII fallback plus the exact UTF-8 name (RFC 6266), never able to break out of the header. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
