import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PublishedVersion, TenderDetail } from '@openbrief/contracts';
import { renderTenderPack, renderTenderPackToBuffer } from '@openbrief/documents';
import { DataSource } from 'typeorm';
import { TenderVersion } from '../tenders/entities/tender-version.entity';
import { FileStore } from './file-store';

const PDF = 'application/pdf';
const packKey = (tenderId: string, version: number) => `tender-pack/${tenderId}/v${version}.pdf`;

/**
 * Tender packs: a draft is streamed straight to the response; a published version's pack is made once,
 * stored with its SHA-256, and served from storage (so the hash shown next to the link stays true).
 */
@Injectable()
export class TenderPackService {
  private readonly logger = new Logger('TenderPacks');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FileStore,
  ) {}

  /** The working copy, watermarked DRAFT, stamped with its last change so the same revision gives the same bytes. */
  streamDraft(tender: TenderDetail, out: NodeJS.WritableStream) {
    return renderTenderPack(tender, { draft: true, version: tender.publishedVersion + 1, generatedAt: new Date(tender.updatedAt) }, out);
  }

  /** Makes and stores the pack of a version just published; returns its SHA-256. */
  async storePublished(tenderId: string, published: PublishedVersion): Promise<string> {
    const { pdf } = await renderTenderPackToBuffer(published.tender, {
      draft: false,
      version: published.version,
      generatedAt: new Date(published.publishedAt),
    });
    const sha256 = await this.files.put(packKey(tenderId, published.version), PDF, pdf);
    await this.dataSource.getRepository(TenderVersion).update({ tenderId, version: published.version }, { packSha256: sha256 });
    return sha256;
  }

  /** A published version's stored pack; made now if it was never stored (e.g. the process stopped mid-publication). */
  async published(version: TenderVersion): Promise<{ pdf: Buffer; sha256: string }> {
    const stored = await this.files.get(packKey(version.tenderId, version.version));
    if (stored) return { pdf: stored.content, sha256: stored.sha256 };
    this.logger.warn(`Pack for ${version.tenderId} v${version.version} was missing; making it now`);
    await this.storePublished(version.tenderId, {
      version: version.version,
      publishedAt: version.publishedAt.toISOString(),
      changeNote: version.changeNote,
      packSha256: null,
      tender: version.snapshot,
    });
    const made = await this.files.get(packKey(version.tenderId, version.version));
    return { pdf: made!.content, sha256: made!.sha256 };
  }
}
