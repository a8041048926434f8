import { Inject, Injectable, Logger } from '@nestjs/common';
import { type CurrentUser, type PublishBlocker, type PublishedVersion, EDITABLE_TENDER_STATUSES, TENDER_TRANSITIONS, type TenderDetail, TenderStatus } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { Transactions } from '../../../database/transactions';
import { SETTINGS, type Settings } from '../../../config/settings';
import { ValidationFailedError } from '../../../common/errors/domain.error';
import { TenderPackService } from '../../documents/tender-pack.service';
import { recordPublication, recordStatus } from '../../marketplace/public-listing';
import { SpecCheckService } from '../../spec-check/spec-check.service';
import { TenderVersion } from '../entities/tender-version.entity';
import { Tender } from '../entities/tender.entity';
import { PublishBlockedError, TenderNotEditableError, TransitionNotAllowedError } from '../errors/tender.errors';
import { TenderService } from '../tender.service';
import { publishBlockers, validityBlockers } from './publish-rules';

export interface PublishedEvent {
  tender: TenderDetail;
  version: number;
}

@Injectable()
export class TenderLifecycleService {
  private readonly logger = new Logger('Publishing');

  constructor(
    private readonly transactions: Transactions,
    private readonly tenders: TenderService,
    private readonly specCheck: SpecCheckService,
    private readonly packs: TenderPackService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** What would stop publication now (the editor shows this before the buyer presses Publish). */
  async blockers(user: CurrentUser, id: string, changeNote?: string) {
    const current = await this.tenders.get(user, id);
    return this.allBlockers(current, changeNote);
  }

  /**
   * Freezes the current content as the next numbered version. From version 2 on, a change note is
   * required; every version stays readable, with the log of changes.
   */
  async publish(user: CurrentUser, id: string, revision: number, changeNote?: string): Promise<PublishedVersion> {
    // What is frozen is what people have typed: live edits are projected before the revision is checked.
    await this.tenders.flushLive(id);
    const published = await this.transactions.run(async (tx): Promise<PublishedVersion> => {
      const current = await this.tenders.get(user, id, tx);
      if (!EDITABLE_TENDER_STATUSES.includes(current.status)) {
        throw new TenderNotEditableError(current.status);
      }
      await this.tenders.claimRevision(tx, current, revision);
      const blockers = this.allBlockers(current, changeNote);
      if (blockers.length) throw new PublishBlockedError(blockers);
      const now = new Date();
      const version = current.publishedVersion + 1;
      const snapshot: TenderDetail = {
        ...current,
        status: TenderStatus.Published,
        publishedVersion: version,
        publishedAt: now.toISOString(),
        revision: current.revision + 1,
        updatedAt: now.toISOString(),
      };
      await tx.insert(TenderVersion, {
        id: randomUUID(),
        tenderId: id,
        version,
        snapshot,
        changeNote: version > 1 ? changeNote!.trim() : null,
        publishedAt: now,
        publishedById: user.id,
        packSha256: null,
      });
      await tx.update(Tender, { id }, { status: TenderStatus.Published, publishedVersion: version, publishedAt: now, updatedAt: now });
      await recordPublication(tx, snapshot, version, now);
      return { version, publishedAt: now.toISOString(), changeNote: version > 1 ? changeNote!.trim() : null, packSha256: null, tender: snapshot };
    });
    // The pack is made once, now; if that fails the version stands and the pack is made on first download.
    try {
      return { ...published, packSha256: await this.packs.storePublished(id, published) };
    } catch (error) {
      this.logger.error({ err: error, tenderId: id, version: published.version }, 'Could not make the tender pack at publication');
      return published;
    }
  }

  async changeStatus(user: CurrentUser, id: string, revision: number, to: TenderStatus, reason?: string): Promise<TenderDetail> {
    // Live edits made before a tender closes belong to it: project them while it is still editable.
    await this.tenders.flushLive(id);
    return this.transactions.run(async (tx) => {
      const current = await this.tenders.get(user, id, tx);
      if (to === TenderStatus.Published) throw new TransitionNotAllowedError(current.status, to, 'Use "publish" to publish a tender: it checks the tender first.');
      if (!TENDER_TRANSITIONS[current.status].includes(to)) throw new TransitionNotAllowedError(current.status, to);
      const deadline = current.timetable.submissionDeadline;
      if (to === TenderStatus.Closed && (!deadline || Date.parse(deadline) > Date.now())) {
        throw new TransitionNotAllowedError(current.status, to, 'A tender can be closed only once its deadline for bids has passed.');
      }
      if (to === TenderStatus.Cancelled && !reason?.trim()) {
        throw new ValidationFailedError('Say why the tender is cancelled: bidders and the public will see the reason.', [{ field: 'reason', message: 'A reason is required to cancel.' }]);
      }
      await this.tenders.claimRevision(tx, current, revision);
      await tx.update(Tender, { id }, { status: to, updatedAt: new Date() });
      await recordStatus(tx, id, to);
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
