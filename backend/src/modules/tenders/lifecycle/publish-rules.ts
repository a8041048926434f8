import {
  type PublishBlocker,
  RequirementKind,
  type TenderDetail,
  evaluationRuleProblems,
  responseRuleProblems,
  timetableProblems,
  weightProblems,
} from '@openbrief/contracts';
import { validateTenderContent } from '../content-validation';
import type { LiveRefusal } from '../live-content';
import { toTenderContent } from '../tender.mapper';

export interface PublishContext {
  now: Date;
  /** Above this estimated value, a tender with one lot must say why it is not divided. */
  singleLotReasonAbove: number;
  /** Checker findings of severity error that the buyer has not justified. */
  unjustifiedErrors: { requirementId: string | null; field?: string; rule: string; message: string }[];
  changeNote: string | undefined;
}

/** Everything that stops a tender being published, each with what to fix. Empty means it can go. */
export function publishBlockers(t: TenderDetail, ctx: PublishContext): PublishBlocker[] {
  const b: PublishBlocker[] = [];
  const need = (ok: unknown, code: string, message: string, path?: string) => {
    // Messages may start with an empty "Lot 2: " prefix: every message starts as a sentence does.
    if (!ok) b.push({ code, message: message.charAt(0).toUpperCase() + message.slice(1), ...(path ? { path } : {}) });
  };
  need(
    t.summary.trim(),
    'summary-missing',
    'Write a plain-English summary, so suppliers can tell quickly whether this is for them.',
    'summary',
  );
  need(t.problem.trim(), 'problem-missing', 'Describe the problem to be solved.', 'problem');
  need(t.contact.email, 'contact-missing', 'Give a contact e-mail address for questions.', 'contact.email');

  const deadline = t.timetable.submissionDeadline;
  need(deadline, 'deadline-missing', 'Set a deadline for bids.', 'timetable.submissionDeadline');
  if (deadline)
    need(
      Date.parse(deadline) > ctx.now.getTime(),
      'deadline-past',
      'The deadline for bids has passed: set a later one.',
      'timetable.submissionDeadline',
    );
  for (const p of timetableProblems(t.timetable)) b.push({ code: 'timetable-order', message: p.message, path: `timetable.${p.field}` });
  for (const p of responseRuleProblems(t.responseRules))
    b.push({ code: 'response-rules', message: p.message, path: `responseRules.${p.field}` });

  t.lots.forEach((lot, l) => {
    const where = t.lots.length > 1 ? `Lot ${lot.number}: ` : '';
    need(lot.requirements.length, 'no-requirements', `${where}add at least one requirement.`, `lots[${l}].requirements`);
    lot.requirements.forEach((r, i) =>
      need(
        r.outcome.trim(),
        'requirement-empty',
        `${where}requirement ${lot.number}.${i + 1} has no outcome statement.`,
        `lots[${l}].requirements[${i}].outcome`,
      ),
    );
    const criteria = lot.evaluationModel.criteria;
    need(criteria.length, 'no-criteria', `${where}set the evaluation criteria and their weights.`, `lots[${l}].evaluationModel`);
    for (const w of weightProblems(criteria))
      b.push({ code: 'weights', message: `${where}${w.message}`, path: `lots[${l}].evaluationModel` });
    const terms = { budgetMax: t.budget.max, lengthMonths: t.contract.lengthMonths, currency: t.budget.currency };
    for (const p of evaluationRuleProblems(l, lot.evaluationModel, terms))
      if (!b.some((x) => x.path === p.field && x.message.endsWith(p.message)))
        b.push({ code: 'evaluation-rules', message: p.field.startsWith('lots[') ? `${where}${p.message}` : p.message, path: p.field });
    criteria.forEach((c, i) =>
      need(
        c.weight > 0,
        'unweighted-criterion',
        `${where}criterion "${c.name}" has no weight.`,
        `lots[${l}].evaluationModel.criteria[${i}]`,
      ),
    );
  });

  const value = t.estimatedValue ?? 0;
  if (t.lots.length === 1 && value > ctx.singleLotReasonAbove) {
    need(
      t.singleLotReason?.trim(),
      'single-lot-reason',
      `This tender is worth more than £${ctx.singleLotReasonAbove.toLocaleString('en-GB')} and has a single lot: divide it into lots (easier for small suppliers) or record why not.`,
      'singleLotReason',
    );
  }
  for (const e of ctx.unjustifiedErrors)
    b.push({
      code: `check:${e.rule}`,
      message: `${e.message} Rewrite it, or record why it must stay.`,
      // A finding outside a requirement's outcome names its field by content path (`problem`, `lots[0].description`).
      ...(e.requirementId ? { path: `requirement:${e.requirementId}` } : e.field ? { path: e.field } : {}),
    });
  if (t.publishedVersion > 0) {
    need(
      ctx.changeNote?.trim(),
      'change-note-missing',
      'Say what changed and why: bidders will see this note with the new version.',
      'changeNote',
    );
  }
  return b;
}

/**
 * Values the REST API would refuse, in the stored tender (code `invalid-value`) or typed live and kept
 * out of the tables (code `live-value-refused`): the same rules as a save, so nothing invalid is published.
 */
export function validityBlockers(t: TenderDetail, refused: readonly LiveRefusal[]): PublishBlocker[] {
  const stored = validateTenderContent(toTenderContent(t)).map((p) => ({
    code: 'invalid-value',
    message: `${p.field || 'The tender'}: ${p.message}`,
    ...(p.field ? { path: p.field } : {}),
  }));
  const live = refused.map((r) => ({
    code: 'live-value-refused',
    message: `Live value refused: ${r.field || 'the tender'} — ${r.message.replace(/\.$/, '')}. The last valid value is kept until it is corrected in the editor.`,
    ...(r.field ? { path: r.field } : {}),
  }));
  return [...stored, ...live];
}

/** How much of an outcome a warning quotes to name it. */
const OUTCOME_EXCERPT = 80;

/**
 * What is worth fixing but does not stop publication (severity `warning`): an outcome with no measure of
 * success and no criterion assessing it, so nobody can tell what a good answer is or how it is scored.
 */
export function publishWarnings(t: TenderDetail): PublishBlocker[] {
  const warnings: PublishBlocker[] = [];
  t.lots.forEach((lot, l) => {
    const assessed = new Set(lot.evaluationModel.criteria.flatMap((c) => c.requirementIds));
    lot.requirements.forEach((r, i) => {
      const outcome = r.outcome.replace(/\s+/g, ' ').trim();
      // An empty outcome is already a blocker; constraints and pass/fail requirements are not scored.
      if (r.kind !== RequirementKind.Outcome || !outcome) return;
      if (r.measure.description.trim() || r.measure.target?.trim() || assessed.has(r.id)) return;
      const excerpt = outcome.length > OUTCOME_EXCERPT ? `${outcome.slice(0, OUTCOME_EXCERPT).replace(/\s+\S*$/, '')}…` : outcome;
      warnings.push({
        code: 'outcome-unmeasured',
        severity: 'warning',
        message: `Requirement ${lot.number}.${i + 1} (“${excerpt}”) has no measure of success and no criterion assesses it: say how success will be measured, or choose a criterion that scores it.`,
        path: `lots[${l}].requirements[${i}].measure.description`,
      });
    });
  });
  return warnings;
}
