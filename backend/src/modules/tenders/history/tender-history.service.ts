import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUser, TenderHistoryEntry } from '@openbrief/contracts';
import { DataSource, In } from 'typeorm';
import { User } from '../../identity/entities/user.entity';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenders: TenderService,
  ) {}

  async history(user: CurrentUser, tenderId: string): Promise<TenderHistoryEntry[]> {
    // The same answer as the tender itself: another organisation's tender, or an evaluator, is "not found".
    await this.tenders.statusFor(user, tenderId);
    const [revisions, versions] = await Promise.all([
      this.dataSource.getRepository(TenderRevision).find({
        where: { tenderId },
        select: { revision: true, changedAt: true, changedByName: true, changedFields: true },
      }),
      this.dataSource.getRepository(TenderVersion).find({
        where: { tenderId },
        select: { version: true, publishedAt: true, publishedById: true, changeNote: true },
      }),
    ]);
    const publishers = await this.names(versions.map((v) => v.publishedById));
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

  private async names(ids: string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return new Map();
    const users = await this.dataSource.getRepository(User).find({ where: { id: In(wanted) }, select: { id: true, name: true } });
    return new Map(users.map((u) => [u.id, u.name]));
  }
}

/** Newest first; a publication goes above the revision saved at the same moment (it froze that revision). */
function newestFirst(a: TenderHistoryEntry, b: TenderHistoryEntry): number {
  const byTime = b.at.localeCompare(a.at);
  if (byTime) return byTime;
  if (a.kind !== b.kind) return a.kind === 'publication' ? -1 : 1;
  return a.kind === 'revision' && b.kind === 'revision' ? b.revision - a.revision : a.kind === 'publication' && b.kind === 'publication' ? b.version - a.version : 0;
}
