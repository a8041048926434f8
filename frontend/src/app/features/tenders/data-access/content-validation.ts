import {
  CriterionContent,
  ITL_REGION_CODES,
  TEXT_LIMITS,
  TenderContent,
  Timetable,
  evaluationRuleProblems,
  responseRuleProblems,
  timetableProblems,
  weightProblems,
} from '@openbrief/contracts';
import {
  SectionId,
  criterionField,
  descriptorField,
  locateField,
  lotField,
  priceParameterField,
  requirementField,
  responseRuleField,
  timetableField,
} from './field-ids';

/** Something in the working copy the API would refuse: the editor says so before it tries to save. */
export interface ContentProblem {
  readonly fieldId: string;
  readonly section: SectionId;
  readonly message: string;
}

/** The API's limits (TEXT_LIMITS, which the DTOs use too) by the names the checks below use. */
export const LIMITS = {
  title: TEXT_LIMITS.tender.title,
  summary: TEXT_LIMITS.tender.summary,
  problem: TEXT_LIMITS.tender.problem,
  users: TEXT_LIMITS.tender.users,
  workDone: TEXT_LIMITS.tender.workDone,
  constraints: TEXT_LIMITS.tender.constraints,
  singleLotReason: TEXT_LIMITS.tender.singleLotReason,
  engagementSummary: TEXT_LIMITS.tender.engagementSummary,
  noEngagementReason: TEXT_LIMITS.tender.noEngagementReason,
  lotTitle: TEXT_LIMITS.lot.title,
  lotDescription: TEXT_LIMITS.lot.description,
  outcome: TEXT_LIMITS.requirement.outcome,
  whyItMatters: TEXT_LIMITS.requirement.whyItMatters,
  roomForProposals: TEXT_LIMITS.requirement.roomForProposals,
  justification: TEXT_LIMITS.requirement.justification,
  heading: TEXT_LIMITS.requirement.heading,
  measure: TEXT_LIMITS.measure.description,
  baseline: TEXT_LIMITS.measure.baseline,
  target: TEXT_LIMITS.measure.target,
  unit: TEXT_LIMITS.measure.unit,
  criterionName: TEXT_LIMITS.criterion.name,
  criterionDescription: TEXT_LIMITS.criterion.description,
  descriptorLabel: TEXT_LIMITS.scaleDescriptor.label,
  descriptorDescription: TEXT_LIMITS.scaleDescriptor.description,
  extensionOptions: TEXT_LIMITS.contract.extensionOptions,
  location: TEXT_LIMITS.tender.location,
  contactName: TEXT_LIMITS.contact.name,
  email: TEXT_LIMITS.contact.email,
  phone: TEXT_LIMITS.contact.phone,
} as const;

const MAX_MONEY = 100_000_000_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const n = (value: number) => value.toLocaleString('en-GB');

/** Every problem that would stop the API saving this content, each pointing at its field. */
export function validateContent(c: TenderContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (fieldId: string, section: SectionId, message: string) => problems.push({ fieldId, section, message });
  const tooLong = (value: string | null, max: number, fieldId: string, section: SectionId, what: string) => {
    if (value && value.trim().length > max) add(fieldId, section, `${what} must be ${n(max)} characters or fewer`);
  };

  if (!c.title.trim()) add('title', 'summary', 'Enter a title for the tender');
  tooLong(c.title, LIMITS.title, 'title', 'summary', 'The title');
  tooLong(c.summary, LIMITS.summary, 'summary', 'summary', 'The summary');
  tooLong(c.problem, LIMITS.problem, 'problem', 'problem', 'The problem');
  tooLong(c.users, LIMITS.users, 'users', 'problem', 'Who the users are');
  tooLong(c.workDone, LIMITS.workDone, 'work-done', 'problem', 'What has been tried already');
  tooLong(c.constraints, LIMITS.constraints, 'constraints', 'problem', 'Constraints');
  tooLong(c.engagementSummary, LIMITS.engagementSummary, 'engagement-summary', 'problem', 'What changed because of market engagement');
  tooLong(c.noEngagementReason, LIMITS.noEngagementReason, 'no-engagement-reason', 'problem', 'Why there was no market engagement');

  if (c.lots.length === 0) add('section-lots', 'lots', 'Add a lot: a tender without lots has one');
  const many = c.lots.length > 1;
  c.lots.forEach((lot, l) => {
    const lotName = many ? `Lot ${l + 1}: ` : '';
    const cap = (text: string) => (many ? text : text.charAt(0).toUpperCase() + text.slice(1));
    if (!lot.title.trim()) add(lotField(lot.id, 'title'), 'lots', `Enter a title for lot ${l + 1}`);
    tooLong(lot.title, LIMITS.lotTitle, lotField(lot.id, 'title'), 'lots', `The title of lot ${l + 1}`);
    tooLong(lot.description, LIMITS.lotDescription, lotField(lot.id, 'description'), 'lots', `The description of lot ${l + 1}`);
    money(lot.estimatedValue, lotField(lot.id, 'value'), 'lots', `the estimated value of lot ${l + 1}`, add);

    lot.requirements.forEach((r, i) => {
      const where = `Requirement ${l + 1}.${i + 1}: `;
      const f = (part: Parameters<typeof requirementField>[1]) => requirementField(r.id, part);
      tooLong(r.outcome, LIMITS.outcome, f('outcome'), 'requirements', `${where}the outcome`);
      tooLong(r.heading, LIMITS.heading, f('heading'), 'requirements', `${where}the group heading`);
      tooLong(r.whyItMatters, LIMITS.whyItMatters, f('why'), 'requirements', `${where}why it matters`);
      tooLong(r.measure.description, LIMITS.measure, f('measure'), 'requirements', `${where}the measure`);
      tooLong(r.measure.baseline, LIMITS.baseline, f('baseline'), 'requirements', `${where}the baseline`);
      tooLong(r.measure.target, LIMITS.target, f('target'), 'requirements', `${where}the target`);
      tooLong(r.measure.unit, LIMITS.unit, f('unit'), 'requirements', `${where}the unit`);
      tooLong(r.roomForProposals, LIMITS.roomForProposals, f('room'), 'requirements', `${where}room for proposals`);
      tooLong(r.justification, LIMITS.justification, f('justification'), 'requirements', `${where}the reason`);
    });

    const model = lot.evaluationModel;
    model.criteria.forEach((cr) => criterionProblems(cr, lotName, cap, add));
    if (model.criteria.every((cr) => Number.isFinite(cr.weight))) {
      for (const problem of weightProblems(model.criteria)) {
        const first = model.criteria.find((cr) => cr.parentId === problem.parentId);
        add(first ? criterionField(first.id, 'weight') : lotField(lot.id, 'criteria'), 'evaluation', `${lotName}${problem.message}`);
      }
    }
    ruleProblems(c, l, lotName, add);
    const ofLot = many ? ` of lot ${l + 1}` : '';
    money(model.rules.price.ceilingPrice, priceParameterField(lot.id, 'ceilingPrice'), 'evaluation', `the ceiling price${ofLot}`, add);
    money(model.rules.price.floorPrice, priceParameterField(lot.id, 'floorPrice'), 'evaluation', `the floor price${ofLot}`, add);
    const threshold = model.minimumQualityPercent;
    if (threshold !== null && (!Number.isInteger(threshold) || threshold < 0 || threshold > 100)) {
      add(lotField(lot.id, 'min-quality'), 'evaluation', cap(`${lotName}enter the minimum quality score as a whole number from 0 to 100`));
    }
    model.descriptors.forEach((d, i) => {
      if (!d.label.trim())
        add(descriptorField(lot.id, i, 'label'), 'evaluation', cap(`${lotName}give score ${d.score} a label, like “Good”`));
      tooLong(
        d.label,
        LIMITS.descriptorLabel,
        descriptorField(lot.id, i, 'label'),
        'evaluation',
        cap(`${lotName}the label for score ${d.score}`),
      );
      tooLong(
        d.description,
        LIMITS.descriptorDescription,
        descriptorField(lot.id, i, 'description'),
        'evaluation',
        cap(`${lotName}the description of score ${d.score}`),
      );
    });
  });

  for (const problem of timetableProblems(c.timetable)) {
    add(timetableField(problem.field), 'timetable', problem.message.replace(/\.$/, ''));
  }
  for (const [key, value] of Object.entries(c.timetable) as [keyof Timetable, string | null][]) {
    if (value !== null && Number.isNaN(Date.parse(value))) add(timetableField(key), 'timetable', 'Enter a real date and time');
  }
  for (const problem of responseRuleProblems(c.responseRules)) {
    add(responseRuleField(problem.field), 'responding', problem.message.replace(/\.$/, ''));
  }

  money(c.estimatedValue, 'estimated-value', 'budget', 'the estimated value', add);
  money(c.budget.min, 'budget-min', 'budget', 'the lowest budget figure', add);
  money(c.budget.max, 'budget-max', 'budget', 'the highest budget figure', add);
  if (c.budget.min !== null && c.budget.max !== null && c.budget.min > c.budget.max) {
    add('budget-min', 'budget', 'The lowest budget figure must not be more than the highest');
  }
  const months = c.contract.lengthMonths;
  if (months !== null && (!Number.isInteger(months) || months < 1 || months > 240)) {
    add('contract-length', 'budget', 'Enter the contract length as a whole number of months, from 1 to 240');
  }
  tooLong(c.contract.extensionOptions, LIMITS.extensionOptions, 'extension-options', 'budget', 'Extension options');
  tooLong(c.location, LIMITS.location, 'location', 'budget', 'The location');
  // The checkboxes cannot do this, but a colleague's older editor or a live document might.
  const regions = c.regions ?? [];
  if (regions.some((r) => !ITL_REGION_CODES.includes(r)) || new Set(regions).size !== regions.length) {
    add('regions', 'budget', 'Choose each region at most once, from the list');
  }
  tooLong(c.singleLotReason, LIMITS.singleLotReason, 'single-lot-reason', 'lots', 'The reason for a single lot');

  tooLong(c.contact.name, LIMITS.contactName, 'contact-name', 'contact', 'The contact name');
  if (c.contact.email.trim() && !EMAIL.test(c.contact.email.trim())) {
    add('contact-email', 'contact', 'Enter an e-mail address in the correct format, like name@example.nhs.uk');
  }
  tooLong(c.contact.email, LIMITS.email, 'contact-email', 'contact', 'The e-mail address');
  tooLong(c.contact.phone, LIMITS.phone, 'contact-phone', 'contact', 'The phone number');
  return problems;
}

/**
 * The lot's evaluation rules outside the limits the API holds them to (the shared rules, as the API uses them). What
 * only publication needs (a ceiling for the linear method, the contract length for whole-life cost) does not stop a
 * draft being saved: the chart and the publication check say so instead.
 */
function ruleProblems(
  c: TenderContent,
  lotIndex: number,
  lotName: string,
  add: (fieldId: string, section: SectionId, message: string) => void,
): void {
  const terms = { budgetMax: c.budget.max, lengthMonths: c.contract.lengthMonths, currency: c.budget.currency };
  for (const problem of evaluationRuleProblems(lotIndex, c.lots[lotIndex].evaluationModel, terms)) {
    if (PUBLISH_ONLY.test(problem.field)) continue;
    const where = locateField(problem.field, c);
    if (where) add(where.fieldId, 'evaluation', `${lotName}${problem.message.replace(/\.$/, '')}`);
  }
}

const PUBLISH_ONLY = /^contract\.|\.price\.(ceilingPrice|floorPrice)$/;

function criterionProblems(
  cr: CriterionContent,
  lotName: string,
  cap: (text: string) => string,
  add: (fieldId: string, section: SectionId, message: string) => void,
): void {
  const name = cr.name.trim() || 'this criterion';
  if (!cr.name.trim()) add(criterionField(cr.id, 'name'), 'evaluation', cap(`${lotName}give every criterion a name`));
  if (cr.name.trim().length > LIMITS.criterionName) {
    add(
      criterionField(cr.id, 'name'),
      'evaluation',
      cap(`${lotName}criterion names must be ${n(LIMITS.criterionName)} characters or fewer`),
    );
  }
  if (!Number.isFinite(cr.weight)) {
    add(criterionField(cr.id, 'weight'), 'evaluation', cap(`${lotName}enter the weight for ${name} as a number, like 30`));
  } else if (cr.weight < 0 || cr.weight > 100) {
    add(criterionField(cr.id, 'weight'), 'evaluation', cap(`${lotName}the weight for ${name} must be between 0 and 100`));
  } else if (Math.abs(cr.weight * 100 - Math.round(cr.weight * 100)) > 1e-6) {
    add(criterionField(cr.id, 'weight'), 'evaluation', cap(`${lotName}the weight for ${name} can have at most 2 decimal places`));
  }
  if (cr.description.trim().length > LIMITS.criterionDescription) {
    add(
      criterionField(cr.id, 'description'),
      'evaluation',
      cap(`${lotName}the description of ${name} must be ${n(LIMITS.criterionDescription)} characters or fewer`),
    );
  }
  const limit = cr.wordLimit;
  if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > 10_000)) {
    add(
      criterionField(cr.id, 'word-limit'),
      'evaluation',
      cap(`${lotName}the word limit for ${name} must be a whole number from 1 to 10,000`),
    );
  }
}

function money(
  value: number | null,
  fieldId: string,
  section: SectionId,
  what: string,
  add: (fieldId: string, section: SectionId, message: string) => void,
): void {
  if (value === null) return;
  const label = what.charAt(0).toUpperCase() + what.slice(1);
  if (!Number.isFinite(value)) add(fieldId, section, `Enter ${what} as a number of pounds, like 250000`);
  else if (value < 0) add(fieldId, section, `${label} must be £0 or more`);
  else if (value > MAX_MONEY) add(fieldId, section, `${label} must be £100 billion or less`);
  else if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6)
    add(fieldId, section, `${label} can have at most 2 decimal places (pence)`);
}
