import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { TenderStatus } from '@openbrief/contracts';
import { type EntityManager, In, Repository } from 'typeorm';
import { Lot } from './entities/lot.entity';
import { Requirement } from './entities/requirement.entity';
import { Tender } from './entities/tender.entity';

/** What other modules may know of a tender row. */
export interface TenderSummary {
  id: string;
  organisationId: string;
  reference: string;
  title: string;
  status: TenderStatus;
  publishedVersion: number;
}

/** A tender's lots and requirements in outline: enough to number a requirement ("1.2") and quote it. */
export interface TenderOutline {
  lots: { id: string; number: number }[];
  requirements: { id: string; lotId: string; position: number; outcome: string }[];
}

const SUMMARY = { id: true, organisationId: true, reference: true, title: true, status: true, publishedVersion: true } as const;

/**
 * Read-only questions other modules ask about tenders (comments, collaboration, the pack command).
 * The tenders module owns its tables and is the only one that writes them; the others read through here.
 * A caller inside a transaction passes its manager, so the read sees the transaction's own writes.
 */
@Injectable()
export class TenderQueries {
  constructor(
    @InjectRepository(Tender) private readonly tenders: Repository<Tender>,
    @InjectRepository(Lot) private readonly lots: Repository<Lot>,
    @InjectRepository(Requirement) private readonly requirements: Repository<Requirement>,
  ) {}

  summary(id: string, tx?: EntityManager): Promise<TenderSummary | null> {
    return (tx ?? this.tenders.manager).findOne(Tender, { where: { id }, select: SUMMARY });
  }

  /** The tenders among `ids` that belong to the organisation. */
  summaries(ids: string[], organisationId: string): Promise<TenderSummary[]> {
    return ids.length ? this.tenders.find({ where: { id: In(ids), organisationId }, select: SUMMARY }) : Promise.resolve([]);
  }

  byReference(reference: string): Promise<TenderSummary | null> {
    return this.tenders.findOne({ where: { reference }, select: SUMMARY });
  }

  /** One requirement of the tender, or null if the tender has no requirement with that id. */
  requirement(tenderId: string, requirementId: string, tx?: EntityManager): Promise<{ id: string; outcome: string } | null> {
    return (tx ?? this.requirements.manager).findOne(Requirement, {
      where: { id: requirementId, tenderId },
      select: { id: true, outcome: true },
    });
  }

  async outline(tenderId: string): Promise<TenderOutline> {
    const [lots, requirements] = await Promise.all([
      this.lots.find({ where: { tenderId }, select: { id: true, number: true } }),
      this.requirements.find({ where: { tenderId }, select: { id: true, lotId: true, position: true, outcome: true } }),
    ]);
    return { lots, requirements };
  }

  /**
   * An SQL condition, true while the tender (`:<idParam>`) has one of the statuses (`:...<statusesParam>`),
   * for a statement of another module that must check the status in the same statement as its own write
   * (collaboration's update log). Read-only; the tender table's name stays this module's business.
   */
  inStatusCondition(idParam: string, statusesParam: string): string {
    return `EXISTS (SELECT 1 FROM ${this.tenders.metadata.tableName} WHERE id = :${idParam} AND status IN (:...${statusesParam}))`;
  }
}
