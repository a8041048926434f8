import {
  DEFAULT_RESPONSE_RULES,
  type FieldDiff,
  ITL_REGIONS,
  type FindingJustification,
  JURISDICTION_FIELD,
  JURISDICTION_LABELS,
  Jurisdiction,
  type LotContent,
  PROCUREMENT_CATEGORY_LABELS,
  ProcurementCategory,
  RESPONSE_RULE_FIELDS,
  type TenderContent,
  attachmentRuleText,
} from '@openbrief/contracts';
import { RULES, checkRequirement, type RuleId } from '@openbrief/spec-check';
import { diffWords } from 'diff';
import {
  KIND_LABELS,
  PRIORITY_LABELS,
  PROCEDURE_LABELS,
  REQUIREMENT_LABELS,
  SCALE_LABELS,
  TOP_LEVEL_LABELS,
  VAT_LABELS,
  priceMethodLabel,
  timetableLabel,
} from './history-labels';
import { evaluationRuleFields } from './evaluation-history';
import { formatMoney, formatUkDateTime } from './uk-format';

interface Field {
  label: string;
  value: string;
  /** Label when the field is new or gone, if "(added)"/"(removed)" after the label would not read well. */
  added?: string;
  removed?: string;
}

/** Region names in the ITL order (however the list was ticked), or "Anywhere in the UK" for none. */
function regionsText(codes: readonly string[]): string {
  if (!codes.length) return 'Anywhere in the UK';
  return ITL_REGIONS.filter((r) => codes.includes(r.code))
    .map((r) => r.name)
    .join(', ');
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const joined = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim()).join(', ');

/**
 * Flattens content to labelled fields, keyed by stable paths (ids, not positions), so a reordered
 * requirement is one "moved" change rather than a cascade of edits. Labels are the editor's words and
 * values are as a buyer reads them: dates in UK time, money with its currency, codes in words.
 */
export function flattenContent(c: TenderContent): Map<string, Field> {
  const out = new Map<string, Field>();
  const put = (path: string, label: string, value: unknown, extra: Omit<Field, 'label' | 'value'> = {}) =>
    out.set(path, { label, value: text(value), ...extra });
  const currency = c.budget?.currency || 'GBP';
  const money = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? formatMoney(v, currency) : '');

  for (const key of ['title', 'summary', 'problem', 'users', 'workDone', 'constraints', 'location', 'singleLotReason'] as const)
    put(key, TOP_LEVEL_LABELS[key], c[key]);
  // Revisions saved before the classification and engagement texts existed meant services, anywhere, nothing said.
  const category = c.mainCategory ?? ProcurementCategory.Services;
  put('mainCategory', TOP_LEVEL_LABELS.mainCategory, PROCUREMENT_CATEGORY_LABELS[category] ?? category);
  put('regions', TOP_LEVEL_LABELS.regions, regionsText(c.regions ?? []));
  put('engagementSummary', TOP_LEVEL_LABELS.engagementSummary, c.engagementSummary ?? '');
  put('noEngagementReason', TOP_LEVEL_LABELS.noEngagementReason, c.noEngagementReason ?? '');
  put('procedure', TOP_LEVEL_LABELS.procedure, PROCEDURE_LABELS[c.procedure] ?? c.procedure);
  put('estimatedValue', TOP_LEVEL_LABELS.estimatedValue, money(c.estimatedValue));
  put('budget', 'Budget', budgetText(money(c.budget.min), money(c.budget.max), VAT_LABELS[c.budget.vatBasis] ?? c.budget.vatBasis));
  put(
    'contract.lengthMonths',
    'Contract length',
    c.contract.lengthMonths === null ? '' : `${c.contract.lengthMonths} ${c.contract.lengthMonths === 1 ? 'month' : 'months'}`,
  );
  put('contract.extensionOptions', 'Extension options', c.contract.extensionOptions);
  // Revisions saved before the jurisdiction existed were all under the law of England and Wales.
  const jurisdiction = c.contract.jurisdiction ?? Jurisdiction.EnglandAndWales;
  put('contract.jurisdiction', JURISDICTION_FIELD.label, JURISDICTION_LABELS[jurisdiction] ?? jurisdiction);
  for (const [k, v] of Object.entries(c.timetable))
    put(`timetable.${k}`, timetableLabel(k), typeof v === 'string' && v ? formatUkDateTime(v) : '');
  put('contact', 'Contact for questions', joined(c.contact.name, c.contact.email, c.contact.phone));
  // Revisions saved before the response rules existed held what the defaults say, so they read as the defaults.
  const rules = c.responseRules ?? DEFAULT_RESPONSE_RULES;
  put('responseRules.attachments', 'Attachments', attachmentRuleText(rules));
  put('responseRules.twoPersonOpening', RESPONSE_RULE_FIELDS.twoPersonOpening.label, rules.twoPersonOpening ? 'Yes' : 'No');

  const several = c.lots.length > 1;
  c.lots.forEach((lot, l) => {
    const lp = `lots/${lot.id}`;
    const ln = several ? `Lot ${l + 1}` : 'Lot';
    put(`${lp}/title`, `${ln} title`, lot.title);
    put(`${lp}/description`, `${ln} description`, lot.description);
    put(`${lp}/estimatedValue`, `${ln} estimated value`, money(lot.estimatedValue));
    lot.requirements.forEach((r, i) => {
      const rp = `${lp}/requirements/${r.id}`;
      const rn = `Requirement ${l + 1}.${i + 1}`;
      const part = (key: keyof typeof REQUIREMENT_LABELS, value: unknown) =>
        put(`${rp}/${key}`, `${rn}: ${REQUIREMENT_LABELS[key]}`, value);
      put(`${rp}/position`, `${rn}: ${REQUIREMENT_LABELS.position}`, rn, { added: `${rn} (added)`, removed: `${rn} (deleted)` });
      part('heading', r.heading);
      part('kind', `${KIND_LABELS[r.kind] ?? r.kind}, ${PRIORITY_LABELS[r.priority] ?? r.priority}`);
      part('outcome', r.outcome);
      part('whyItMatters', r.whyItMatters);
      part('measure', r.measure.description);
      part('baseline', r.measure.baseline);
      part('target', r.measure.target);
      part('unit', r.measure.unit);
      part('roomForProposals', r.roomForProposals);
      part('justification', r.justification);
    });
    const m = lot.evaluationModel;
    put(
      `${lp}/model`,
      several ? `${ln}: how bids are scored` : 'How bids are scored',
      joined(
        SCALE_LABELS[m.scale] ?? m.scale,
        m.minimumQualityPercent === null ? null : `minimum quality ${m.minimumQualityPercent}%`,
        priceMethodLabel(m.priceMethod),
      ),
    );
    for (const rule of evaluationRuleFields(m, money))
      put(`${lp}/rules/${rule.key}`, several ? `${ln}: ${lowerFirst(rule.label)}` : rule.label, rule.value);
    put(
      `${lp}/descriptors`,
      several ? `${ln}: what each score means` : 'What each score means',
      m.descriptors.map((d) => `${d.score} ${d.label}: ${d.description}`).join('\n'),
    );
    const numbers = requirementNumbers(lot, l);
    m.criteria.forEach((cr) => {
      const assesses = cr.requirementIds.map((id) => numbers.get(id)).filter(Boolean);
      put(
        `${lp}/criteria/${cr.id}`,
        `${several ? `${ln} criterion` : 'Criterion'} “${cr.name}”`,
        `${cr.name}: ${cr.weight}%${cr.wordLimit ? `, ${cr.wordLimit} words` : ''}. ${cr.description}${assesses.length ? ` Assesses requirement ${assesses.join(', ')}.` : ''}`.trim(),
      );
    });
  });

  for (const j of c.justifications ?? []) {
    const where = requirementPlace(c, j.requirementId);
    const what = justifiedWords(c, j);
    const about = `${what}${where ? ` in ${where}` : ''}`;
    put(`justifications/${j.requirementId}/${j.rule}`, `Justified: ${about}`, j.text, {
      added: `Justified: ${about}`,
      removed: `Justification withdrawn: ${about}`,
    });
  }
  return out;
}

/** Labels of the fields that differ between two versions of the content. */
export function changedFields(before: TenderContent | null, after: TenderContent): string[] {
  return compareContent(before, after).map((d) => d.label);
}

/** Field-by-field, word-level comparison of two versions of a tender's content. */
export function compareContent(before: TenderContent | null, after: TenderContent): FieldDiff[] {
  const a = before ? flattenContent(before) : new Map<string, Field>();
  const b = flattenContent(after);
  const diffs: FieldDiff[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(path);
    const y = b.get(path);
    const beforeText = x?.value ?? '';
    const afterText = y?.value ?? '';
    if (beforeText === afterText) continue;
    diffs.push({
      path,
      label: y && x ? y.label : y ? (y.added ?? `${y.label} (added)`) : (x!.removed ?? `${x!.label} (removed)`),
      before: beforeText,
      after: afterText,
      parts: diffWords(beforeText, afterText).map((p) => ({
        value: p.value,
        ...(p.added ? { added: true } : {}),
        ...(p.removed ? { removed: true } : {}),
      })),
    });
  }
  return diffs;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function budgetText(min: string, max: string, vat: string): string {
  if (min && max) return `${min} to ${max}, ${vat}`;
  if (max) return `Up to ${max}, ${vat}`;
  if (min) return `From ${min}, ${vat}`;
  return '';
}

function requirementNumbers(lot: LotContent, l: number): Map<string, string> {
  return new Map(lot.requirements.map((r, i) => [r.id, `${l + 1}.${i + 1}`]));
}

function requirementPlace(c: TenderContent, id: string): string | null {
  for (const [l, lot] of c.lots.entries()) {
    const i = lot.requirements.findIndex((r) => r.id === id);
    if (i >= 0) return `Requirement ${l + 1}.${i + 1}`;
  }
  return null;
}

/**
 * What the justification accepts, in the buyer's words: the passage the checker flagged ("ISO 27001")
 * when the requirement still contains it, else the rule's title.
 */
function justifiedWords(c: TenderContent, j: FindingJustification): string {
  const outcome = c.lots.flatMap((lot) => lot.requirements).find((r) => r.id === j.requirementId)?.outcome ?? '';
  const finding = checkRequirement(outcome).find((f) => f.rule === j.rule && f.end > f.start);
  if (finding) return `“${outcome.slice(finding.start, finding.end).trim()}”`;
  return `“${RULES[j.rule as RuleId]?.title ?? j.rule}”`;
}
