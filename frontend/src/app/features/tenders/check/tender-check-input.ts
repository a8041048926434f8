import {
  CriterionType,
  RequirementKind,
  type CheckedText,
  type CriterionContent,
  type TenderContent,
  checkedTexts,
} from '@openbrief/contracts';
import {
  type CriterionInput,
  type Finding,
  type Justification,
  RULES,
  type RuleId,
  type TenderCheckInput,
  checkRequirement,
} from '@openbrief/spec-check';
import { locateField } from '../data-access/field-ids';
import { SINGLE_LOT_REASON_ABOVE } from '../ui/editor-options';

/** Where a requirement sits in the tender, for links such as "Requirement 1.3". */
export interface RequirementPlace {
  readonly id: string;
  /** "1.3": lot number, then position in the lot. */
  readonly number: string;
  readonly lotId: string;
  readonly outcome: string;
}

const KIND: Record<CriterionType, CriterionInput['kind']> = {
  [CriterionType.Quality]: 'quality',
  [CriterionType.Price]: 'price',
  [CriterionType.SocialValue]: 'social-value',
};

/** The lot's flat criteria (linked by parentId) as the tree the checker expects. */
export function criteriaTree(criteria: readonly CriterionContent[]): CriterionInput[] {
  const seen = new Set<string>();
  const build = (parent: string | null): CriterionInput[] =>
    criteria
      .filter((c) => (c.parentId ?? null) === parent && !seen.has(c.id) && seen.add(c.id))
      .map((c) => {
        const children = build(c.id);
        return {
          id: c.id,
          title: c.name,
          weight: typeof c.weight === 'number' ? c.weight : undefined,
          kind: KIND[c.type] ?? 'other',
          description: c.description,
          ...(children.length ? { children } : {}),
        };
      });
  return build(null);
}

/** Every requirement with its "lot.position" number, in tender order. */
export function requirementPlaces(content: TenderContent): RequirementPlace[] {
  return (content.lots ?? []).flatMap((lot, l) =>
    (lot.requirements ?? []).map((r, i) => ({ id: r.id, number: `${l + 1}.${i + 1}`, lotId: lot.id, outcome: r.outcome ?? '' })),
  );
}

/**
 * Maps the editor's working copy to the checker's input, the same way the server does on every save
 * (backend SpecCheckService), so the live score here matches the one saved and used at publication.
 */
export function toTenderCheckInput(content: TenderContent): TenderCheckInput {
  const lots = content.lots ?? [];
  const justifications: Justification[] = (content.justifications ?? [])
    .filter((j) => j && j.rule in RULES && typeof j.text === 'string')
    .map((j) => ({ requirementId: j.requirementId, rule: j.rule as RuleId, text: j.text }));
  return {
    requirements: lots.flatMap((lot) =>
      (lot.requirements ?? []).map((r) => ({
        id: r.id,
        text: r.outcome ?? '',
        mandatory: r.kind === RequirementKind.Mandatory,
        passFail: r.kind === RequirementKind.Mandatory,
        lotId: lot.id,
      })),
    ),
    estimatedValue: content.estimatedValue ?? undefined,
    currency: content.budget?.currency || undefined,
    // The checker expects one lot's criteria; with several lots, weights are checked per lot by the publication rules.
    criteria: lots.length === 1 ? criteriaTree(lots[0].evaluationModel?.criteria ?? []) : undefined,
    lots: lots.map((lot) => ({ id: lot.id, title: lot.title, estimatedValue: lot.estimatedValue ?? undefined })),
    singleLotReason: content.singleLotReason ?? undefined,
    passFailDeclared: lots.some((lot) => (lot.requirements ?? []).some((r) => r.kind === RequirementKind.Mandatory)),
    justifications,
    largeTenderValue: SINGLE_LOT_REASON_ABOVE,
  };
}

/** One checked text other than an outcome, with its findings (justified ones marked) and the editor field that holds it. */
export interface FieldFindings {
  readonly text: CheckedText;
  /** The control's DOM id, for links from the findings panel; null if the editor has no such field. */
  readonly fieldId: string | null;
  readonly findings: Finding[];
}

/**
 * Checks every other text a supplier reads (summary, problem, measures, lot and criterion descriptions…) the way
 * the server does before publication (backend SpecCheckService.checkFields): each text on its own, justifications
 * found by the text's key.
 */
export function checkFieldTexts(content: TenderContent): FieldFindings[] {
  const value = content.estimatedValue;
  const context = {
    estimatedValue: typeof value === 'number' && value > 0 ? value : undefined,
    currency: content.budget?.currency || undefined,
  };
  const reasons = new Map((content.justifications ?? []).map((j) => [`${j.requirementId}\u0000${j.rule}`, (j.text ?? '').trim()]));
  return checkedTexts(content).map((text) => ({
    text,
    fieldId: locateField(text.path, content)?.fieldId ?? null,
    findings: checkRequirement(text.text, context).map((f) => {
      const reason = reasons.get(`${text.key}\u0000${f.rule}`);
      return reason ? { ...f, justified: true, justification: reason } : f;
    }),
  }));
}
