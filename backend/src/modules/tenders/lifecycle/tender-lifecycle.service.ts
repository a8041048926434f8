import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  type CurrentUser,
  ocidFor,
  PLACEHOLDER_OCID_PREFIX,
  type PublishBlocker,
  type PublishedVersion,
  TENDER_TRANSITIONS,
  type TenderDetail,
  TenderStatus,
  toPublishedRecord,
} from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../../../database/transactions';
import { SETTINGS, type Settings } from '../../../config/settings';
import { TenderPublished, TenderStatusChanged } from '../../../common/events/domain-events';
import { DomainEvents } from '../../../common/events/domain-events.service';
import { ValidationFailedError } from '../../../common/errors/domain.error';
import { AccessService, tenderResource } from '../../../common/access/access.service';
import { SpecCheckService } from '../../spec-check/spec-check.service';
import { TenderVersion } from '../entities/tender-version.entity';
import { Tender } from '../entities/tender.entity';
import { PublishBlockedError, TransitionNotAllowedError } from '../errors/tender.errors';
import { actorOf } from '../../../common/events/domain-events';
import { TenderService } from '../tender.service';
import { PublishedPacks } from './published-packs';
import { publishBlockers, publishWarnings, validityBlockers } from './publish-rules';
import { recordSha256, toPublishedVersion } from './published-version';

@Injectable()
export class TenderLifecycleService implements OnModuleInit {
  private readonly logger = new Logger('Publishing');

  constructor(
    private readonly transactions: Transactions,
    private readonly tenders: TenderService,
    private readonly specCheck: SpecCheckService,
    private readonly packs: PublishedPacks,
    private readonly events: DomainEvents,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    if (this.settings.ocidPrefix === PLACEHOLDER_OCID_PREFIX) {
      this.logger.warn(
        `OCID_PREFIX is not set: tenders published now get placeholder ocids (${PLACEHOLDER_OCID_PREFIX}-…), which never change. ` +
          'Before publishing real tenders, register an ocid prefix with the Open Contracting Data Support Team and set OCID_PREFIX.',
      );
    }
  }

  /** What would stop publication now, then warnings that would not (the editor shows both before the buyer presses Publish). */
  async blockers(user: CurrentUser, id: string, changeNote?: string) {
    const current = await this.tenders.get(user, id);
    return [...this.allBlockers(current, changeNote), ...publishWarnings(current)];
  }

  /**
   * Freezes the current content as the next numbered version, stored as a PublishedTenderRecord. From
   * version 2 on, a change note is required; every version stays readable, with the log of changes.
   */
  async publish(user: CurrentUser, id: string, revision: number, changeNote?: string): Promise<PublishedVersion> {
    // What is frozen is what people have typed: live edits are projected before the revision is checked.
    await this.tenders.flushLive(id);
    const actor = actorOf(user);
    const published = await this.transactions.run(async (tx): Promise<PublishedVersion> => {
      const current = await this.tenders.get(user, id, tx);
      this.access.require(user, 'tender.publish', tenderResource(current));
      await this.tenders.claimRevision(tx, current, revision);
      const blockers = this.allBlockers(current, changeNote);
      if (blockers.length) throw new PublishBlockedError(blockers);
      const now = new Date();
      const version = current.publishedVersion + 1;
      const note = version > 1 ? changeNote!.trim() : null;
      const record = toPublishedRecord(current, {
        ocid: await this.ocid(tx, current),
        version,
        publishedAt: now.toISOString(),
        changeNote: note,
        revision: current.revision + 1,
      });
      await tx.insert(TenderVersion, {
        id: randomUUID(),
        tenderId: id,
        version,
        record,
        changeNote: note,
        publishedAt: now,
        publishedById: user.id,
        packSha256: null,
      });
      await tx.update(Tender, { id }, { status: TenderStatus.Published, publishedVersion: version, publishedAt: now, updatedAt: now });
      await this.events.emit(tx, new TenderPublished(actor, id, version, note, recordSha256(record)));
      if (current.status !== TenderStatus.Published) {
        await this.events.emit(tx, new TenderStatusChanged(actor, id, current.status, TenderStatus.Published, null));
      }
      return toPublishedVersion(record, null, { status: TenderStatus.Published, createdAt: current.createdAt });
    });
    // The pack is made once, now; if that fails the version stands and the pack is made on first download.
    try {
      return { ...published, packSha256: await this.packs.make(id, published, actor) };
    } catch (error) {
      this.logger.error({ err: error, tenderId: id, version: published.version }, 'Could not make the tender pack at publication');
      return published;
    }
  }

  /**
   * The tender's ocid: given at first publication from OCID_PREFIX and the reference, then kept (in the
   * tender row and every record) even if the prefix setting or the reference changes later.
   */
  private async ocid(tx: EntityManager, current: TenderDetail): Promise<string> {
    const row = await tx.findOneOrFail(Tender, { where: { id: current.id }, select: { id: true, ocid: true } });
    if (row.ocid) return row.ocid;
    const ocid = ocidFor(this.settings.ocidPrefix, current.reference);
    await tx.update(Tender, { id: current.id }, { ocid });
    return ocid;
  }

  async changeStatus(user: CurrentUser, id: string, revision: number, to: TenderStatus, reason?: string): Promise<TenderDetail> {
    // Live edits made before a tender closes belong to it: project them while it is still editable.
    await this.tenders.flushLive(id);
    return this.transactions.run(async (tx) => {
      const current = await this.tenders.get(user, id, tx);
      this.access.require(user, 'tender.changeStatus', tenderResource(current));
      if (to === TenderStatus.Published)
        throw new TransitionNotAllowedError(current.status, to, 'Use "publish" to publish a tender: it checks the tender first.');
      if (!TENDER_TRANSITIONS[current.status].includes(to)) throw new TransitionNotAllowedError(current.status, to);
      const deadline = current.timetable.submissionDeadline;
      if (to === TenderStatus.Closed && (!deadline || Date.parse(deadline) > Date.now())) {
        throw new TransitionNotAllowedError(current.status, to, 'A tender can be closed only once its deadline for bids has passed.');
      }
      if (to === TenderStatus.Cancelled && !reason?.trim()) {
        throw new ValidationFailedError('Say why the tender is cancelled: bidders and the public will see the reason.', [
          { field: 'reason', message: 'A reason is required to cancel.' },
        ]);
      }
      await this.tenders.claimRevision(tx, current, revision);
      await tx.update(Tender, { id }, { status: to, updatedAt: new Date() });
      await this.events.emit(tx, new TenderStatusChanged(actorOf(user), id, current.status, to, reason?.trim() || null));
      return this.tenders.get(user, id, tx);
    });
  }

  /**
   * Publication checks everything again: every stored value against the REST API's rules (a row written
   * before those rules applied to live edits, or by hand, is refused here, never published), the live
   * values the tables did not take (what the editor shows must be what is published), then the publish rules.
   */
  private allBlockers(current: TenderDetail, changeNote: string | undefined): PublishBlocker[] {
    const invalid = validityBlockers(current, this.tenders.liveRefusals(current.id));
    try {
      return [...invalid, ...publishBlockers(current, this.context(current, changeNote))];
    } catch (error) {
      // The publish rules expect valid values: with invalid ones, the list of what to fix is the answer.
      if (!invalid.length) throw error;
      this.logger.warn({ err: error, tenderId: current.id }, 'Publish rules could not run on invalid values');
      return invalid;
    }
  }

  private context(current: TenderDetail, changeNote: string | undefined) {
    return {
      now: new Date(),
      singleLotReasonAbove: this.settings.singleLotReasonAbove,
      unjustifiedErrors: this.specCheck.unjustifiedErrors(current),
      changeNote,
    };
  }
}
