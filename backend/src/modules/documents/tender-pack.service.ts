import { Injectable } from '@nestjs/common';
import type { PublishedVersion, TenderDetail } from '@openbrief/contracts';
import { type Clarification, renderTenderPack, renderTenderPackToBuffer } from '@openbrief/documents';
import { FileStore } from './file-store';

const PDF = 'application/pdf';
const packKey = (tenderId: string, version: number) => `tender-pack/${tenderId}/v${version}.pdf`;

/**
 * Tender packs: a draft is streamed straight to the response; a published version's pack is made once
 * from the version passed in, stored with its SHA-256, and served from storage. This module knows no
 * tender tables: the tenders module passes what to render and keeps the hash on its version
 * (`PublishedPacks`), so dependencies point one way (tenders → documents).
 */
@Injectable()
export class TenderPackService {
  constructor(private readonly files: FileStore) {}

  /** The working copy, watermarked DRAFT, stamped with its last change so the same revision gives the same bytes. */
  streamDraft(tender: TenderDetail, out: NodeJS.WritableStream, clarifications: Clarification[] = []) {
    return renderTenderPack(
      tender,
      { draft: true, version: tender.publishedVersion + 1, generatedAt: new Date(tender.updatedAt), clarifications },
      out,
    );
  }

  /** Makes and stores the pack of a published version (stamped with its publication time, so it is reproducible); returns its SHA-256. */
  async storePublished(tenderId: string, published: PublishedVersion, clarifications: Clarification[] = []): Promise<string> {
    const { pdf } = await renderTenderPackToBuffer(published.tender, {
      draft: false,
      version: published.version,
      generatedAt: new Date(published.publishedAt),
      clarifications,
    });
    return this.files.put(packKey(tenderId, published.version), PDF, pdf);
  }

  /** A published version's stored pack, or null if it was never stored. */
  async stored(tenderId: string, version: number): Promise<{ pdf: Buffer; sha256: string } | null> {
    const file = await this.files.get(packKey(tenderId, version));
    return file && { pdf: file.content, sha256: file.sha256 };
  }
}
