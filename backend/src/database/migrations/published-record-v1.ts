/**
 * Published record schema version 1 (PublishedTenderRecord in @openbrief/contracts) and the snapshot it
 * replaced (the API's TenderDetail of that time), as plain JSON for migration 1764387600000. Copied rather
 * than imported: the contracts will move on to later schema versions, and this migration must not.
 */

// Stored JSON, read loosely: old rows may lack fields added since they were written.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type SnapshotJson = Record<string, any>;
export type RecordJson = Record<string, any>;

export interface RecordFacts {
  ocid: string;
  tenderId: string;
  reference: string;
  version: number;
  changeNote: string | null;
  publishedAt: string;
}

const nullable = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/**
 * Fields later issues added to version 1 records (issue 12: the response rules and the answers date; issue 13: the
 * contract's jurisdiction and each lot's evaluation rules; issue 15: the main category, the delivery regions and the
 * engagement texts). They did not exist when this migration was written; a
 * database reverted past it and migrated again must not lose them, so both directions carry them through when
 * present (the reader gives their defaults when absent).
 */
const LATER_CONTENT_FIELDS = ['responseRules', 'mainCategory', 'regions', 'engagementSummary', 'noEngagementReason'];
const LATER_TIMETABLE_FIELDS = ['answersPublishedBy'];
const LATER_CONTRACT_FIELDS = ['jurisdiction'];
const LATER_MODEL_FIELDS = ['rules'];

function carried(from: Record<string, any>, keys: readonly string[]): Record<string, any> {
  return Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]]));
}

/** A stored snapshot as a version 1 record; fields the snapshot lacks take the values a save would have given them. */
export function recordOf(s: SnapshotJson, facts: RecordFacts): RecordJson {
  const budget = s['budget'] ?? {};
  const contract = s['contract'] ?? {};
  const timetable = s['timetable'] ?? {};
  const contact = s['contact'] ?? {};
  return {
    schemaVersion: 1,
    ocid: facts.ocid,
    tenderId: facts.tenderId,
    reference: s['reference'] ?? facts.reference,
    version: facts.version,
    publishedAt: s['publishedAt'] ?? facts.publishedAt,
    changeNote: facts.changeNote,
    revision: s['revision'] ?? 0,
    buyer: { id: s['buyer']?.id ?? '', name: s['buyer']?.name ?? '' },
    content: {
      title: s['title'] ?? '',
      summary: s['summary'] ?? '',
      problem: s['problem'] ?? '',
      users: s['users'] ?? '',
      workDone: s['workDone'] ?? '',
      constraints: s['constraints'] ?? '',
      estimatedValue: nullable(s['estimatedValue']),
      budget: {
        min: nullable(budget.min),
        max: nullable(budget.max),
        currency: budget.currency ?? 'GBP',
        vatBasis: budget.vatBasis ?? 'excluding_vat',
      },
      contract: {
        lengthMonths: nullable(contract.lengthMonths),
        extensionOptions: contract.extensionOptions ?? '',
        ...carried(contract, LATER_CONTRACT_FIELDS),
      },
      location: s['location'] ?? '',
      procedure: s['procedure'] ?? 'open',
      singleLotReason: nullable(s['singleLotReason']),
      timetable: {
        ...Object.fromEntries(
          ['clarificationDeadline', 'submissionDeadline', 'evaluationStart', 'evaluationEnd', 'expectedAward', 'contractStart'].map((k) => [
            k,
            nullable(timetable[k]),
          ]),
        ),
        ...carried(timetable, LATER_TIMETABLE_FIELDS),
      },
      ...carried(s, LATER_CONTENT_FIELDS),
      contact: { name: contact.name ?? '', email: contact.email ?? '', phone: nullable(contact.phone) },
      lots: (s['lots'] ?? []).map((lot: SnapshotJson, l: number) => ({
        id: lot['id'],
        number: lot['number'] ?? l + 1,
        title: lot['title'] ?? '',
        description: lot['description'] ?? '',
        estimatedValue: nullable(lot['estimatedValue']),
        evaluationModel: {
          scale: lot['evaluationModel']?.scale ?? '0-4',
          descriptors: lot['evaluationModel']?.descriptors ?? [],
          minimumQualityPercent: nullable(lot['evaluationModel']?.minimumQualityPercent),
          priceMethod: lot['evaluationModel']?.priceMethod ?? 'proportional',
          ...carried(lot['evaluationModel'] ?? {}, LATER_MODEL_FIELDS),
          criteria: (lot['evaluationModel']?.criteria ?? []).map((c: SnapshotJson, i: number) => ({
            id: c['id'],
            parentId: nullable(c['parentId']),
            order: c['order'] ?? i + 1,
            name: c['name'] ?? '',
            type: c['type'],
            weight: c['weight'] ?? 0,
            description: c['description'] ?? '',
            requirementIds: c['requirementIds'] ?? [],
            wordLimit: nullable(c['wordLimit']),
          })),
        },
        requirements: (lot['requirements'] ?? []).map((r: SnapshotJson, i: number) => ({
          id: r['id'],
          heading: nullable(r['heading']),
          order: r['order'] ?? i + 1,
          kind: r['kind'],
          priority: r['priority'],
          outcome: r['outcome'] ?? '',
          whyItMatters: r['whyItMatters'] ?? '',
          measure: {
            description: r['measure']?.description ?? '',
            baseline: nullable(r['measure']?.baseline),
            target: nullable(r['measure']?.target),
            unit: nullable(r['measure']?.unit),
          },
          roomForProposals: r['roomForProposals'] ?? '',
          justification: nullable(r['justification']),
        })),
      })),
      justifications: s['justifications'] ?? [],
    },
  };
}

/** A version 1 record as the snapshot it replaced, for reverting the migration. */
export function legacySnapshotOf(r: RecordJson, createdAt: string, where: string): SnapshotJson {
  if (r['schemaVersion'] !== 1) {
    throw new Error(
      `${where} is stored as published record schema version ${JSON.stringify(r['schemaVersion'])}: only version 1 can be turned back into a snapshot.`,
    );
  }
  const c = r['content'];
  return {
    id: r['tenderId'],
    reference: r['reference'],
    title: c.title,
    status: 'published',
    buyer: r['buyer'],
    summary: c.summary,
    problem: c.problem,
    users: c.users,
    workDone: c.workDone,
    constraints: c.constraints,
    budget: c.budget,
    contract: c.contract,
    estimatedValue: c.estimatedValue,
    location: c.location,
    procedure: c.procedure,
    singleLotReason: c.singleLotReason,
    timetable: c.timetable,
    ...carried(c, LATER_CONTENT_FIELDS),
    contact: c.contact,
    lots: c.lots.map((lot: RecordJson) => ({
      ...lot,
      requirements: lot['requirements'].map((req: RecordJson) => ({ ...req, lotId: lot['id'] })),
    })),
    justifications: c.justifications,
    revision: r['revision'],
    publishedVersion: r['version'],
    publishedAt: r['publishedAt'],
    createdAt,
    updatedAt: r['publishedAt'],
  };
}
