import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QuestionStatus } from '@openbrief/contracts';
import type { Clarification } from '@openbrief/documents';
import { LessThanOrEqual, Repository } from 'typeorm';
import type { PackClarifications } from '../tenders/pack-clarifications.port';
import { ClarificationQuestion } from './entities';

/** The tender pack's Annex A (the tenders module's PackClarifications port): public answers only, never who asked. */
@Injectable()
export class PackClarificationsAdapter implements PackClarifications {
  constructor(@InjectRepository(ClarificationQuestion) private readonly questions: Repository<ClarificationQuestion>) {}

  async publishedBy(tenderId: string, at: Date): Promise<Clarification[]> {
    const rows = await this.questions.find({
      where: { tenderId, status: QuestionStatus.Published, answeredAt: LessThanOrEqual(at) },
      select: { id: true, text: true, answer: true, answeredAt: true, publishedNumber: true },
      order: { publishedNumber: 'ASC' },
    });
    return rows.map((r) => ({ question: r.text, answer: r.answer ?? '', publishedAt: r.answeredAt!.toISOString() }));
  }
}
