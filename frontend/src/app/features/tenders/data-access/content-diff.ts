import {
  EVALUATION_RULE_FIELDS,
  EvaluationRules,
  ITL_REGIONS,
  ItlRegion,
  JURISDICTION_FIELD,
  JURISDICTION_LABELS,
  Jurisdiction,
  MAIN_CATEGORY_FIELD,
  PRICE_PARAMETER_FIELDS,
  PROCUREMENT_CATEGORY_LABELS,
  ProcurementCategory,
  REGIONS_FIELD,
  PriceParameters,
  RESPONSE_RULE_FIELDS,
  RequirementContent,
  TENDER_FIELDS,
  ResponseRules,
  TIE_BREAK_LABELS,
  TenderContent,
  TieBreakRule,
  Timetable,
  TIMETABLE_LABELS,
} from '@openbrief/contracts';
import { formatUkDate } from '../../../shared/pipes/uk-date.pipe';
import { addRequirements, updateCriterion, updateLot, updateMeasure, updateRequirement, withRules } from './content-ops';

/**
 * One of the buyer's own edits that is not in the version now on the server (after someone else
 * saved first). The buyer can read it, copy it, or put it back with `apply`.
 */
export interface UnsavedChange {
  readonly key: string;
  readonly label: string;
  readonly mine: string;
  readonly theirs: string;
  /** Puts the buyer's value into a working copy; null when what it belonged to has gone. */
  readonly apply: ((c: TenderContent) => TenderContent) | null;
}

interface Accessor {
  key: string;
  label: string;
  get(c: TenderContent): unknown;
  set(c: TenderContent, value: unknown): TenderContent;
  show?(value: unknown): string;
  /** The requirement a field belongs to. */
  requirementId?: string;
}

const TOP: [keyof TenderContent, string][] = [
  ['title', 'Title'],
  ['summary', 'Summary'],
  ['problem', 'The problem'],
  ['users', 'Who the users are'],
  ['workDone', 'What has been tried already'],
  ['constraints', 'Constraints'],
  ['estimatedValue', 'Estimated value'],
  ['location', 'Location'],
  ['procedure', 'Procedure'],
  ['singleLotReason', 'Why the tender is not divided into lots'],
  ['engagementSummary', TENDER_FIELDS.engagementSummary.label],
  ['noEngagementReason', TENDER_FIELDS.noEngagementReason.label],
];

/** Region names in the ITL order, however they were ticked; none: anywhere in the UK. */
const showRegions = (v: unknown): string => {
  const codes = Array.isArray(v) ? (v as string[]) : [];
  return codes.length
    ? ITL_REGIONS.filter((r) => codes.includes(r.code))
        .map((r) => r.name)
        .join(', ')
    : 'Anywhere in the UK';
};

const REQUIREMENT_FIELDS: [string, string][] = [
  ['outcome', 'outcome'],
  ['whyItMatters', 'why it matters'],
  ['measure.description', 'measure'],
  ['measure.baseline', 'baseline'],
  ['measure.target', 'target'],
  ['measure.unit', 'unit'],
  ['roomForProposals', 'room for proposals'],
  ['heading', 'group heading'],
  ['kind', 'type'],
  ['priority', 'priority'],
  ['justification', 'why it must be specific'],
];

const showRule = (value: unknown): string => {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value === null || value === undefined) return '';
  return TIE_BREAK_LABELS[value as TieBreakRule] ?? String(value);
};

type RuleKey = Exclude<keyof EvaluationRules, 'price'>;

const showDate = (value: unknown) => (typeof value === 'string' && value ? formatUkDate(value) : '');

function accessors(mine: TenderContent): Accessor[] {
  const list: Accessor[] = TOP.map(([key, label]) => ({
    key,
    label,
    get: (c) => c[key],
    set: (c, v) => ({ ...c, [key]: v }),
  }));
  list.push(
    {
      key: 'budget.min',
      label: 'Budget: lowest',
      get: (c) => c.budget.min,
      set: (c, v) => ({ ...c, budget: { ...c.budget, min: v as number | null } }),
    },
    {
      key: 'budget.max',
      label: 'Budget: highest',
      get: (c) => c.budget.max,
      set: (c, v) => ({ ...c, budget: { ...c.budget, max: v as number | null } }),
    },
    {
      key: 'budget.vatBasis',
      label: 'VAT',
      get: (c) => c.budget.vatBasis,
      set: (c, v) => ({ ...c, budget: { ...c.budget, vatBasis: v as TenderContent['budget']['vatBasis'] } }),
    },
    {
      key: 'contract.lengthMonths',
      label: 'Contract length',
      get: (c) => c.contract.lengthMonths,
      set: (c, v) => ({ ...c, contract: { ...c.contract, lengthMonths: v as number | null } }),
    },
    {
      key: 'contract.extensionOptions',
      label: 'Extension options',
      get: (c) => c.contract.extensionOptions,
      set: (c, v) => ({ ...c, contract: { ...c.contract, extensionOptions: v as string } }),
    },
    {
      key: 'mainCategory',
      label: MAIN_CATEGORY_FIELD.label,
      get: (c) => c.mainCategory,
      set: (c, v) => ({ ...c, mainCategory: v as ProcurementCategory }),
      show: (v) => PROCUREMENT_CATEGORY_LABELS[v as ProcurementCategory] ?? '',
    },
    {
      key: 'regions',
      label: REGIONS_FIELD.label,
      // Compared as sets: ticking the same regions in another order is no change.
      get: (c) => ITL_REGIONS.filter((r) => (c.regions ?? []).includes(r.code)).map((r) => r.code),
      set: (c, v) => ({ ...c, regions: [...(v as ItlRegion[])] }),
      show: showRegions,
    },
    {
      key: 'contract.jurisdiction',
      label: JURISDICTION_FIELD.label,
      get: (c) => c.contract.jurisdiction,
      set: (c, v) => ({ ...c, contract: { ...c.contract, jurisdiction: v as Jurisdiction } }),
      show: (v) => JURISDICTION_LABELS[v as Jurisdiction] ?? '',
    },
    {
      key: 'contact.name',
      label: 'Contact name',
      get: (c) => c.contact.name,
      set: (c, v) => ({ ...c, contact: { ...c.contact, name: v as string } }),
    },
    {
      key: 'contact.email',
      label: 'Contact e-mail',
      get: (c) => c.contact.email,
      set: (c, v) => ({ ...c, contact: { ...c.contact, email: v as string } }),
    },
    {
      key: 'contact.phone',
      label: 'Contact phone',
      get: (c) => c.contact.phone,
      set: (c, v) => ({ ...c, contact: { ...c.contact, phone: v as string | null } }),
    },
  );
  for (const key of Object.keys(TIMETABLE_LABELS) as (keyof Timetable)[]) {
    list.push({
      key: `timetable.${key}`,
      label: TIMETABLE_LABELS[key],
      get: (c) => c.timetable[key],
      set: (c, v) => ({ ...c, timetable: { ...c.timetable, [key]: v } }),
      show: showDate,
    });
  }
  for (const key of Object.keys(RESPONSE_RULE_FIELDS) as (keyof ResponseRules)[]) {
    list.push({
      key: `responseRules.${key}`,
      label: RESPONSE_RULE_FIELDS[key].label,
      get: (c) => c.responseRules[key],
      set: (c, v) => ({ ...c, responseRules: { ...c.responseRules, [key]: v } }),
      show: (v) => (typeof v === 'boolean' ? (v ? 'Yes' : 'No') : String(v ?? '')),
    });
  }
  mine.lots.forEach((lot, l) => {
    const lotOf = (c: TenderContent) => c.lots.find((x) => x.id === lot.id);
    const lotName = mine.lots.length > 1 ? `Lot ${l + 1}` : 'Lot';
    for (const [field, label] of [
      ['title', 'title'],
      ['description', 'description'],
      ['estimatedValue', 'estimated value'],
    ] as const) {
      list.push({
        key: `lot.${lot.id}.${field}`,
        label: `${lotName} ${label}`,
        get: (c) => lotOf(c)?.[field],
        set: (c, v) => updateLot(c, lot.id, (x) => ({ ...x, [field]: v })),
      });
    }
    lot.requirements.forEach((r, i) => {
      const reqOf = (c: TenderContent) => lotOf(c)?.requirements.find((x) => x.id === r.id);
      for (const [path, label] of REQUIREMENT_FIELDS) {
        const [head, sub] = path.split('.') as [keyof RequirementContent, string | undefined];
        list.push({
          requirementId: r.id,
          key: `req.${r.id}.${path}`,
          label: `Requirement ${l + 1}.${i + 1}: ${label}`,
          get: (c) => {
            const req = reqOf(c);
            return sub ? (req?.measure as unknown as Record<string, unknown> | undefined)?.[sub] : req?.[head];
          },
          set: (c, v) => (sub ? updateMeasure(c, lot.id, r.id, { [sub]: v }) : updateRequirement(c, lot.id, r.id, { [head]: v })),
        });
      }
    });
    const modelOf = (c: TenderContent) => lotOf(c)?.evaluationModel;
    for (const key of Object.keys(EVALUATION_RULE_FIELDS) as RuleKey[]) {
      list.push({
        key: `rules.${lot.id}.${key}`,
        label: `${lotName}: ${EVALUATION_RULE_FIELDS[key].label}`,
        get: (c) => modelOf(c)?.rules[key],
        set: (c, v) =>
          updateLot(c, lot.id, (x) => ({
            ...x,
            evaluationModel: { ...x.evaluationModel, rules: withRules(x.evaluationModel.rules, { [key]: v }) },
          })),
        show: showRule,
      });
    }
    for (const key of Object.keys(PRICE_PARAMETER_FIELDS) as (keyof PriceParameters)[]) {
      list.push({
        key: `rules.${lot.id}.price.${key}`,
        label: `${lotName}: ${PRICE_PARAMETER_FIELDS[key].label}`,
        get: (c) => modelOf(c)?.rules.price[key],
        set: (c, v) =>
          updateLot(c, lot.id, (x) => ({
            ...x,
            evaluationModel: { ...x.evaluationModel, rules: withRules(x.evaluationModel.rules, { price: { [key]: v } }) },
          })),
      });
    }
    for (const cr of lot.evaluationModel.criteria) {
      const critOf = (c: TenderContent) => lotOf(c)?.evaluationModel.criteria.find((x) => x.id === cr.id);
      const name = cr.name || 'criterion';
      for (const [field, label] of [
        ['name', 'name'],
        ['weight', 'weight'],
        ['description', 'description'],
        ['wordLimit', 'word limit'],
      ] as const) {
        list.push({
          key: `crit.${cr.id}.${field}`,
          label: `${lotName} criterion “${name}”: ${label}`,
          get: (c) => critOf(c)?.[field],
          set: (c, v) => updateCriterion(c, lot.id, cr.id, { [field]: v }),
        });
      }
    }
  });
  return list;
}

const same = (a: unknown, b: unknown) => (a ?? '') === (b ?? '') || JSON.stringify(a) === JSON.stringify(b);
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * The buyer's edits (since `base`, the last version they saw saved) that differ from `theirs`.
 * Without a base, every difference from `theirs` counts.
 */
export function unsavedChanges(base: TenderContent | null, mine: TenderContent, theirs: TenderContent): UnsavedChange[] {
  const changes: UnsavedChange[] = [];
  const hasRequirement = (c: TenderContent | null, id: string) => !!c?.lots.some((x) => x.requirements.some((y) => y.id === id));
  for (const a of accessors(mine)) {
    // A requirement only the buyer has is offered whole, below.
    if (a.requirementId && !hasRequirement(base, a.requirementId) && !hasRequirement(theirs, a.requirementId)) continue;
    const value = a.get(mine);
    if (base && same(a.get(base), value)) continue;
    const theirValue = a.get(theirs);
    if (same(theirValue, value)) continue;
    const show = a.show ?? text;
    changes.push({
      key: a.key,
      label: a.label,
      mine: show(value),
      theirs: show(theirValue),
      apply: theirValue === undefined ? null : (c) => a.set(c, value),
    });
  }
  // Requirements the buyer added that the other version does not have.
  mine.lots.forEach((lot, l) => {
    lot.requirements.forEach((r, i) => {
      if (hasRequirement(base, r.id) || hasRequirement(theirs, r.id)) return;
      changes.push({
        key: `new.${r.id}`,
        label: `New requirement ${l + 1}.${i + 1}`,
        mine: r.outcome,
        theirs: '',
        apply: theirs.lots.some((x) => x.id === lot.id)
          ? (c) => (hasRequirement(c, r.id) ? c : addRequirements(c, lot.id, [{ ...r, measure: { ...r.measure } }]))
          : null,
      });
    });
  });
  return changes;
}
