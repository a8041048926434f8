import {
  CriterionType,
  ITL_REGION_CODES,
  Jurisdiction,
  PriceMethod,
  ProcurementCategory,
  Procedure,
  RequirementKind,
  RequirementPriority,
  ScoringScale,
  type TenderContent,
  TieBreakRule,
  VatBasis,
} from '@openbrief/contracts';
import fc from 'fast-check';
import * as Y from 'yjs';
import { orderedPositions, readContent, setText, writeContent } from './tender-doc';

const text = fc.string({ maxLength: 40, unit: 'grapheme' });
const requirement = fc.record({
  id: fc.uuid(),
  heading: fc.option(text, { nil: null }),
  kind: fc.constantFrom(...Object.values(RequirementKind)),
  priority: fc.constantFrom(...Object.values(RequirementPriority)),
  outcome: text,
  whyItMatters: text,
  measure: fc.record({
    description: text,
    baseline: fc.option(text, { nil: null }),
    target: fc.option(text, { nil: null }),
    unit: fc.option(text, { nil: null }),
  }),
  roomForProposals: text,
  justification: fc.option(text, { nil: null }),
});
const lot = fc.record({
  id: fc.uuid(),
  title: text,
  description: text,
  estimatedValue: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
  evaluationModel: fc.record({
    scale: fc.constant(ScoringScale.ZeroToFour),
    descriptors: fc.constant([{ score: 0, label: 'None', description: '' }]),
    minimumQualityPercent: fc.constant(50),
    priceMethod: fc.constantFrom(...Object.values(PriceMethod)),
    // The evaluation rules are one plain value of the lot: they round-trip whole.
    rules: fc.record({
      blindMarking: fc.boolean(),
      priceHiddenUntilModerated: fc.boolean(),
      tieBreak: fc.constantFrom(...Object.values(TieBreakRule)),
      nearTieMargin: fc.integer({ min: 0, max: 10 }),
      minJustificationChars: fc.integer({ min: 0, max: 2000 }),
      moderationSpread: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
      abnormallyLowPercent: fc.integer({ min: 1, max: 90 }),
      price: fc.record({
        ceilingPrice: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
        floorPrice: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
        logRatio: fc.constantFrom(1.5, 2, 3),
        discountRatePercent: fc.constantFrom(0, 3.5),
      }),
    }),
    criteria: fc.constant([
      {
        id: '3f8a3c9e-0000-4000-8000-000000000001',
        parentId: null,
        name: 'Quality',
        type: CriterionType.Quality,
        weight: 100,
        description: '',
        requirementIds: [],
        wordLimit: null,
      },
    ]),
  }),
  requirements: fc.uniqueArray(requirement, { maxLength: 6, selector: (r) => r.id }),
});
const content: fc.Arbitrary<TenderContent> = fc
  .record({
    title: text,
    summary: text,
    problem: text,
    users: text,
    workDone: text,
    constraints: text,
    budget: fc.constant({ min: null, max: 100, currency: 'GBP', vatBasis: VatBasis.ExcludingVat }),
    contract: fc.record({
      lengthMonths: fc.constant(24),
      extensionOptions: fc.constant(''),
      jurisdiction: fc.constantFrom(...Object.values(Jurisdiction)),
    }),
    estimatedValue: fc.option(fc.integer({ min: 0 }), { nil: null }),
    location: text,
    mainCategory: fc.constantFrom(...Object.values(ProcurementCategory)),
    regions: fc.uniqueArray(fc.constantFrom(...ITL_REGION_CODES), { maxLength: 12 }),
    procedure: fc.constant(Procedure.Open),
    singleLotReason: fc.option(text, { nil: null }),
    engagementSummary: text,
    noEngagementReason: fc.option(text, { nil: null }),
    timetable: fc.constant({
      clarificationDeadline: null,
      submissionDeadline: '2027-01-01T12:00:00.000Z',
      evaluationStart: null,
      evaluationEnd: null,
      expectedAward: null,
      contractStart: null,
      answersPublishedBy: null,
    }),
    responseRules: fc.record({
      attachmentsAllowed: fc.boolean(),
      maxAttachments: fc.integer({ min: 1, max: 20 }),
      maxAttachmentMb: fc.integer({ min: 1, max: 50 }),
      twoPersonOpening: fc.boolean(),
    }),
    contact: fc.constant({ name: 'A', email: 'a@b.test', phone: null }),
    lots: fc.uniqueArray(lot, { minLength: 1, maxLength: 3, selector: (l) => l.id }),
    justifications: fc.constant([]),
  })
  .map((c) => c as unknown as TenderContent);

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('tender document', () => {
  it('reads back exactly the content written, and a second write of the same content changes nothing', () => {
    fc.assert(
      fc.property(content, (c) => {
        const doc = new Y.Doc();
        writeContent(doc, c);
        expect(readContent(doc)).toEqual(c);
        let updates = 0;
        doc.on('update', () => updates++);
        writeContent(doc, c);
        expect(updates).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('moves from any content to any other, including reordered, added and removed requirements', () => {
    fc.assert(
      fc.property(content, content, (a, b) => {
        const doc = new Y.Doc();
        writeContent(doc, a);
        writeContent(doc, b);
        expect(readContent(doc)).toEqual(b);
        const reordered = { ...b, lots: b.lots.map((l) => ({ ...l, requirements: [...l.requirements].reverse() })) };
        writeContent(doc, reordered);
        expect(readContent(doc)).toEqual(reordered);
      }),
      { numRuns: 100 },
    );
  });

  it('merges concurrent edits of one field from two replicas: both converge and keep both edits', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }), text, text, (base, front, back) => {
        // Where typing in front of the text also reads as typing after it ("key" → "keykey"), the smallest edit is an
        // insert at the end, at the same place as the other replica's: Yjs then orders the two by client, not by intent.
        fc.pre(!(front + base).startsWith(base) && !(base + back).endsWith(base));
        const a = new Y.Doc();
        const b = new Y.Doc();
        const start = { summary: base };
        setText(a.getMap('tender').set('summary', new Y.Text()) as Y.Text, start.summary);
        sync(a, b);
        const ta = a.getMap('tender').get('summary') as Y.Text;
        const tb = b.getMap('tender').get('summary') as Y.Text;
        setText(ta, front + base);
        setText(tb, base + back);
        sync(a, b);
        expect(ta.toString()).toBe(tb.toString());
        expect(ta.toString()).toBe(front + base + back);
      }),
      { numRuns: 200 },
    );
  });

  it('converges whatever two replicas write concurrently', () => {
    fc.assert(
      fc.property(content, content, content, (start, x, y) => {
        const a = new Y.Doc();
        const b = new Y.Doc();
        writeContent(a, start);
        sync(a, b);
        writeContent(a, { ...x, lots: start.lots });
        writeContent(b, { ...y, lots: start.lots });
        sync(a, b);
        expect(readContent(a)).toEqual(readContent(b));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps what one person types in a requirement while another moves it', () => {
    fc.assert(
      fc.property(
        content.filter((c) => c.lots[0].requirements.length >= 2),
        fc.nat(),
        fc.nat(),
        text,
        (start, from, to, typed) => {
          const a = new Y.Doc();
          const b = new Y.Doc();
          writeContent(a, start);
          sync(a, b);
          const requirements = [...start.lots[0].requirements];
          const [moved] = requirements.splice(from % requirements.length, 1);
          requirements.splice(to % (requirements.length + 1), 0, moved);
          writeContent(a, { ...start, lots: [{ ...start.lots[0], requirements }, ...start.lots.slice(1)] });
          const edited = readContent(b);
          const target = edited.lots[0].requirements.find((r) => r.id === moved.id)!;
          target.outcome = target.outcome + typed;
          writeContent(b, edited);
          sync(a, b);
          const merged = readContent(a);
          expect(readContent(b)).toEqual(merged);
          expect(merged.lots[0].requirements.map((r) => r.id)).toEqual(requirements.map((r) => r.id));
          expect(merged.lots[0].requirements.find((r) => r.id === moved.id)!.outcome).toBe(moved.outcome + typed);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps the category, regions and engagement texts, and hands out a copy of the regions', () => {
    fc.assert(
      fc.property(content, (c) => {
        const doc = new Y.Doc();
        writeContent(doc, c);
        const read = readContent(doc);
        expect([read.mainCategory, read.regions, read.engagementSummary, read.noEngagementReason]).toEqual([
          c.mainCategory,
          c.regions,
          c.engagementSummary,
          c.noEngagementReason,
        ]);
        expect(read.regions).not.toBe(c.regions);
        read.regions.push('TLN');
        read.regions.splice(0, 1);
        expect(readContent(doc).regions).toEqual(c.regions);
      }),
      { numRuns: 50 },
    );
  });

  it('replaces the regions whole: a change writes one update, the same list none', () => {
    fc.assert(
      fc.property(content, (c) => {
        const doc = new Y.Doc();
        writeContent(doc, { ...c, regions: ['TLC', 'TLD'] });
        let updates = 0;
        doc.on('update', () => updates++);
        writeContent(doc, { ...c, regions: ['TLC', 'TLD'] });
        expect(updates).toBe(0);
        writeContent(doc, { ...c, regions: ['TLD'] });
        expect(updates).toBe(1);
        expect(readContent(doc).regions).toEqual(['TLD']);
        writeContent(doc, { ...c, regions: [] });
        expect(readContent(doc).regions).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('merges two people typing in the engagement summary at once', () => {
    fc.assert(
      fc.property(content, (c) => {
        const a = new Y.Doc();
        const b = new Y.Doc();
        writeContent(a, { ...c, engagementSummary: 'Suppliers asked for more time.' });
        sync(a, b);
        writeContent(a, { ...readContent(a), engagementSummary: 'Three suppliers asked for more time.' });
        writeContent(b, { ...readContent(b), engagementSummary: 'Suppliers asked for more time. We gave six weeks.' });
        sync(a, b);
        expect(readContent(a).engagementSummary).toBe('Three suppliers asked for more time. We gave six weeks.');
        expect(readContent(b)).toEqual(readContent(a));
      }),
      { numRuns: 10 },
    );
  });

  it('reads a document written before the category, regions and engagement texts without them, for the server to fill in', () => {
    const doc = new Y.Doc();
    const tender = doc.getMap<unknown>('tender');
    tender.set('location', 'Leeds');
    tender.set('procedure', Procedure.Open);
    const read = readContent(doc);
    expect(read.mainCategory).toBeUndefined();
    expect(read.regions).toBeUndefined();
    expect(read.noEngagementReason).toBeUndefined();
    expect(read.engagementSummary).toBe('');
  });

  it('renumbers as few items as possible to reach a new order', () => {
    expect(orderedPositions([0, 1, 2, 3])).toEqual([0, 1, 2, 3]);
    // The last item moved to the front: only it changes.
    expect(orderedPositions([3, 0, 1, 2])).toEqual([-1, 0, 1, 2]);
    // A new item (no position yet) between two others.
    expect(orderedPositions([0, NaN, 1])).toEqual([0, 0.5, 1]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { maxLength: 12 }), (values) => {
        const positions = orderedPositions(values);
        for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1]);
      }),
    );
  });
});
