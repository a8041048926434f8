import { RequirementKind, RequirementPriority, TEXT_LIMITS, type RequirementContent, type TenderContent } from '@openbrief/contracts';
import { getMetadataStorage } from 'class-validator';
import { getMetadataArgsStorage } from 'typeorm';
import { ChangeTenderStatusDto, CreateTenderDto, PublishTenderDto } from '../tenders/dto/tender-commands.dto';
import {
  ContactDto,
  ContractTermsDto,
  CriterionDto,
  JustificationDto,
  LotDto,
  MeasureDto,
  RequirementDto,
  ScaleDescriptorDto,
  TenderContentDto,
} from '../tenders/dto/tender-content.dto';
import { Criterion } from '../tenders/entities/criterion.entity';
import { Lot } from '../tenders/entities/lot.entity';
import { Requirement } from '../tenders/entities/requirement.entity';
import { Tender } from '../tenders/entities/tender.entity';
import { TenderVersion } from '../tenders/entities/tender-version.entity';
import { clampContent } from './clamp-content';

const requirement = (id: string, outcome: string): RequirementContent => ({
  id,
  heading: null,
  kind: RequirementKind.Outcome,
  priority: RequirementPriority.Essential,
  outcome,
  whyItMatters: '',
  measure: { description: '', baseline: null, target: null, unit: null },
  roomForProposals: '',
  justification: null,
});

const lot = (id: string, requirements: RequirementContent[]) => ({
  id,
  title: 'Lot',
  description: '',
  estimatedValue: null,
  evaluationModel: {} as never,
  requirements,
});

describe('clampContent', () => {
  it('cuts live text to the columns\u2019 limits', () => {
    const c = clampContent({
      title: 'x'.repeat(250),
      summary: 's'.repeat(2500),
      problem: '',
      users: '',
      workDone: '',
      constraints: '',
      location: '',
      lots: [],
    } as unknown as TenderContent);
    expect([c.title.length, c.summary.length]).toEqual([200, 2000]);
  });

  it('keeps the first of two items with one id (two replicas added the same one), across lots for requirements', () => {
    const c = clampContent({
      title: '',
      summary: '',
      problem: '',
      users: '',
      workDone: '',
      constraints: '',
      location: '',
      lots: [
        lot('l1', [requirement('r1', 'first'), requirement('r2', 'two'), requirement('r1', 'again')]),
        lot('l2', [requirement('r2', 'elsewhere'), requirement('r3', 'three')]),
        lot('l1', []),
      ],
    } as unknown as TenderContent);
    expect(c.lots.map((l) => [l.id, l.requirements.map((r) => `${r.id}:${r.outcome}`)])).toEqual([
      ['l1', ['r1:first', 'r2:two']],
      ['l2', ['r3:three']],
    ]);
  });
});

/**
 * One definition of each limit: the DTO that validates a field, the column that stores it and the live clamping
 * must all use TEXT_LIMITS. Read from class-validator's and TypeORM's own metadata, so a number typed into a
 * decorator instead of the shared one fails here.
 */
describe('TEXT_LIMITS is the one definition of every text limit', () => {
  type Group = keyof typeof TEXT_LIMITS;
  const dtos: Record<Group, new () => object> = {
    tender: TenderContentDto,
    contract: ContractTermsDto,
    contact: ContactDto,
    lot: LotDto,
    requirement: RequirementDto,
    measure: MeasureDto,
    criterion: CriterionDto,
    scaleDescriptor: ScaleDescriptorDto,
    justification: JustificationDto,
    createTender: CreateTenderDto,
    publish: PublishTenderDto,
    statusChange: ChangeTenderStatusDto,
  };
  /** Where each field is stored in a column of its own; null where it lives inside a JSON column or is not stored. */
  const columns: Record<string, [Function, string] | null> = {
    'tender.title': [Tender, 'title'],
    'tender.summary': [Tender, 'summary'],
    'tender.problem': [Tender, 'problem'],
    'tender.users': [Tender, 'users'],
    'tender.workDone': [Tender, 'workDone'],
    'tender.constraints': [Tender, 'constraints'],
    'tender.location': [Tender, 'location'],
    'tender.singleLotReason': [Tender, 'singleLotReason'],
    'tender.engagementSummary': [Tender, 'engagementSummary'],
    'tender.noEngagementReason': [Tender, 'noEngagementReason'],
    'contract.extensionOptions': [Tender, 'extensionOptions'],
    'contact.name': [Tender, 'contactName'],
    'contact.email': [Tender, 'contactEmail'],
    'contact.phone': [Tender, 'contactPhone'],
    'lot.title': [Lot, 'title'],
    'lot.description': [Lot, 'description'],
    'requirement.heading': [Requirement, 'heading'],
    'requirement.outcome': [Requirement, 'outcome'],
    'requirement.whyItMatters': [Requirement, 'whyItMatters'],
    'requirement.roomForProposals': [Requirement, 'roomForProposals'],
    'requirement.justification': [Requirement, 'justification'],
    'measure.description': [Requirement, 'measureDescription'],
    'measure.baseline': [Requirement, 'measureBaseline'],
    'measure.target': [Requirement, 'measureTarget'],
    'measure.unit': [Requirement, 'measureUnit'],
    'criterion.name': [Criterion, 'name'],
    'criterion.description': [Criterion, 'description'],
    'scaleDescriptor.label': null, // lot.descriptors (JSON)
    'scaleDescriptor.description': null,
    'justification.rule': null, // tender.justifications (JSON)
    'justification.text': null,
    'createTender.title': [Tender, 'title'],
    'createTender.templateId': null, // read, never stored
    'publish.changeNote': [TenderVersion, 'changeNote'],
    'statusChange.reason': null, // not stored
  };
  const fields = (Object.keys(TEXT_LIMITS) as Group[]).flatMap((group) =>
    Object.entries(TEXT_LIMITS[group]).map(([key, limit]) => ({ group, key, limit: limit as number, path: `${group}.${key}` })),
  );

  it.each(fields)('$path: the DTO refuses text longer than $limit', ({ group, key, limit }) => {
    const rules = getMetadataStorage()
      .getTargetValidationMetadatas(dtos[group], '', true, false)
      .filter((m) => m.propertyName === key && m.name === 'maxLength');
    expect(rules.map((m) => m.constraints[0])).toEqual([limit]);
  });

  it.each(fields)('$path: its column holds $limit characters (a varchar of that length, or unbounded text)', ({ path, limit }) => {
    expect(path in columns).toBe(true);
    const place = columns[path];
    if (!place) return;
    const column = getMetadataArgsStorage().columns.find((c) => c.target === place[0] && c.propertyName === place[1]);
    expect(column).toBeDefined();
    const { type, length } = column!.options;
    expect(type === 'text' ? 'text' : `${String(type)}(${length})`).toBe(type === 'text' ? 'text' : `varchar(${limit})`);
  });

  it('no text column of the tender tables is left out of TEXT_LIMITS', () => {
    // Codes and identifiers the buyer does not type.
    const notTyped = [
      'Tender.reference',
      'Tender.ocid',
      'Tender.status',
      'Tender.currency',
      'Tender.vatBasis',
      'Tender.procedure',
      'Tender.mainCategory',
      'Tender.jurisdiction',
      'Lot.scale',
      'Lot.priceMethod',
      'Requirement.kind',
      'Requirement.priority',
      'Criterion.type',
      'TenderVersion.packSha256',
    ];
    const named = new Set(Object.values(columns).flatMap((c) => (c ? [`${c[0].name}.${c[1]}`] : [])));
    const textColumns = getMetadataArgsStorage()
      .columns.filter((c) => [Tender, Lot, Requirement, Criterion, TenderVersion].includes(c.target as never))
      .filter(
        (c) => (c.options.type === 'text' || c.options.type === 'varchar') && c.propertyName !== 'id' && !c.propertyName.endsWith('Id'),
      )
      .map((c) => `${(c.target as Function).name}.${c.propertyName}`);
    expect(textColumns.filter((c) => !named.has(c) && !notTyped.includes(c))).toEqual([]);
  });

  it('live clamping cuts every limited field of the content to its limit, and no further', () => {
    const over = (group: Group) =>
      Object.fromEntries(Object.entries(TEXT_LIMITS[group]).map(([key, limit]) => [key, 'x'.repeat((limit as number) + 7)]));
    const r = { ...requirement('3f0c0b1e-1111-4111-8111-111111111111', ''), ...over('requirement'), measure: over('measure') };
    const c = clampContent({
      ...over('tender'),
      contract: { lengthMonths: null, ...over('contract') },
      contact: over('contact'),
      justifications: [{ requirementId: r.id, ...over('justification') }],
      lots: [
        {
          ...lot('l1', [r as unknown as RequirementContent]),
          ...over('lot'),
          evaluationModel: {
            criteria: [{ id: 'c1', requirementIds: [r.id], ...over('criterion') }],
            descriptors: [{ score: 0, ...over('scaleDescriptor') }],
          },
        },
      ],
    } as unknown as TenderContent);
    const l = c.lots[0];
    const measured: Partial<Record<Group, object>> = {
      tender: c,
      contract: c.contract,
      contact: c.contact,
      justification: c.justifications[0],
      lot: l,
      requirement: l.requirements[0],
      measure: l.requirements[0].measure,
      criterion: l.evaluationModel.criteria[0],
      scaleDescriptor: l.evaluationModel.descriptors[0],
    };
    const lengths = fields
      .filter((f) => measured[f.group])
      .map((f) => [f.path, ((measured[f.group] as Record<string, string>)[f.key] ?? '').length]);
    expect(lengths).toEqual(fields.filter((f) => measured[f.group]).map((f) => [f.path, f.limit]));
    // The rest are request fields, not content: nothing live to clamp.
    expect(fields.filter((f) => !measured[f.group]).map((f) => f.group)).toEqual([
      'createTender',
      'createTender',
      'publish',
      'statusChange',
    ]);
  });
});
