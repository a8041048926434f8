import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser, TenderHistoryEntry } from '@openbrief/contracts';
import { Repository } from 'typeorm';
import { People } from '../../identity/people';
import { TenderRevision } from '../entities/tender-revision.entity';
import { TenderVersion } from '../entities/tender-version.entity';
import { TenderService } from '../tender.service';
import { currentLabel } from './history-labels';

/**
 * A tender's history as the buying team reads it: every saved revision with what it changed, and every
 * published version with its change note, newest first. Reads only: pending live edits appear once they
 * are saved as a revision.
 */
@Injectable()
export class TenderHistoryService {
  constructor(
    @InjectRepository(TenderRevision) private readonly revisions: Repository<TenderRevision>,
    @InjectRepository(TenderVersion) private readonly versions: Repository<TenderVersion>,
    private readonly people: People,
    private readonly tenders: TenderService,
  ) {}

  async history(user: CurrentUser, tenderId: string): Promise<TenderHistoryEntry[]> {
    await this.tenders.statusFor(user, tenderId, 'tender.readHistory');
    const [revisions, versions] = await Promise.all([
      this.revisions.find({
        where: { tenderId },
        select: { revision: true, changedAt: true, changedByName: true, changedFields: true },
      }),
      this.versions.find({
        where: { tenderId },
        select: { version: true, publishedAt: true, publishedById: true, changeNote: true },
      }),
    ]);
    const publishers = await this.people.names(versions.map((v) => v.publishedById));
    const entries: TenderHistoryEntry[] = [
      ...revisions.map((r) => ({
        kind: 'revision' as const,
        revision: r.revision,
        at: r.changedAt.toISOString(),
        by: r.changedByName,
        changes: r.changedFields.map(currentLabel),
      })),
      ...versions.map((v) => ({
        kind: 'publication' as const,
        version: v.version,
        at: v.publishedAt.toISOString(),
        by: publishers.get(v.publishedById) ?? 'Someone no longer in the team',
        changeNote: v.changeNote,
      })),
    ];
    return entries.sort(newestFirst);
  }
}

/** Newest first; a publication goes above the revision saved at the same moment (it froze that revision). */
function newestFirst(a: TenderHistoryEntry, b: TenderHistoryEntry): number {
  const byTime = b.at.localeCompare(a.at);
  if (byTime) return byTime;
  if (a.kind !== b.kind) return a.kind === 'publication' ? -1 : 1;
  return a.kind === 'revision' && b.kind === 'revision'
    ? b.revision - a.revision
    : a.kind === 'publication' && b.kind === 'publication'
      ? b.version - a.version
      : 0;
}
