import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type PublishedClarification, QuestionStatus } from '@openbrief/contracts';
import { renderQaAnnexToBuffer } from '@openbrief/documents';
import { Repository } from 'typeorm';
import { AccessService } from '../../common/access/access.service';
import { NotFoundError } from '../../common/errors/domain.error';
import { PublishedRecords } from '../tenders/lifecycle/published-records';
import { versionRecord } from '../tenders/lifecycle/published-version';
import { ClarificationQuestion } from './entities/clarification-question.entity';
import { TenderTimetables } from './tender-timetable';

/**
 * The published answers, for anyone: only the question, the answer, its number and when it was published. Nothing
 * about who asked is selected from the table, so nothing about them can reach the payload or the PDF.
 */
@Injectable()
export class PublishedClarificationsService {
  constructor(
    @InjectRepository(ClarificationQuestion) private readonly questions: Repository<ClarificationQuestion>,
    private readonly timetables: TenderTimetables,
    private readonly records: PublishedRecords,
    private readonly access: AccessService,
  ) {}

  async list(tenderId: string): Promise<PublishedClarification[]> {
    await this.publicTender(tenderId);
    return this.published(tenderId);
  }

  /** The Q&A annex PDF; the same answers always give the same bytes (stamped with the latest publication, not now). */
  async pdf(tenderId: string): Promise<{ pdf: Buffer; sha256: string; reference: string }> {
    const timetable = await this.publicTender(tenderId);
    const entries = await this.published(tenderId);
    const row = await this.records.versionRow(tenderId, timetable.tender.publishedVersion);
    if (!row) throw new NotFoundError('That tender');
    const record = versionRecord(row);
    const stamps = [row.publishedAt.getTime(), ...entries.map((e) => new Date(e.publishedAt).getTime())];
    const { pdf, sha256 } = await renderQaAnnexToBuffer({
      reference: timetable.tender.reference,
      title: record.content.title,
      buyerName: record.buyer.name,
      clarificationDeadline: timetable.clarificationDeadline,
      answersPublishedBy: timetable.answersPublishedBy,
      entries: entries.map((e) => ({ number: e.number, question: e.question, answer: e.answer, publishedAt: e.publishedAt })),
      generatedAt: new Date(Math.max(...stamps)),
    });
    return { pdf, sha256, reference: timetable.tender.reference };
  }

  private async publicTender(tenderId: string) {
    const timetable = await this.timetables.load(this.questions.manager, tenderId);
    // The same answer for everyone, signed in or not: asked as for someone with no account.
    if (!this.access.can(null, 'public.read', timetable.tender)) throw new NotFoundError('That tender');
    return timetable;
  }

  private async published(tenderId: string): Promise<PublishedClarification[]> {
    const rows = await this.questions.find({
      where: { tenderId, status: QuestionStatus.Published },
      select: { id: true, publishedNumber: true, text: true, answer: true, answeredAt: true },
      order: { publishedNumber: 'ASC' },
    });
    return rows.map((r) => ({
      id: r.id,
      number: r.publishedNumber!,
      question: r.text,
      answer: r.answer ?? '',
      publishedAt: r.answeredAt!.toISOString(),
    }));
  }
}
