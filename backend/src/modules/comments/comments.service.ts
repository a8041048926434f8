import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CommentAnchor,
  type CommentCounts,
  type CommentEntryKind,
  type CommentPerson,
  type CommentStatusFilter,
  type CommentThread as CommentThreadView,
  type CommentThreadInContext,
  type CommentThreadList,
  CommentThreadStatus,
  type CurrentUser,
  type RequirementCommentCount,
  Role,
  type TeamMember,
  isRequirementCommentField,
} from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, Repository } from 'typeorm';
import { mayBeMentioned } from '../../common/access/access-policy';
import { AccessService } from '../../common/access/access.service';
import { CommentResolved } from '../../common/events/domain-events';
import { DomainEvents } from '../../common/events/domain-events.service';
import { NotFoundError, ValidationFailedError, type DomainErrorDetail } from '../../common/errors/domain.error';
import { Transactions } from '../../database/transactions';
import { People } from '../identity/people';
import { TenderQueries, type TenderSummary } from '../tenders/tender-queries';
import type { CommentAnchorDto, CreateCommentThreadDto, ReplyToCommentThreadDto } from './dto/comment-commands.dto';
import { CommentThread } from './entities/comment-thread.entity';
import { TenderComment } from './entities/tender-comment.entity';
import { ThreadAlreadyOpenError, ThreadAlreadyResolvedError, ThreadResolvedError, UnknownRequirementError } from './errors/comment.errors';

/** Who can be mentioned: the roles that may then read the thread (common/access/access-policy.ts). */
const MENTIONABLE_ROLES: readonly Role[] = Object.values(Role).filter(mayBeMentioned);

const EXCERPT_LENGTH = 120;

/** What the buying team does with a tender's threads; `comment.answerMention` (one thread) is also for people mentioned in it. */
type TeamAction = 'comment.read' | 'comment.write' | 'comment.resolve';
type ThreadAction = TeamAction | 'comment.answerMention';

export interface ThreadFilter {
  status?: CommentStatusFilter;
  mentioning?: 'me';
  requirementId?: string;
}

interface RequirementRef {
  number: string;
  excerpt: string | null;
}

/**
 * Comment threads on a tender. A tender has tens of threads, not thousands, so a list loads the
 * tender's threads and entries in two queries and filters and counts them here.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectRepository(CommentThread) private readonly threads: Repository<CommentThread>,
    private readonly tenderQueries: TenderQueries,
    private readonly people: People,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly access: AccessService,
  ) {}

  async list(user: CurrentUser, tenderId: string, filter: ThreadFilter): Promise<CommentThreadList> {
    const manager = this.threads.manager;
    await this.tenderFor(user, tenderId, manager);
    const [threads, entries, requirements] = await Promise.all([
      manager.find(CommentThread, { where: { tenderId } }),
      manager.find(TenderComment, { where: { tenderId } }),
      this.requirementRefs(tenderId),
    ]);
    const byThread = new Map<string, TenderComment[]>();
    for (const e of entries) byThread.set(e.threadId, [...(byThread.get(e.threadId) ?? []), e]);
    const views = threads.map((t) => toView(t, byThread.get(t.id) ?? [], requirements)).sort(newestActivityFirst);
    const mentionsMe = (t: CommentThreadView) => t.entries.some((e) => e.mentions.some((m) => m.id === user.id));
    const status = filter.status ?? 'all';
    return {
      threads: views.filter(
        (t) =>
          (status === 'all' || String(t.status) === status) &&
          (filter.mentioning !== 'me' || mentionsMe(t)) &&
          (!filter.requirementId || t.anchor.requirementId === filter.requirementId),
      ),
      counts: counts(views, mentionsMe),
    };
  }

  /** Starts a thread: the thread and its first comment are written together or not at all. */
  async create(user: CurrentUser, tenderId: string, dto: CreateCommentThreadDto): Promise<CommentThreadView> {
    const anchor = checkAnchor(dto.anchor);
    const id = randomUUID();
    await this.transactions.run(async (tx) => {
      const tender = await this.tenderFor(user, tenderId, tx, 'comment.write');
      let excerpt: string | null = null;
      if (anchor.requirementId) {
        const requirement = await this.tenderQueries.requirement(tenderId, anchor.requirementId, tx);
        if (!requirement) throw new UnknownRequirementError();
        excerpt = excerptOf(requirement.outcome);
      }
      const mentions = await this.mentions(tender, dto.mentions);
      const now = new Date();
      await tx.insert(CommentThread, {
        id,
        tenderId,
        requirementId: anchor.requirementId,
        requirementExcerpt: excerpt,
        field: anchor.field,
        quote: anchor.quote,
        anchorStart: anchor.start,
        anchorEnd: anchor.end,
        status: CommentThreadStatus.Open,
        createdAt: now,
        lastActivityAt: now,
        resolvedById: null,
        resolvedByName: null,
        resolvedAt: null,
      });
      await this.addEntry(tx, { id, tenderId }, user, 'comment', dto.body, mentions, now);
    });
    return this.get(user, tenderId, id, 'comment.write');
  }

  async reply(user: CurrentUser, tenderId: string, threadId: string, dto: ReplyToCommentThreadDto): Promise<CommentThreadView> {
    await this.transactions.run(async (tx) => {
      const { tender, thread } = await this.threadFor(user, tenderId, threadId, tx, 'comment.answerMention');
      if (thread.status !== CommentThreadStatus.Open) throw new ThreadResolvedError();
      const mentions = await this.mentions(tender, dto.mentions);
      const now = after(thread.lastActivityAt);
      // Only an open thread takes replies: if someone resolved it a moment ago, nothing is written.
      const moved = await tx.update(CommentThread, { id: threadId, status: CommentThreadStatus.Open }, { lastActivityAt: now });
      if (!moved.affected) throw new ThreadResolvedError();
      await this.addEntry(tx, thread, user, 'comment', dto.body, mentions, now);
    });
    return this.get(user, tenderId, threadId, 'comment.answerMention');
  }

  /** One thread with the tender it belongs to: for the buying team, and for the people mentioned in it. */
  async thread(user: CurrentUser, tenderId: string, threadId: string): Promise<CommentThreadInContext> {
    const { tender } = await this.threadFor(user, tenderId, threadId, this.threads.manager, 'comment.answerMention');
    return {
      tender: { id: tender.id, reference: tender.reference, title: tender.title },
      thread: await this.get(user, tenderId, threadId, 'comment.answerMention'),
    };
  }

  /**
   * The threads, on any of the organisation's tenders, in which someone mentioned the user: how a
   * mentioned evaluator, who cannot open the tender, finds them. Newest activity first.
   */
  async mentioningMe(user: CurrentUser): Promise<CommentThreadInContext[]> {
    this.access.require(user, 'comment.listMentions');
    const manager = this.threads.manager;
    // Mentions are kept as JSON text: a LIKE on the id finds the candidates (an id is a UUID, nothing to escape), the check below is exact.
    const mentioned = (
      await manager
        .createQueryBuilder(TenderComment, 'c')
        .where('c.mentions LIKE :id', { id: `%${user.id}%` })
        .getMany()
    ).filter((e) => e.mentions.some((m) => m.id === user.id));
    const threadIds = [...new Set(mentioned.map((e) => e.threadId))];
    if (!threadIds.length) return [];
    const threads = await manager.find(CommentThread, { where: { id: In(threadIds) } });
    const tenders = await this.tenderQueries.summaries([...new Set(threads.map((t) => t.tenderId))], user.organisation.id);
    const out: CommentThreadInContext[] = [];
    for (const tender of tenders) {
      const [entries, requirements] = await Promise.all([
        manager.find(TenderComment, { where: { threadId: In(threads.filter((t) => t.tenderId === tender.id).map((t) => t.id)) } }),
        this.requirementRefs(tender.id),
      ]);
      for (const thread of threads.filter((t) => t.tenderId === tender.id)) {
        out.push({
          tender: { id: tender.id, reference: tender.reference, title: tender.title },
          thread: toView(
            thread,
            entries.filter((e) => e.threadId === thread.id),
            requirements,
          ),
        });
      }
    }
    return out.sort((a, b) => newestActivityFirst(a.thread, b.thread));
  }

  async resolve(user: CurrentUser, tenderId: string, threadId: string): Promise<CommentThreadView> {
    await this.transactions.run(async (tx) => {
      const { thread } = await this.threadFor(user, tenderId, threadId, tx, 'comment.resolve');
      if (thread.status === CommentThreadStatus.Resolved) throw new ThreadAlreadyResolvedError(thread.resolvedByName);
      const now = after(thread.lastActivityAt);
      const moved = await tx.update(
        CommentThread,
        { id: threadId, status: CommentThreadStatus.Open },
        { status: CommentThreadStatus.Resolved, resolvedById: user.id, resolvedByName: user.name, resolvedAt: now, lastActivityAt: now },
      );
      if (!moved.affected)
        throw new ThreadAlreadyResolvedError((await tx.findOneBy(CommentThread, { id: threadId }))?.resolvedByName ?? null);
      await this.addEntry(tx, thread, user, 'resolved', '', [], now);
      const actor = { userId: user.id, name: user.name, organisationId: user.organisation.id };
      await this.events.emit(tx, new CommentResolved(actor, tenderId, threadId));
    });
    return this.get(user, tenderId, threadId, 'comment.resolve');
  }

  async reopen(user: CurrentUser, tenderId: string, threadId: string): Promise<CommentThreadView> {
    await this.transactions.run(async (tx) => {
      const { thread } = await this.threadFor(user, tenderId, threadId, tx, 'comment.resolve');
      if (thread.status === CommentThreadStatus.Open) throw new ThreadAlreadyOpenError();
      const now = after(thread.lastActivityAt);
      const moved = await tx.update(
        CommentThread,
        { id: threadId, status: CommentThreadStatus.Resolved },
        { status: CommentThreadStatus.Open, resolvedById: null, resolvedByName: null, resolvedAt: null, lastActivityAt: now },
      );
      if (!moved.affected) throw new ThreadAlreadyOpenError();
      await this.addEntry(tx, thread, user, 'reopened', '', [], now);
    });
    return this.get(user, tenderId, threadId, 'comment.resolve');
  }

  /** The tender organisation's people who can be mentioned: its buying team, and its evaluators (who then see only that thread). */
  async team(user: CurrentUser, tenderId: string): Promise<TeamMember[]> {
    const tender = await this.tenderFor(user, tenderId, this.threads.manager);
    const members = await this.people.members(tender.organisationId, MENTIONABLE_ROLES);
    return members.map((m) => ({ id: m.id, name: m.name, role: m.role })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }

  private async get(user: CurrentUser, tenderId: string, threadId: string, action: ThreadAction): Promise<CommentThreadView> {
    const manager = this.threads.manager;
    const { thread } = await this.threadFor(user, tenderId, threadId, manager, action);
    const [entries, requirements] = await Promise.all([
      manager.find(TenderComment, { where: { threadId } }),
      this.requirementRefs(tenderId),
    ]);
    return toView(thread, entries, requirements);
  }

  /**
   * The tender, if the user may `action` its threads (the access policy): another organisation's tender, or
   * any tender for someone outside the buying team, is "not found". Every route checks this before it writes.
   */
  private async tenderFor(
    user: CurrentUser,
    tenderId: string,
    manager: EntityManager,
    action: TeamAction = 'comment.read',
  ): Promise<TenderSummary> {
    const tender = await this.tenderQueries.summary(tenderId, manager);
    if (!tender) throw new NotFoundError('That tender');
    this.access.require(user, action, tender);
    return tender;
  }

  /** The thread and its tender; for `comment.answerMention` the people mentioned in the thread count too. */
  private async threadFor(user: CurrentUser, tenderId: string, threadId: string, manager: EntityManager, action: ThreadAction) {
    if (action !== 'comment.answerMention') {
      const tender = await this.tenderFor(user, tenderId, manager, action);
      const thread = await manager.findOneBy(CommentThread, { id: threadId, tenderId });
      if (!thread) throw new NotFoundError('That comment thread');
      return { tender, thread };
    }
    const tender = await this.tenderQueries.summary(tenderId, manager);
    if (!tender) throw new NotFoundError('That tender');
    const thread = await manager.findOneBy(CommentThread, { id: threadId, tenderId });
    const entries = thread ? await manager.find(TenderComment, { where: { threadId }, select: { id: true, mentions: true } }) : [];
    // Someone here only through a mention is told "no such tender" for any other thread, existing or not.
    this.access.require(user, action, { tender, mentionedIds: entries.flatMap((e) => e.mentions.map((m) => m.id)) });
    if (!thread) throw new NotFoundError('That comment thread');
    return { tender, thread };
  }

  /** Everyone mentioned must be someone of the tender's organisation who may be mentioned; the names are kept with the comment. */
  private async mentions(tender: TenderSummary, ids: string[] | undefined): Promise<CommentPerson[]> {
    const wanted = [...new Set(ids ?? [])];
    if (!wanted.length) return [];
    const found = await this.people.members(tender.organisationId, MENTIONABLE_ROLES, wanted);
    const byId = new Map(found.map((u) => [u.id, u]));
    const details: DomainErrorDetail[] = (ids ?? []).flatMap((id, i) =>
      byId.has(id) ? [] : [{ field: `mentions[${i}]`, message: 'This is not someone in the team working on this tender.' }],
    );
    if (details.length) {
      throw new ValidationFailedError(
        details.length === 1
          ? 'You can only mention people in the team working on this tender, and one of the people mentioned is not in it.'
          : `You can only mention people in the team working on this tender, and ${details.length} of the people mentioned are not in it.`,
        details,
      );
    }
    return wanted.map((id) => ({ id, name: byId.get(id)!.name }));
  }

  private async addEntry(
    tx: EntityManager,
    thread: { id: string; tenderId: string },
    user: CurrentUser,
    kind: CommentEntryKind,
    body: string,
    mentions: CommentPerson[],
    at: Date,
  ): Promise<void> {
    await tx.insert(TenderComment, {
      id: randomUUID(),
      threadId: thread.id,
      tenderId: thread.tenderId,
      kind,
      authorId: user.id,
      authorName: user.name,
      body,
      mentions,
      createdAt: at,
    });
  }

  /** "1.2" and the outcome's opening words for each requirement the tender has now. */
  private async requirementRefs(tenderId: string): Promise<Map<string, RequirementRef>> {
    const { lots, requirements } = await this.tenderQueries.outline(tenderId);
    const lotNumber = new Map(lots.map((l) => [l.id, l.number]));
    const refs = new Map<string, RequirementRef>();
    const byLot = new Map<string, typeof requirements>();
    for (const r of requirements) byLot.set(r.lotId, [...(byLot.get(r.lotId) ?? []), r]);
    for (const [lotId, list] of byLot) {
      list.sort((a, b) => a.position - b.position);
      list.forEach((r, i) => refs.set(r.id, { number: `${lotNumber.get(lotId) ?? '?'}.${i + 1}`, excerpt: excerptOf(r.outcome) }));
    }
    return refs;
  }
}

interface CheckedAnchor {
  requirementId: string | null;
  field: CommentAnchor['field'];
  quote: string | null;
  start: string | null;
  end: string | null;
}

/** The anchor's parts must fit together: requirement fields need a requirement, a range needs a field. */
function checkAnchor(dto: CommentAnchorDto | undefined): CheckedAnchor {
  const anchor: CheckedAnchor = {
    requirementId: dto?.requirementId ?? null,
    field: dto?.field ?? null,
    quote: dto?.quote || null,
    start: dto?.start || null,
    end: dto?.end || null,
  };
  const problems: DomainErrorDetail[] = [];
  if (anchor.field && isRequirementCommentField(anchor.field) && !anchor.requirementId) {
    problems.push({
      field: 'anchor.requirementId',
      message: `"${anchor.field}" is part of a requirement: say which one in anchor.requirementId.`,
    });
  }
  if (anchor.field && !isRequirementCommentField(anchor.field) && anchor.requirementId) {
    problems.push({
      field: 'anchor.field',
      message: `"${anchor.field}" is about the tender as a whole, not a requirement: leave out anchor.requirementId.`,
    });
  }
  if ((anchor.start === null) !== (anchor.end === null)) {
    problems.push({ field: anchor.start === null ? 'anchor.start' : 'anchor.end', message: 'A range needs both its start and its end.' });
  }
  if ((anchor.quote || anchor.start) && !anchor.field) {
    problems.push({ field: 'anchor.field', message: 'Say which field the quoted text is in.' });
  }
  if (problems.length) {
    throw new ValidationFailedError(
      problems.length === 1 ? `Please check the anchor: ${problems[0].message}` : 'Please check these parts of the anchor.',
      problems,
    );
  }
  return anchor;
}

function excerptOf(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The API's view of a thread; `entries` are the thread's own. */
function toView(thread: CommentThread, entries: TenderComment[], requirements: Map<string, RequirementRef>): CommentThreadView {
  const ref = thread.requirementId ? requirements.get(thread.requirementId) : undefined;
  const own = [...entries].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return {
    id: thread.id,
    tenderId: thread.tenderId,
    status: thread.status,
    anchor: {
      requirementId: thread.requirementId,
      requirementNumber: ref?.number ?? null,
      requirementExcerpt: ref ? ref.excerpt : thread.requirementExcerpt,
      requirementDeleted: thread.requirementId !== null && !ref,
      field: thread.field,
      quote: thread.quote,
      start: thread.anchorStart,
      end: thread.anchorEnd,
    },
    entries: own.map((e) => ({
      id: e.id,
      kind: e.kind,
      author: { id: e.authorId, name: e.authorName },
      body: e.body,
      mentions: e.mentions,
      createdAt: e.createdAt.toISOString(),
    })),
    createdAt: thread.createdAt.toISOString(),
    lastActivityAt: thread.lastActivityAt.toISOString(),
    resolvedBy: thread.resolvedById ? { id: thread.resolvedById, name: thread.resolvedByName ?? '' } : null,
    resolvedAt: thread.resolvedAt?.toISOString() ?? null,
  };
}

/** Now, but always later than the thread's last entry, so a thread's entries have a strict order even within one millisecond. */
function after(last: Date): Date {
  const now = new Date();
  return now.getTime() > last.getTime() ? now : new Date(last.getTime() + 1);
}

function newestActivityFirst(a: CommentThreadView, b: CommentThreadView): number {
  return b.lastActivityAt.localeCompare(a.lastActivityAt) || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
}

function counts(threads: CommentThreadView[], mentionsMe: (t: CommentThreadView) => boolean): CommentCounts {
  const open = threads.filter((t) => t.status === CommentThreadStatus.Open);
  const byRequirement = new Map<string, RequirementCommentCount>();
  for (const t of threads) {
    const id = t.anchor.requirementId;
    if (!id) continue;
    const c = byRequirement.get(id) ?? { requirementId: id, open: 0, total: 0 };
    c.total += 1;
    if (t.status === CommentThreadStatus.Open) c.open += 1;
    byRequirement.set(id, c);
  }
  return {
    open: open.length,
    resolved: threads.length - open.length,
    mentioningMe: threads.filter(mentionsMe).length,
    openMentioningMe: open.filter(mentionsMe).length,
    byRequirement: [...byRequirement.values()],
  };
}
