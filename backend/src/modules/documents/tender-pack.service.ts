import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type PublishedVersion, type TenderDetail, TenderStatus } from '@openbrief/contracts';
import { renderTenderPack, renderTenderPackToBuffer } from '@openbrief/documents';
import { DataSource } from 'typeorm';
import { type Actor, SYSTEM_ACTOR, TenderPackMade } from '../../common/events/domain-events';
import { DomainEvents } from '../../common/events/domain-events.service';
import { Transactions } from '../../database/transactions';
import { TenderVersion } from '../tenders/entities/tender-version.entity';
import { Tender } from '../tenders/entities/tender.entity';
import { toPublishedVersion, versionRecord } from '../tenders/lifecycle/published-version';
import { FileStore } from './file-store';

const PDF = 'application/pdf';
const packKey = (tenderId: string, version: number) => `tender-pack/${tenderId}/v${version}.pdf`;

/**
 * Tender packs: a draft is streamed straight to the response; a published version's pack is made once
 * from its record, stored with its SHA-256, and served from storage (so the hash shown next to the link stays true).
 */
@Injectable()
export class TenderPackService {
  private readonly logger = new Logger('TenderPacks');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FileStore,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
  ) {}

  /** The working copy, watermarked DRAFT, stamped with its last change so the same revision gives the same bytes. */
  streamDraft(tender: TenderDetail, out: NodeJS.WritableStream) {
    return renderTenderPack(tender, { draft: true, version: tender.publishedVersion + 1, generatedAt: new Date(tender.updatedAt) }, out);
  }

  /**
   * Makes and stores the pack of a published version; returns its SHA-256. The hash is kept on the version
   * and `TenderPackMade` is emitted in the same transaction, so the audit trail names the pack people download.
   */
  async storePublished(tenderId: string, published: PublishedVersion, actor: Actor): Promise<string> {
    const { pdf } = await renderTenderPackToBuffer(published.tender, {
      draft: false,
      version: published.version,
      generatedAt: new Date(published.publishedAt),
    });
    const sha256 = await this.files.put(packKey(tenderId, published.version), PDF, pdf);
    await this.transactions.run(async (tx) => {
      await tx.update(TenderVersion, { tenderId, version: published.version }, { packSha256: sha256 });
      await this.events.emit(tx, new TenderPackMade(actor, tenderId, published.version, sha256));
    });
    return sha256;
  }

  /** A published version's stored pack; made now if it was never stored (e.g. the process stopped mid-publication). */
  async published(version: TenderVersion): Promise<{ pdf: Buffer; sha256: string }> {
    const stored = await this.files.get(packKey(version.tenderId, version.version));
    if (stored) return { pdf: stored.content, sha256: stored.sha256 };
    this.logger.warn(`Pack for ${version.tenderId} v${version.version} was missing; making it now`);
    const record = versionRecord(version);
    const tender = await this.dataSource.getRepository(Tender).findOneOrFail({ where: { id: version.tenderId }, select: { id: true, createdAt: true } });
    // The pack shows the version as it was published, whatever has happened to the tender since.
    const view = toPublishedVersion(record, null, { status: TenderStatus.Published, createdAt: tender.createdAt.toISOString() });
    await this.storePublished(version.tenderId, view, SYSTEM_ACTOR);
    const made = await this.files.get(packKey(version.tenderId, version.version));
    return { pdf: made!.content, sha256: made!.sha256 };
  }
}
