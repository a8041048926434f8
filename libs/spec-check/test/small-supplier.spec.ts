import {
  checkTender,
  SMALL_SUPPLIER_LIMITS,
  smallSupplierCheckInput,
  smallSupplierVerdict,
  type SmallSupplierTender,
  type SmallSupplierText,
} from '../src/index';

type Lot = SmallSupplierTender['lots'][number];

const lot = (id: string, outcomes: string[], estimatedValue: number | null = null, kinds: string[] = []): Lot => ({
  id,
  title: `Lot ${id}`,
  estimatedValue,
  requirements: outcomes.map((outcome, i) => ({ id: `${id}-r${i + 1}`, kind: kinds[i] ?? 'outcome', outcome })),
  evaluationModel: {
    criteria: [
      {
        id: `${id}-q`,
        parentId: null,
        name: 'Quality',
        type: 'quality',
        weight: 60,
        description: 'How well the approach meets the outcomes.',
      },
      { id: `${id}-p`, parentId: null, name: 'Price', type: 'price', weight: 40, description: 'The total price.' },
    ],
  },
});

const PLAIN = [
  'Parents can book school transport for their child online.',
  'Parents get a message when the bus is late.',
  'The service works on a phone.',
];

function tender(over: Partial<SmallSupplierTender> = {}): SmallSupplierTender {
  return {
    estimatedValue: 150_000,
    budget: { currency: 'GBP' },
    procedure: 'open',
    singleLotReason: 'A single service: splitting it would leave parents with two systems.',
    justifications: [],
    lots: [lot('L1', PLAIN)],
    ...over,
  };
}

const reason = (v: ReturnType<typeof smallSupplierVerdict>, test: string) => v.reasons.find((r) => r.test === test)!;

describe('smallSupplierVerdict', () => {
  it('finds a small, open, plainly written tender suitable, and says why for each test', () => {
    const v = smallSupplierVerdict(tender(), [{ key: 'summary', text: 'Parents can arrange school transport online.' }]);
    expect(v.suitableForSmallSuppliers).toBe(true);
    expect(v.reasons.map((r) => [r.test, r.met])).toEqual([
      ['thresholds', true],
      ['lots', true],
      ['reading-age', true],
      ['procedure', true],
    ]);
    for (const r of v.reasons) expect(r.text).toMatch(/^It [a-z]/);
    expect(v.readingAge).not.toBeNull();
    expect(v.readingAge!).toBeLessThanOrEqual(SMALL_SUPPLIER_LIMITS.readingAge);
  });

  it('gives the checker’s own openness score for the same tender', () => {
    const t = tender({ lots: [lot('L1', [...PLAIN, 'Staff laptops must be Dell Latitude 5440.'])] });
    const v = smallSupplierVerdict(t, []);
    expect(v.score).toBe(checkTender(smallSupplierCheckInput(t)).openness.score);
    expect(v.score).toBeLessThan(100);
  });

  it('fails the thresholds test on an unjustified turnover demand in an outcome, and passes it once justified', () => {
    const turnover = 'Suppliers must have a minimum annual turnover of £5 million.';
    const t = tender({ lots: [lot('L1', [...PLAIN, turnover])] });
    const v = smallSupplierVerdict(t, []);
    expect(reason(v, 'thresholds')).toEqual({ test: 'thresholds', met: false, text: expect.stringContaining('a minimum turnover') });
    expect(v.suitableForSmallSuppliers).toBe(false);

    const rules = checkTender(smallSupplierCheckInput(t))
      .requirements[3].findings.filter((f) => f.category === 'threshold')
      .map((f) => f.rule);
    expect(rules.length).toBeGreaterThan(0);
    const justified = smallSupplierVerdict(
      {
        ...t,
        justifications: rules.map((rule) => ({ requirementId: 'L1-r4', rule, text: 'Required by the funding body for this grant.' })),
      },
      [],
    );
    expect(reason(justified, 'thresholds').met).toBe(true);
  });

  it('reads thresholds in the other texts suppliers read too, with their own justification keys', () => {
    const texts: SmallSupplierText[] = [
      { key: 'constraints', text: 'Suppliers must hold £10 million public liability insurance when they bid.' },
    ];
    const v = smallSupplierVerdict(tender(), texts);
    const flagged = reason(v, 'thresholds');
    expect(flagged.met).toBe(false);
    expect(flagged.text).toContain('insurance');
    const rules = ['threshold.insurance-at-bid'];
    const justified = smallSupplierVerdict(
      tender({ justifications: rules.map((rule) => ({ requirementId: 'constraints', rule, text: 'The site is a hospital ward.' })) }),
      texts,
    );
    expect(reason(justified, 'thresholds').met).toBe(true);
  });

  it('asks for lots above the limit: one large lot fails; several lots, or a value at or under the limit, or none, pass', () => {
    const limit = SMALL_SUPPLIER_LIMITS.largeValue;
    expect(reason(smallSupplierVerdict(tender({ estimatedValue: limit + 1 }), []), 'lots')).toEqual({
      test: 'lots',
      met: false,
      text: expect.stringContaining('not divided into lots'),
    });
    expect(reason(smallSupplierVerdict(tender({ estimatedValue: limit }), []), 'lots').met).toBe(true);
    expect(reason(smallSupplierVerdict(tender({ estimatedValue: null }), []), 'lots').met).toBe(true);
    // A single lot's own value counts when the tender gives none.
    expect(reason(smallSupplierVerdict(tender({ estimatedValue: null, lots: [lot('L1', PLAIN, limit * 2)] }), []), 'lots').met).toBe(false);
    const split = smallSupplierVerdict(
      tender({ estimatedValue: limit * 3, lots: [lot('L1', PLAIN, limit * 2), lot('L2', PLAIN, limit)] }),
      [],
    );
    expect(reason(split, 'lots')).toEqual({
      test: 'lots',
      met: true,
      text: 'It is divided into 2 lots, so a supplier can bid for part of it.',
    });
  });

  it('fails the reading-age test when the texts suppliers read are hard going', () => {
    const hard =
      'Notwithstanding the aforementioned considerations, the contractor shall demonstrate comprehensive organisational capability regarding the implementation, administration and continuous optimisation of interdepartmental communication infrastructure, incorporating appropriately documented procedural methodologies and authoritative governance arrangements acceptable to the commissioning authority';
    const v = smallSupplierVerdict(tender(), [{ key: 'problem', text: hard }]);
    expect(v.readingAge!).toBeGreaterThan(SMALL_SUPPLIER_LIMITS.readingAge);
    expect(reason(v, 'reading-age')).toEqual({
      test: 'reading-age',
      met: false,
      text: expect.stringContaining(`above the limit of ${SMALL_SUPPLIER_LIMITS.readingAge}`),
    });
    expect(v.suitableForSmallSuppliers).toBe(false);
  });

  it('passes open, competitive flexible and below-threshold procedures, and fails a framework call-off', () => {
    for (const procedure of ['open', 'competitive_flexible', 'below_threshold']) {
      expect(reason(smallSupplierVerdict(tender({ procedure }), []), 'procedure').met).toBe(true);
    }
    const callOff = smallSupplierVerdict(tender({ procedure: 'framework_call_off' }), []);
    expect(reason(callOff, 'procedure')).toEqual({
      test: 'procedure',
      met: false,
      text: 'Only suppliers already on a framework can take part.',
    });
    expect(callOff.suitableForSmallSuppliers).toBe(false);
  });

  it('measures no reading age, and passes that test, when there is no text at all', () => {
    const v = smallSupplierVerdict(tender({ lots: [lot('L1', [])] }), []);
    expect(v.readingAge).toBeNull();
    expect(reason(v, 'reading-age').met).toBe(true);
  });
});
