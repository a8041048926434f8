import { LIVE_REFUSED_MESSAGE, type LiveRefusal, type TenderDetail } from '@openbrief/contracts';
import fc from 'fast-check';
import * as Y from 'yjs';
import { validateTenderContent } from '../../src/modules/tenders/content-validation';
import { Tender } from '../../src/modules/tenders/entities/tender.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { TenderService } from '../../src/modules/tenders/tender.service';
import { type CollabClient, connectCollab, waitFor } from '../support/collab-client';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender, inDays } from '../support/tender-fixtures';

/**
 * Live edits pass the REST API's validation before they reach the tables (issue 10, item 3): values
 * written straight into the shared document by a real WebSocket client, as a hostile or broken client would.
 */

type YMap = Y.Map<unknown>;

/** Where a non-text value lives in the live document, and how to write one there. */
interface Slot {
  name: string;
  write(doc: Y.Doc, value: unknown): void;
}

const tenderMap = (doc: Y.Doc) => doc.getMap<unknown>('tender');
const firstLot = (doc: Y.Doc) => doc.getArray<YMap>('lots').get(0);
const firstRequirement = (doc: Y.Doc) => (firstLot(doc).get('requirements') as Y.Array<YMap>).get(0);

/** Sets `key` in a copy of the plain object stored at `map[field]` (plain values are replaced whole, as the editor does). */
function setInside(map: YMap, field: string, key: string, value: unknown): void {
  const current = map.get(field);
  map.set(field, { ...(current && typeof current === 'object' ? current : {}), [key]: value });
}

/**
 * Writes one slot as a client could. Skipped when the client itself cannot: Yjs's own API refuses to set (or push) an
 * object with an own "constructor" key as a whole value (it dispatches on value.constructor; inside another
 * object it can, and the slots that write parts of objects cover that shape), and a slot inside a part that
 * an earlier write in the same run replaced (say `requirements` set to 0) is no longer there to write into.
 */
function writeIfTheClientCan(write: () => void): void {
  try {
    write();
  } catch (error) {
    if (error instanceof TypeError || (error instanceof Error && error.message.startsWith('Unexpected content type'))) return;
    throw error;
  }
}

/** A deep copy made in this realm (Yjs refuses objects from structuredClone under Jest: their constructor is another realm's Object). */
const copy = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(copy)
    : v && typeof v === 'object' && !(v instanceof Uint8Array)
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]))
      : v;

function setInCriterion(doc: Y.Doc, key: string, value: unknown): void {
  const lot = firstLot(doc);
  const model = copy(lot.get('evaluationModel')) as { criteria?: unknown };
  const criteria = Array.isArray(model?.criteria) ? model.criteria : [];
  criteria[0] = { ...(criteria[0] && typeof criteria[0] === 'object' ? criteria[0] : {}), [key]: value };
  lot.set('evaluationModel', { ...(model && typeof model === 'object' ? model : {}), criteria });
}

/** Sets one evaluation rule (`rules.<key>` or `rules.price.<key>`) inside the lot's plain evaluationModel. */
function setInRules(doc: Y.Doc, keys: string[], value: unknown): void {
  const lot = firstLot(doc);
  const model = copy(lot.get('evaluationModel')) as Record<string, unknown>;
  const base = model && typeof model === 'object' && !Array.isArray(model) ? model : {};
  const rules = (base['rules'] && typeof base['rules'] === 'object' ? base['rules'] : {}) as Record<string, unknown>;
  if (keys.length === 1) rules[keys[0]] = value;
  else rules['price'] = { ...(rules['price'] && typeof rules['price'] === 'object' ? rules['price'] : {}), [keys[1]]: value };
  lot.set('evaluationModel', { ...base, rules });
}

const TENDER_PLAIN = [
  'budget',
  'contract',
  'estimatedValue',
  'location',
  'mainCategory',
  'regions',
  'procedure',
  'singleLotReason',
  'noEngagementReason',
  'timetable',
  'responseRules',
  'contact',
  'justifications',
];
const INSIDE: Record<string, string[]> = {
  budget: ['min', 'max', 'currency', 'vatBasis'],
  contract: ['lengthMonths', 'extensionOptions', 'jurisdiction'],
  timetable: [
    'clarificationDeadline',
    'submissionDeadline',
    'evaluationStart',
    'evaluationEnd',
    'expectedAward',
    'contractStart',
    'answersPublishedBy',
  ],
  responseRules: ['attachmentsAllowed', 'maxAttachments', 'maxAttachmentMb', 'twoPersonOpening'],
  contact: ['name', 'email', 'phone'],
};
const MODEL = ['scale', 'descriptors', 'minimumQualityPercent', 'priceMethod', 'rules', 'criteria'];
/** The lot's evaluation rules (issue 13), each one a slot of its own. */
const RULES = [
  'blindMarking',
  'priceHiddenUntilModerated',
  'tieBreak',
  'nearTieMargin',
  'minJustificationChars',
  'moderationSpread',
  'abnormallyLowPercent',
  'price',
  'price.ceilingPrice',
  'price.floorPrice',
  'price.logRatio',
  'price.discountRatePercent',
];
const CRITERION = ['id', 'parentId', 'name', 'type', 'weight', 'description', 'requirementIds', 'wordLimit'];
const LOT_PLAIN = ['id', 'position', 'estimatedValue', 'evaluationModel'];
const REQUIREMENT_PLAIN = [
  'id',
  'position',
  'heading',
  'kind',
  'priority',
  'measureBaseline',
  'measureTarget',
  'measureUnit',
  'justification',
];

/** Every non-text value of the live document (see libs/tender-doc): whole values and each part of the plain objects. */
const SLOTS: Slot[] = [
  ...TENDER_PLAIN.map((key) => ({ name: key, write: (doc: Y.Doc, v: unknown) => tenderMap(doc).set(key, v) })),
  ...Object.entries(INSIDE).flatMap(([field, keys]) =>
    keys.map((key) => ({ name: `${field}.${key}`, write: (doc: Y.Doc, v: unknown) => setInside(tenderMap(doc), field, key, v) })),
  ),
  { name: 'justifications[0]', write: (doc, v) => tenderMap(doc).set('justifications', [v]) },
  { name: 'regions[0]', write: (doc, v) => tenderMap(doc).set('regions', [v]) },
  ...LOT_PLAIN.map((key) => ({ name: `lots[0].${key}`, write: (doc: Y.Doc, v: unknown) => firstLot(doc).set(key, v) })),
  ...MODEL.map((key) => ({
    name: `lots[0].evaluationModel.${key}`,
    write: (doc: Y.Doc, v: unknown) => setInside(firstLot(doc), 'evaluationModel', key, v),
  })),
  ...RULES.map((key) => ({
    name: `lots[0].evaluationModel.rules.${key}`,
    write: (doc: Y.Doc, v: unknown) => setInRules(doc, key.split('.'), v),
  })),
  ...CRITERION.map((key) => ({
    name: `lots[0].evaluationModel.criteria[0].${key}`,
    write: (doc: Y.Doc, v: unknown) => setInCriterion(doc, key, v),
  })),
  { name: 'lots[0].requirements', write: (doc, v) => firstLot(doc).set('requirements', v) },
  ...REQUIREMENT_PLAIN.map((key) => ({
    name: `lots[0].requirements[0].${key}`,
    write: (doc: Y.Doc, v: unknown) => firstRequirement(doc).set(key, v),
  })),
  { name: 'lots[]', write: (doc, v) => doc.getArray('lots').push([v]) },
];

/** Values a broken or hostile client might send: wrong types, non-finite and huge numbers, odd strings, nesting. */
const wild: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    Number.NaN,
    Infinity,
    -Infinity,
    -99_999_999_999_999,
    1e21,
    1e-7,
    2.5e2,
    -0,
    'javascript:alert(document.domain)//',
    'javascript:',
    'not a date',
    '2027-02-30T00:00:00Z',
    'not-a-procedure',
    '1e999',
    '',
    '   ',
    'GBP',
    'ZZZ',
    '00000000-0000-0000-0000-000000000000',
    JSON.parse('{"__proto__":{"polluted":true}}'),
    { constructor: { prototype: { polluted: true } } },
    [[[[[[[[[[]]]]]]]]]],
  ),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 300 }),
  fc.boolean(),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.jsonValue({ maxDepth: 3 }),
);

/** What arrives from GET (or a snapshot), checked with the REST API's own rules. */
const problemsIn = (t: TenderDetail) => validateTenderContent(toTenderContent(t));

describe('live values go through the REST API\u2019s validation', () => {
  let t: TestApp;
  let buyer: TestClient;
  beforeAll(async () => {
    t = await startTestApp({ COLLAB_PROJECTION_MS: '20', LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' });
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    // Generous: starting the app on a fresh database is slow on a busy shared machine (PostgreSQL most of all).
  }, 180_000);
  afterAll(() => t.close());

  /** A publishable tender with a live client on it, and the stateless messages that client receives. */
  async function openLive(): Promise<{ tender: TenderDetail; live: CollabClient; messages: LiveRefusal[][] }> {
    const tender = await createReadyTender(buyer);
    const live = await connectCollab(t.url, tender.id, buyer.cookieHeader());
    const messages: LiveRefusal[][] = [];
    live.provider.on('stateless', ({ payload }: { payload: string }) => {
      const message = JSON.parse(payload) as { type: string; refused: LiveRefusal[] };
      if (message.type === LIVE_REFUSED_MESSAGE) messages.push(message.refused);
    });
    return { tender, live, messages };
  }

  const issueValues: [string, string, unknown, (t: TenderDetail) => unknown][] = [
    ['contact.email', 'contact.email', 'javascript:alert(document.domain)//', (x) => x.contact.email],
    ['estimatedValue', 'estimatedValue', -99_999_999_999_999, (x) => x.estimatedValue],
    ['procedure', 'procedure', 'not-a-procedure', (x) => x.procedure],
    ['budget.currency', 'budget.currency', 'javascript:', (x) => x.budget.currency],
    ['timetable.submissionDeadline', 'timetable.submissionDeadline', 'not a date', (x) => x.timetable.submissionDeadline],
    // The response rules and the answers date (issue 12) go through the same rules.
    ['responseRules.maxAttachments', 'responseRules.maxAttachments', 1000, (x) => x.responseRules.maxAttachments],
    ['timetable.answersPublishedBy', 'timetable.answersPublishedBy', 'not a date', (x) => x.timetable.answersPublishedBy],
    // The evaluation rules and the jurisdiction (issue 13) too.
    [
      'lots[0].evaluationModel.rules.tieBreak',
      'lots[0].evaluationModel.rules.tieBreak',
      'coin_toss',
      (x) => x.lots[0].evaluationModel.rules.tieBreak,
    ],
    [
      'lots[0].evaluationModel.rules.price.logRatio',
      'lots[0].evaluationModel.rules.price.logRatio',
      1,
      (x) => x.lots[0].evaluationModel.rules.price.logRatio,
    ],
    ['contract.jurisdiction', 'contract.jurisdiction', 'wales', (x) => x.contract.jurisdiction],
    // The category and the regions (issue 15) too.
    ['mainCategory', 'mainCategory', 'software', (x) => x.mainCategory],
    ['regions', 'regions', ['TLC', 'UKC'], (x) => x.regions],
  ];

  it.each(issueValues)(
    'refuses %s = the value from the issue: the tables keep the last valid one, the editor is told, publication answers 422 until it is fixed',
    async (slotName, field, value, read) => {
      const { tender, live, messages } = await openLive();
      try {
        const slot = SLOTS.find((s) => s.name === slotName)!;
        live.doc.transact(() => {
          slot.write(live.doc, value);
          live.text('summary').insert(0, 'Typed live: ');
        });
        await live.acknowledged();
        await t.app.get(TenderService).flushLive(tender.id);

        const after = (await buyer.get(`/api/v1/tenders/${tender.id}`)).body as TenderDetail;
        expect(read(after)).toEqual(read(tender));
        expect(after.summary).toBe(`Typed live: ${tender.summary}`);
        expect(problemsIn(after)).toEqual([]);

        await waitFor(() => messages.some((m) => m.some((r) => r.field === field)));
        const check = await buyer.get(`/api/v1/tenders/${tender.id}/publication-check`);
        expect(check.body).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              code: 'live-value-refused',
              path: field,
              message: expect.stringContaining(`Live value refused: ${field} — `),
            }),
          ]),
        );

        const refused = await buyer.post(`/api/v1/tenders/${tender.id}/publish`, { revision: after.revision });
        expect(refused.status).toBe(422);
        expect(refused.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));

        // Corrected in the editor: the refusal is withdrawn (the editor hears so) and publication goes ahead.
        slot.write(live.doc, read(tender));
        await live.acknowledged();
        await t.app.get(TenderService).flushLive(tender.id);
        await waitFor(() => messages.at(-1)?.length === 0);
        const fixed = (await buyer.get(`/api/v1/tenders/${tender.id}`)).body as TenderDetail;
        const published = await buyer.post(`/api/v1/tenders/${tender.id}/publish`, { revision: fixed.revision });
        expect(published.status).toBe(201);
        expect(problemsIn(published.body.tender)).toEqual([]);
      } finally {
        live.close();
      }
    },
  );

  it('re-validates stored content at publication: an invalid value already in the tables is a 422 naming the field, never published', async () => {
    const tender = await createReadyTender(buyer);
    // As a row written before live values were validated might hold.
    await t.dataSource.getRepository(Tender).update({ id: tender.id }, { currency: 'ja:', procedure: 'not-a-procedure' as never });
    const res = await buyer.post(`/api/v1/tenders/${tender.id}/publish`, { revision: tender.revision });
    expect(res.status).toBe(422);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['budget.currency', 'procedure']));
    expect((await buyer.get(`/api/v1/tenders/${tender.id}`)).body.status).toBe('draft');
  });

  it('answers 422, not 500, when a stored date cannot be read', async () => {
    const tender = await createReadyTender(buyer);
    const corrupt = t.dataSource.query(`UPDATE tender SET submission_deadline = 'not a date' WHERE id = '${tender.id}'`);
    if (t.dataSource.options.type === 'postgres') {
      // PostgreSQL refuses the text itself (a timestamp column), so an unreadable date cannot be stored there.
      await expect(corrupt).rejects.toThrow(/invalid input syntax for type timestamp/);
      return;
    }
    // SQLite keeps the text: the tender still reads, and publishing names the date instead of failing.
    await corrupt;
    const read = await buyer.get(`/api/v1/tenders/${tender.id}`);
    expect(read.status).toBe(200);
    expect(read.body.timetable.submissionDeadline).toBeNull();
    const res = await buyer.post(`/api/v1/tenders/${tender.id}/publish`, { revision: read.body.revision });
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual([{ field: 'timetable.submissionDeadline', message: 'Set a deadline for bids.' }]);
    expect((await buyer.get(`/api/v1/tenders/${tender.id}`)).body.status).toBe('draft');
  });

  it('property: whatever lands in any non-text value of the live document, projection never throws, the tables never hold an invalid value, and publication is 201 with valid content or 422', async () => {
    const runs = Number(process.env.LIVE_FUZZ_RUNS ?? 25);
    const writes = fc.array(fc.record({ slot: fc.constantFrom(...SLOTS), value: wild }), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(writes, fc.boolean(), async (changes, alsoType) => {
        const { tender, live } = await openLive();
        try {
          live.doc.transact(() => {
            for (const { slot, value } of changes) writeIfTheClientCan(() => slot.write(live.doc, value));
            if (alsoType) live.text('problem').insert(0, 'Live: ');
          });
          await live.acknowledged();
          // Projection runs here and would throw here (a GET only logs a failed projection).
          await t.app.get(TenderService).flushLive(tender.id);
          const stored = await buyer.get(`/api/v1/tenders/${tender.id}`);
          expect(stored.status).toBe(200);
          expect(problemsIn(stored.body)).toEqual([]);
          if (alsoType) expect(stored.body.problem.startsWith('Live: ')).toBe(true);

          const res = await buyer.post(`/api/v1/tenders/${tender.id}/publish`, { revision: stored.body.revision });
          expect([201, 422]).toContain(res.status);
          if (res.status === 201) {
            expect(problemsIn(res.body.tender)).toEqual([]);
            const snapshot = await t.client().get(`/api/v1/public/tenders/${tender.id}`);
            expect(snapshot.status).toBe(200);
          } else {
            expect(res.body.details.length).toBeGreaterThan(0);
          }
        } finally {
          live.close();
        }
      }),
      { numRuns: runs },
    );
    // Each run creates, co-edits and tries to publish a tender (with its pack): the box is shared, so the count stays modest.
  }, 900_000);

  it('a REST save over refused live values clears the refusal (it wrote every value of the document)', async () => {
    const { tender, live } = await openLive();
    try {
      live.doc.transact(() => tenderMap(live.doc).set('estimatedValue', 'lots'));
      await live.acknowledged();
      await t.app.get(TenderService).flushLive(tender.id);
      expect(t.app.get(TenderService).liveRefusals(tender.id)).toEqual([expect.objectContaining({ field: 'estimatedValue' })]);
      const current = (await buyer.get(`/api/v1/tenders/${tender.id}`)).body as TenderDetail;
      const content = toTenderContent(current);
      content.timetable.submissionDeadline = inDays(30);
      expect((await buyer.put(`/api/v1/tenders/${tender.id}`, { revision: current.revision, content })).status).toBe(200);
      expect(t.app.get(TenderService).liveRefusals(tender.id)).toEqual([]);
      await waitFor(() => tenderMap(live.doc).get('estimatedValue') === current.estimatedValue).catch((e) => {
        throw new Error(`${e}: ${JSON.stringify(tenderMap(live.doc).get('estimatedValue'))} vs ${current.estimatedValue}`);
      });
    } finally {
      live.close();
    }
  });
});
