import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type PublishedVersion, TenderStatus } from '@openbrief/contracts';
import { Repository } from 'typeorm';
import { type Actor, SYSTEM_ACTOR, TenderPackMade } from '../../../common/events/domain-events';
import { DomainEvents } from '../../../common/events/domain-events.service';
import { Transactions } from '../../../database/transactions';
import { TenderPackService } from '../../documents/tender-pack.service';
import { TenderVersion } from '../entities/tender-version.entity';
import { Tender } from '../entities/tender.entity';
import { PackAnswers } from '../pack-clarifications.port';
import { toPublishedVersion, versionRecord } from './published-version';

/**
 * The packs of published versions: the documents module renders and stores the PDF; this module keeps
 * its hash on the version row (its own table) and announces it, so the audit trail names the pack people download.
 */
@Injectable()
export class PublishedPacks {
  private readonly logger = new Logger('TenderPacks');

  constructor(
    @InjectRepository(Tender) private readonly tenders: Repository<Tender>,
    private readonly packs: TenderPackService,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly answers: PackAnswers,
  ) {}

  /** Makes and stores the pack of a published version; keeps its SHA-256 on the version and emits `TenderPackMade` together. */
  async make(tenderId: string, published: PublishedVersion, actor: Actor): Promise<string> {
    // Annex A: the answers public when this version was published, so the same version always gives the same pack.
    const clarifications = await this.answers.publishedBy(tenderId, new Date(published.publishedAt));
    const sha256 = await this.packs.storePublished(tenderId, published, clarifications);
    await this.transactions.run(async (tx) => {
      await tx.update(TenderVersion, { tenderId, version: published.version }, { packSha256: sha256 });
      await this.events.emit(tx, new TenderPackMade(actor, tenderId, published.version, sha256));
    });
    return sha256;
  }

  /** A published version's stored pack; made now if it was never stored (e.g. the process stopped mid-publication). */
  async published(version: TenderVersion): Promise<{ pdf: Buffer; sha256: string }> {
    const stored = await this.packs.stored(version.tenderId, version.version);
    if (stored) return stored;
    this.logger.warn(`Pack for ${version.tenderId} v${version.version} was missing; making it now`);
    const record = versionRecord(version);
    const tender = await this.tenders.findOneOrFail({ where: { id: version.tenderId }, select: { id: true, createdAt: true } });
    // The pack shows the version as it was published, whatever has happened to the tender since.
    const view = toPublishedVersion(record, null, { status: TenderStatus.Published, createdAt: tender.createdAt.toISOString() });
    await this.make(version.tenderId, view, SYSTEM_ACTOR);
    return (await this.packs.stored(version.tenderId, version.version))!;
  }
}
