import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CurrentUser,
  type OwnQuestion,
  QUESTION_LIMITS,
  type QueuedQuestion,
  type QuestionQueue,
  QuestionStatus,
  questionWordCount,
} from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { type EntityManager, In, Repository } from 'typeorm';
import { AccessService } from '../../common/access/access.service';
import { Clock } from '../../common/clock/clock';
import { DomainEvents } from '../../common/events/domain-events.service';
import { NotFoundError } from '../../common/errors/domain.error';
import { Transactions } from '../../database/transactions';
import { actorOf } from '../../common/events/domain-events';
import { AnswerDrafted, AnswerPublished, QuestionAsked } from './clarifications.events';
import { ClarificationNotices } from './clarification-notices';
import type { AskQuestionDto, DraftAnswerDto, PublishAnswerDto } from './dto/clarification-commands.dto';
import { ClarificationQuestion } from './entities/clarification-question.entity';
import {
  AlreadyAnsweredError,
  PrivateReasonRequiredError,
  StaleQuestionRevisionError,
  TooManyQuestionsError,
} from './errors/clarification.errors';
import { TenderTimetables } from './tender-timetable';

const UNANSWERED = [QuestionStatus.New, QuestionStatus.Drafted];

/**
 * Clarification questions: suppliers ask before the clarification deadline and read their own organisation's
 * questions and answers; the buying team drafts answers and publishes them (asker anonymised) or answers
 * privately with a reason. Every change is one transaction with its audit event and its notifications.
 */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectRepository(ClarificationQuestion) private readonly questions: Repository<ClarificationQuestion>,
    private readonly timetables: TenderTimetables,
    private readonly notices: ClarificationNotices,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async ask(user: CurrentUser, tenderId: string, dto: AskQuestionDto): Promise<OwnQuestion> {
    return this.transactions.run(async (tx) => {
      const timetable = await this.timetables.load(tx, tenderId);
      this.access.require(user, 'question.ask', this.timetables.forQuestions(timetable));
      const organisationId = user.organisation.id;
      // Counted and inserted under one lock, so two questions sent at once cannot both pass the bound.
      await this.transactions.lock(tx, `clarification-question:${tenderId}:${organisationId}`);
      if ((await tx.countBy(ClarificationQuestion, { tenderId, organisationId })) >= QUESTION_LIMITS.perOrganisation) {
        throw new TooManyQuestionsError(QUESTION_LIMITS.perOrganisation);
      }
      const row: ClarificationQuestion = {
        id: randomUUID(),
        tenderId,
        organisationId,
        organisationName: user.organisation.name,
        askedBy: user.id,
        text: dto.text,
        askedAt: this.clock.now(),
        status: QuestionStatus.New,
        draftAnswer: '',
        answer: null,
        answeredAt: null,
        answeredBy: null,
        privateReason: null,
        publishedNumber: null,
        revision: 1,
      };
      await tx.insert(ClarificationQuestion, row);
      await this.events.emit(tx, new QuestionAsked(actorOf(user), tenderId, row.id, questionWordCount(dto.text)));
      return toOwn(row);
    });
  }

  /** The organisation's questions about the tender, oldest first, with their answers (public or private). */
  async mine(user: CurrentUser, tenderId: string): Promise<OwnQuestion[]> {
    this.access.require(user, 'question.readOwn');
    const manager = this.questions.manager;
    const { tender } = await this.timetables.load(manager, tenderId);
    if (!this.access.can(null, 'public.read', tender)) throw new NotFoundError('That tender');
    const rows = await manager.find(ClarificationQuestion, {
      where: { tenderId, organisationId: user.organisation.id },
      order: { askedAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toOwn);
  }

  /** The buying team's queue: every question, oldest first, with counts per status and both dates. */
  async queue(user: CurrentUser, tenderId: string): Promise<QuestionQueue> {
    const manager = this.questions.manager;
    const timetable = await this.timetables.load(manager, tenderId);
    this.access.require(user, 'question.manage', timetable.tender);
    const rows = await manager.find(ClarificationQuestion, { where: { tenderId }, order: { askedAt: 'ASC', id: 'ASC' } });
    const counts = Object.fromEntries(Object.values(QuestionStatus).map((s) => [s, 0])) as Record<QuestionStatus, number>;
    for (const r of rows) counts[r.status] += 1;
    return {
      counts,
      questions: rows.map(toQueued),
      clarificationDeadline: timetable.clarificationDeadline,
      answersPublishedBy: timetable.answersPublishedBy,
    };
  }

  /** Saves the draft answer if nobody changed the question since `revision` (sent as If-Match); else 409 with the current state. */
  async draft(user: CurrentUser, tenderId: string, id: string, revision: number, dto: DraftAnswerDto): Promise<QueuedQuestion> {
    return this.transactions.run(async (tx) => {
      const question = await this.questionFor(tx, user, tenderId, id);
      if (!UNANSWERED.includes(question.status)) throw new AlreadyAnsweredError();
      if (question.revision !== revision) throw new StaleQuestionRevisionError(toQueued(question));
      const status = dto.draftAnswer ? QuestionStatus.Drafted : QuestionStatus.New;
      const moved = await tx.update(
        ClarificationQuestion,
        { id, revision, status: In(UNANSWERED) },
        { draftAnswer: dto.draftAnswer, status, revision: revision + 1 },
      );
      if (!moved.affected) throw new StaleQuestionRevisionError(toQueued(await this.reload(tx, id)));
      await this.events.emit(tx, new AnswerDrafted(actorOf(user), tenderId, id, revision + 1));
      return toQueued(await this.reload(tx, id));
    });
  }

  /**
   * Answers the question once: publicly (numbered in order of publication, the asker never named) or privately to
   * the asking organisation, which needs a reason (recorded in the audit log). Answering again is 409.
   */
  async answer(user: CurrentUser, tenderId: string, id: string, dto: PublishAnswerDto): Promise<QueuedQuestion> {
    const visibility = dto.visibility ?? 'public';
    const privateReason = dto.privateReason?.trim() || null;
    return this.transactions.run(async (tx) => {
      const question = await this.questionFor(tx, user, tenderId, id);
      if (!UNANSWERED.includes(question.status)) throw new AlreadyAnsweredError();
      if (visibility === 'private' && !privateReason) throw new PrivateReasonRequiredError();
      let number: number | null = null;
      if (visibility === 'public') {
        // Numbers follow publication order; the lock keeps two answers published at once from taking the same one.
        await this.transactions.lock(tx, `clarification-number:${tenderId}`);
        const last = await tx
          .createQueryBuilder(ClarificationQuestion, 'q')
          .select('MAX(q.published_number)', 'max')
          .where('q.tender_id = :tenderId', { tenderId })
          .getRawOne<{ max: number | string | null }>();
        number = Number(last?.max ?? 0) + 1;
      }
      const moved = await tx.update(
        ClarificationQuestion,
        { id, status: In(UNANSWERED) },
        {
          status: visibility === 'public' ? QuestionStatus.Published : QuestionStatus.AnsweredPrivately,
          answer: dto.answer,
          draftAnswer: dto.answer,
          answeredAt: this.clock.now(),
          answeredBy: user.id,
          privateReason: visibility === 'private' ? privateReason : null,
          publishedNumber: number,
          revision: question.revision + 1,
        },
      );
      if (!moved.affected) throw new AlreadyAnsweredError();
      await this.events.emit(
        tx,
        new AnswerPublished(actorOf(user), tenderId, id, visibility, number, visibility === 'private' ? privateReason : null),
      );
      await this.notices.answered(tx, question, visibility);
      return toQueued(await this.reload(tx, id));
    });
  }

  private async questionFor(tx: EntityManager, user: CurrentUser, tenderId: string, id: string): Promise<ClarificationQuestion> {
    const { tender } = await this.timetables.load(tx, tenderId);
    this.access.require(user, 'question.manage', tender);
    const question = await tx.findOneBy(ClarificationQuestion, { id, tenderId });
    if (!question) throw new NotFoundError('That question');
    return question;
  }

  private async reload(tx: EntityManager, id: string): Promise<ClarificationQuestion> {
    return tx.findOneByOrFail(ClarificationQuestion, { id });
  }
}

function toOwn(q: ClarificationQuestion): OwnQuestion {
  const answered = !UNANSWERED.includes(q.status);
  return {
    id: q.id,
    tenderId: q.tenderId,
    text: q.text,
    askedAt: q.askedAt.toISOString(),
    // A draft answer is the buyer's working note: to the asker the question is still waiting.
    status: answered ? q.status : QuestionStatus.New,
    answer: answered ? q.answer : null,
    answeredAt: answered ? (q.answeredAt?.toISOString() ?? null) : null,
  };
}

function toQueued(q: ClarificationQuestion): QueuedQuestion {
  return {
    id: q.id,
    text: q.text,
    askedAt: q.askedAt.toISOString(),
    askerOrganisation: q.organisationName,
    status: q.status,
    draftAnswer: q.draftAnswer,
    answer: q.answer,
    answeredAt: q.answeredAt?.toISOString() ?? null,
    privateReason: q.privateReason,
    publishedNumber: q.publishedNumber,
    revision: q.revision,
  };
}
