import {
  type CriterionAnswer,
  CriterionType,
  type Declaration,
  type MissingItem,
  type PriceLine,
  type PublishedCriterion,
  type PublishedLot,
  type PublishedTenderRecord,
  RequirementKind,
  type ResponseContentInput,
  type ResponsePrice,
  countWords,
  priceLineTotal,
  priceTotal,
  wordsOverLimit,
} from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import type { DomainErrorDetail } from '../../../common/errors/domain.error';

/** What a draft holds, sealed as one blob: the supplier's words and numbers, and nothing computed from the tender. */
export interface DraftContent {
  answers: { criterionId: string; text: string }[];
  declarations: { requirementId: string; meets: boolean | null; evidence: string }[];
  priceLines: PriceLine[];
}

export const EMPTY_DRAFT: DraftContent = { answers: [], declarations: [], priceLines: [] };

/** A line total must stay a number JavaScript holds to the penny. */
const MAX_LINE_TOTAL = Math.floor(Number.MAX_SAFE_INTEGER / 100);

/**
 * The criteria that ask the supplier a question: quality and social-value criteria with no sub-criteria (a parent
 * such as "Quality" only groups its questions; price is answered by the price breakdown).
 */
export function questionCriteria(lot: PublishedLot): PublishedCriterion[] {
  const criteria = lot.evaluationModel.criteria;
  const parents = new Set(criteria.map((c) => c.parentId).filter((p): p is string => p !== null));
  return criteria.filter((c) => c.type !== CriterionType.Price && !parents.has(c.id)).sort((a, b) => a.order - b.order);
}

/** Pass/fail requirements: each needs a yes/no declaration. */
export function mandatoryRequirements(lot: PublishedLot) {
  return lot.requirements.filter((r) => r.kind === RequirementKind.Mandatory).sort((a, b) => a.order - b.order);
}

/** What is wrong with a save against this lot, by field; empty when it may be written. */
export function contentProblems(input: ResponseContentInput, lot: PublishedLot): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  const criteria = new Set(questionCriteria(lot).map((c) => c.id));
  const requirements = new Set(mandatoryRequirements(lot).map((r) => r.id));
  const seen = new Set<string>();
  input.answers.forEach((a, i) => {
    if (!criteria.has(a.criterionId))
      problems.push({ field: `answers.${i}.criterionId`, message: 'That is not a question of this lot: reload the tender and try again.' });
    else if (seen.has(a.criterionId)) problems.push({ field: `answers.${i}.criterionId`, message: 'Each question can be answered once.' });
    seen.add(a.criterionId);
  });
  input.declarations.forEach((d, i) => {
    if (!requirements.has(d.requirementId))
      problems.push({
        field: `declarations.${i}.requirementId`,
        message: 'That is not a pass/fail requirement of this lot: reload the tender and try again.',
      });
    else if (seen.has(d.requirementId))
      problems.push({ field: `declarations.${i}.requirementId`, message: 'Each requirement can be declared once.' });
    seen.add(d.requirementId);
  });
  const lineIds = new Set<string>();
  input.priceLines.forEach((l, i) => {
    if (l.id !== undefined && lineIds.has(l.id))
      problems.push({ field: `priceLines.${i}.id`, message: 'Each price line needs its own id.' });
    if (l.id !== undefined) lineIds.add(l.id);
    if (priceLineTotal(l.quantity, l.unitPrice) > MAX_LINE_TOTAL)
      problems.push({ field: `priceLines.${i}`, message: 'This line’s total is too large: check the quantity and unit price.' });
  });
  return problems;
}

/** The draft as stored: totals computed here (never typed), each price line with a lasting id. */
export function toDraft(input: ResponseContentInput): DraftContent {
  return {
    answers: input.answers.map((a) => ({ criterionId: a.criterionId, text: a.text })),
    declarations: input.declarations.map((d) => ({ requirementId: d.requirementId, meets: d.meets, evidence: d.evidence })),
    priceLines: input.priceLines.map((l) => ({
      id: l.id ?? randomUUID(),
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      total: priceLineTotal(l.quantity, l.unitPrice),
    })),
  };
}

/** The draft laid over the lot it answers: one answer per question, one declaration per pass/fail requirement, in the tender's order. */
export function presentDraft(
  draft: DraftContent,
  lot: PublishedLot,
  record: PublishedTenderRecord,
): { answers: CriterionAnswer[]; declarations: Declaration[]; price: ResponsePrice; missing: MissingItem[] } {
  const answers = questionCriteria(lot).map((c): CriterionAnswer => {
    const text = draft.answers.find((a) => a.criterionId === c.id)?.text ?? '';
    return {
      criterionId: c.id,
      text,
      criterionName: c.name,
      wordLimit: c.wordLimit,
      wordCount: countWords(text),
      wordsOverLimit: wordsOverLimit(text, c.wordLimit),
    };
  });
  const declarations = mandatoryRequirements(lot).map((r): Declaration => {
    const d = draft.declarations.find((x) => x.requirementId === r.id);
    return { requirementId: r.id, meets: d?.meets ?? null, evidence: d?.evidence ?? '', requirementOutcome: r.outcome };
  });
  const price: ResponsePrice = {
    lines: draft.priceLines.map((l) => ({ ...l })),
    total: priceTotal(draft.priceLines),
    currency: record.content.budget.currency,
    vatBasis: record.content.budget.vatBasis,
  };
  const missing: MissingItem[] = [
    ...answers
      .filter((a) => !a.text.trim())
      .map((a): MissingItem => ({ kind: 'answer', id: a.criterionId, label: `Answer the question ‘${a.criterionName}’` })),
    ...declarations
      .filter((d) => d.meets === null)
      .map((d): MissingItem => ({
        kind: 'declaration',
        id: d.requirementId,
        label: `Say whether you meet ‘${shorten(d.requirementOutcome)}’`,
      })),
  ];
  if (!price.lines.length) missing.push({ kind: 'price', id: null, label: 'Add at least one line to your price' });
  else if (price.lines.some((l) => !l.description.trim()))
    missing.push({ kind: 'price', id: null, label: 'Describe what each price line is for' });
  return { answers, declarations, price, missing };
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
