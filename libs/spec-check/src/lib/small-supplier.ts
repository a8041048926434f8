import { checkRequirement, checkTender } from './check';
import { readingAge } from './rules/readability';
import type { CriterionInput, Finding, RuleId, TenderCheckInput } from './types';

/**
 * Whether a published tender is suitable for small suppliers, and why: derived from what the checker finds, so
 * the public list's filter and the tender page's openness panel say the same thing. Framework-free, so the
 * server (at publication) and a database migration (backfilling older tenders) run exactly this.
 */

/** The documented limits of the tests below. */
export const SMALL_SUPPLIER_LIMITS = {
  /**
   * Above this estimated value (in the tender's currency) a tender should be divided into lots: either more than
   * one lot, or no lot (and no single-lot tender) worth more than this. The Procurement Act 2023 s18 asks buyers
   * to consider lots; £2 million is the point above which one contract is out of most small firms' reach.
   */
  largeValue: 2_000_000,
  /** The highest reading age (years) of the texts suppliers read: the checker's own `tender.reading-age` limit. */
  readingAge: 16,
} as const;

export type SmallSupplierTest = 'thresholds' | 'lots' | 'reading-age' | 'procedure';

/** One test and whether the tender passes it, in plain English (the shape of contracts' SmeSuitabilityReason). */
export interface SmallSupplierReason {
  test: SmallSupplierTest;
  met: boolean;
  text: string;
}

/** The checker's verdict on a tender, for the public (the shape of contracts' TenderOpenness). */
export interface SmallSupplierVerdict {
  /** The checker's openness score, 0–100. */
  score: number;
  /** Reading age (years) of every text suppliers read; null when there is no text. */
  readingAge: number | null;
  suitableForSmallSuppliers: boolean;
  reasons: SmallSupplierReason[];
}

/**
 * The parts of a published tender the tests read. Structural, so a published record's content (or the API's
 * TenderDetail) fits as it is; enum values are compared as the strings they are.
 */
export interface SmallSupplierTender {
  estimatedValue: number | null;
  budget: { currency: string };
  /** `open`, `competitive_flexible`, `below_threshold` or `framework_call_off`. */
  procedure: string;
  singleLotReason: string | null;
  justifications: readonly { requirementId: string; rule: string; text: string }[];
  lots: readonly {
    id: string;
    title: string;
    estimatedValue: number | null;
    requirements: readonly { id: string; kind: string; outcome: string }[];
    evaluationModel: {
      criteria: readonly { id: string; parentId: string | null; name: string; type: string; weight: number; description: string }[];
    };
  }[];
}

/** A text suppliers read besides the requirement outcomes, with the key justifications name it by (contracts' checkedTexts). */
export interface SmallSupplierText {
  key: string;
  text: string;
}

export interface SmallSupplierOptions {
  /** Value above which a single lot needs a reason, for the checker's own single-lot rule (the server's SINGLE_LOT_REASON_ABOVE). */
  largeTenderValue?: number;
}

/** Procedures any supplier may take part in: open, competitive flexible (any supplier may ask to take part), and below-threshold (no restricted first stage). */
const OPEN_PROCEDURES: Readonly<Record<string, string>> = {
  open: 'an open procedure',
  competitive_flexible: 'a competitive flexible procedure',
  below_threshold: 'a below-threshold procedure open to any supplier',
};

const KIND: Readonly<Record<string, CriterionInput['kind']>> = { quality: 'quality', price: 'price', social_value: 'social-value' };

/** The checker's input for a tender, as the server builds it for the editor and the publication check. */
export function smallSupplierCheckInput(t: SmallSupplierTender, options: SmallSupplierOptions = {}): TenderCheckInput {
  const criteria = t.lots.flatMap((lot) => {
    const all = lot.evaluationModel.criteria;
    const build = (parentId: string | null): CriterionInput[] =>
      all
        .filter((c) => c.parentId === parentId)
        .map((c) => ({ id: c.id, title: c.name, weight: c.weight, kind: KIND[c.type], description: c.description, children: build(c.id) }));
    return build(null);
  });
  return {
    requirements: t.lots.flatMap((lot) =>
      lot.requirements.map((r) => ({
        id: r.id,
        text: r.outcome,
        lotId: lot.id,
        mandatory: r.kind === 'mandatory',
        passFail: r.kind === 'mandatory',
      })),
    ),
    estimatedValue: t.estimatedValue ?? undefined,
    currency: t.budget.currency,
    criteria: t.lots.length === 1 ? criteria : undefined,
    lots: t.lots.map((l) => ({ id: l.id, title: l.title, estimatedValue: l.estimatedValue ?? undefined })),
    singleLotReason: t.singleLotReason ?? undefined,
    passFailDeclared: t.lots.some((l) => l.requirements.some((r) => r.kind === 'mandatory')),
    justifications: t.justifications.map((j) => ({ requirementId: j.requirementId, rule: j.rule as RuleId, text: j.text })),
    largeTenderValue: options.largeTenderValue,
  };
}

/**
 * The verdict: every test must be met. `texts` are the other texts suppliers read (summary, problem, lot and
 * criterion descriptions…); they are checked as the publication check checks them, with their justifications.
 */
export function smallSupplierVerdict(
  tender: SmallSupplierTender,
  texts: readonly SmallSupplierText[],
  options: SmallSupplierOptions = {},
): SmallSupplierVerdict {
  const result = checkTender(smallSupplierCheckInput(tender, options));
  const context = { estimatedValue: tender.estimatedValue ?? undefined, currency: tender.budget.currency };
  const justified = new Set(tender.justifications.filter((j) => j.text.trim()).map((j) => `${j.requirementId}\u0000${j.rule}`));
  const fieldFindings = texts.flatMap((t) =>
    checkRequirement(t.text, context).map((f) => (justified.has(`${t.key}\u0000${f.rule}`) ? { ...f, justified: true } : f)),
  );
  const findings = [...result.requirements.flatMap((r) => r.findings), ...result.tenderFindings, ...fieldFindings];
  const age = readingAge(supplierText(tender, texts));
  const reasons = [thresholds(findings), lots(tender), readingAgeReason(age), procedure(tender.procedure)];
  return { score: result.openness.score, readingAge: age, suitableForSmallSuppliers: reasons.every((r) => r.met), reasons };
}

function thresholds(findings: readonly Finding[]): SmallSupplierReason {
  const flagged = findings.filter((f) => f.category === 'threshold' && f.severity !== 'info' && !f.justified);
  if (flagged.length === 0) {
    return {
      test: 'thresholds',
      met: true,
      text: 'It asks for no turnover, insurance or experience level out of proportion to the contract, or gives a reason for each one it asks for.',
    };
  }
  const what = [...new Set(flagged.map((f) => THRESHOLD_WORDS[f.rule] ?? 'a requirement on the supplier'))];
  return {
    test: 'thresholds',
    met: false,
    text: `It asks for ${list(what)} without a recorded reason, which can shut out small suppliers.`,
  };
}

const THRESHOLD_WORDS: Partial<Record<RuleId, string>> = {
  'threshold.turnover-excessive': 'a minimum turnover',
  'threshold.turnover-unverified': 'a minimum turnover',
  'threshold.years-trading': 'a number of years trading',
  'threshold.headcount': 'a number of staff',
  'threshold.previous-authority': 'past work for a public body',
  'threshold.sector-experience': 'experience in the sector',
  'threshold.insurance-at-bid': 'insurance in place before the contract is awarded',
  'threshold.audited-accounts': 'audited accounts',
  'threshold.local-presence': 'a local office',
  'threshold.financial-ratio': 'a financial ratio',
};

function lots(t: SmallSupplierTender): SmallSupplierReason {
  const limit = SMALL_SUPPLIER_LIMITS.largeValue;
  const money = `£${limit.toLocaleString('en-GB')}`;
  if (t.lots.length > 1) {
    return { test: 'lots', met: true, text: `It is divided into ${t.lots.length} lots, so a supplier can bid for part of it.` };
  }
  const values = [t.estimatedValue, ...t.lots.map((l) => l.estimatedValue)].filter((v): v is number => v !== null);
  const largest = values.length ? Math.max(...values) : null;
  if (largest === null) return { test: 'lots', met: true, text: 'It gives no estimated value, so no size limit applies.' };
  if (largest <= limit)
    return { test: 'lots', met: true, text: `It is worth ${money} or less, so one contract is within reach of a small supplier.` };
  return {
    test: 'lots',
    met: false,
    text: `It is worth more than ${money} and is not divided into lots, so only a large supplier can bid for all of it.`,
  };
}

function readingAgeReason(age: number | null): SmallSupplierReason {
  const limit = SMALL_SUPPLIER_LIMITS.readingAge;
  if (age === null) return { test: 'reading-age', met: true, text: 'It has too little text to measure its reading age.' };
  const shown = Math.round(age);
  return age <= limit
    ? { test: 'reading-age', met: true, text: `It reads at about age ${shown}, at or below the limit of ${limit}.` }
    : {
        test: 'reading-age',
        met: false,
        text: `It reads at about age ${shown}, above the limit of ${limit}: long sentences and hard words slow readers down.`,
      };
}

function procedure(value: string): SmallSupplierReason {
  const words = OPEN_PROCEDURES[value];
  return words
    ? { test: 'procedure', met: true, text: `It uses ${words}, so any supplier can take part.` }
    : { test: 'procedure', met: false, text: 'Only suppliers already on a framework can take part.' };
}

/** Every text suppliers read, as sentences, for one reading age: the outcomes, then the other texts. */
function supplierText(t: SmallSupplierTender, texts: readonly SmallSupplierText[]): string {
  const all = [...t.lots.flatMap((l) => l.requirements.map((r) => r.outcome)), ...texts.map((x) => x.text)];
  return all
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => (/[.!?]$/.test(s) ? s : `${s}.`))
    .join('\n');
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
