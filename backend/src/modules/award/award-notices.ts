import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, type Repository } from 'typeorm';
import { AssessmentSummaryRow, AwardDecisionRow } from './entities';

/** A lot's award once its contract award notice is published: what the open data may say of it. */
export interface PublishedAwardNotice {
  /** The award decision's id (its panel's). */
  awardId: string;
  tenderId: string;
  lotId: string;
  responseId: string;
  /** The awarded supplier's organisation. */
  organisationId: string;
  supplierName: string;
  decidedAt: Date;
  noticePublishedAt: Date;
  standstillEndsAt: Date;
  contractEnteredAt: Date | null;
  /** When the last assessment summary was issued (sent); null if none was. */
  summariesSentAt: Date | null;
}

export type AwardFeedKind = 'notice' | 'contract';

/**
 * Read-only, for the open data: award decisions whose notice is published, never one before (an award is public
 * only from its notice). Only this module writes award_decision and assessment_summary.
 */
@Injectable()
export class AwardNotices {
  constructor(@InjectRepository(AwardDecisionRow) private readonly decisions: Repository<AwardDecisionRow>) {}

  /** A tender's published award notices, oldest notice first. */
  async forTender(tenderId: string): Promise<PublishedAwardNotice[]> {
    const rows = await this.decisions.find({ where: { tenderId, noticePublishedAt: Not(IsNull()) }, order: { noticePublishedAt: 'ASC' } });
    return this.complete(rows);
  }

  /**
   * For the feed: published notices (`notice`, by notice_published_at) or entered contracts (`contract`, by
   * contract_entered_at), newest first (then by id), within [from, to], strictly after the keyset `after`.
   */
  async feed(
    kind: AwardFeedKind,
    q: { from?: Date; to?: Date; after?: { at: Date; id: string; inclusive: boolean }; limit: number },
  ): Promise<PublishedAwardNotice[]> {
    const column = kind === 'notice' ? 'd.notice_published_at' : 'd.contract_entered_at';
    const property = kind === 'notice' ? 'd.noticePublishedAt' : 'd.contractEnteredAt';
    const query = this.decisions.createQueryBuilder('d').where(`${column} IS NOT NULL`).andWhere('d.notice_published_at IS NOT NULL');
    if (q.from) query.andWhere(`${column} >= :from`, { from: q.from });
    if (q.to) query.andWhere(`${column} <= :to`, { to: q.to });
    if (q.after?.inclusive) query.andWhere(`${column} <= :at`, { at: q.after.at });
    else if (q.after) query.andWhere(`(${column} < :at OR (${column} = :at AND d.panel_id < :id))`, { at: q.after.at, id: q.after.id });
    const rows = await query.orderBy(property, 'DESC').addOrderBy('d.panelId', 'DESC').limit(q.limit).getMany();
    return this.complete(rows);
  }

  private async complete(rows: AwardDecisionRow[]): Promise<PublishedAwardNotice[]> {
    if (!rows.length) return [];
    const summaries = await this.decisions.manager.find(AssessmentSummaryRow, {
      where: { panelId: In(rows.map((r) => r.panelId)) },
      select: { id: true, panelId: true, responseId: true, organisationId: true, issuedAt: true },
    });
    return rows.map((r) => {
      const mine = summaries.filter((s) => s.panelId === r.panelId);
      const sent = mine.map((s) => s.issuedAt?.getTime() ?? 0).filter(Boolean);
      return {
        awardId: r.panelId,
        tenderId: r.tenderId,
        lotId: r.lotId,
        responseId: r.responseId,
        organisationId: mine.find((s) => s.responseId === r.responseId)?.organisationId ?? '',
        supplierName: r.supplierName,
        decidedAt: r.decidedAt,
        noticePublishedAt: r.noticePublishedAt!,
        // Publishing the notice sets the standstill in the same update; a notice without one is not one we wrote.
        standstillEndsAt: r.standstillEndsAt ?? r.noticePublishedAt!,
        contractEnteredAt: r.contractEnteredAt,
        summariesSentAt: sent.length ? new Date(Math.max(...sent)) : null,
      };
    });
  }
}
