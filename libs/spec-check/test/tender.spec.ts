import { CATEGORIES, checkTender, opennessScore, readingAge, RULES, type CriterionInput, type TenderCheckInput } from '../src/index';

const reqs = (...texts: string[]) => texts.map((text, i) => ({ id: `R${i + 1}`, text }));

const goodCriteria: CriterionInput[] = [
  { id: 'price', title: 'Price', weight: 40, kind: 'price' },
  {
    id: 'quality',
    title: 'Quality',
    weight: 50,
    children: [
      { id: 'q1', title: 'Approach', weight: 60 },
      { id: 'q2', title: 'Mobilisation', weight: 40 },
    ],
  },
  { id: 'sv', title: 'Social value', weight: 10, kind: 'social-value' },
  { id: 'gate', title: 'Insurance confirmation', passFail: true },
];

describe('checkTender', () => {
  it('returns per-requirement findings in order, with ids and texts', () => {
    const r = checkTender({
      requirements: reqs('Staff laptops must be Dell Latitude 5440.', 'Pages must load within 2 seconds for 95% of requests.'),
    });
    expect(r.requirements.map((x) => x.id)).toEqual(['R1', 'R2']);
    expect(r.requirements[0].findings.map((f) => f.rule)).toContain('brand.named-product');
    expect(r.requirements[0].blocking).toBe(true);
    expect(r.requirements[1].findings).toEqual([]);
    expect(r.blocking).toBe(true);
    expect(r.summary.requirements).toBe(2);
    expect(r.summary.errors).toBeGreaterThanOrEqual(1);
  });

  it('uses the estimated value to check turnover', () => {
    const input: TenderCheckInput = {
      requirements: reqs('Bidders must have a minimum annual turnover of £900,000.'),
      estimatedValue: 300_000,
    };
    expect(checkTender(input).requirements[0].findings.map((f) => f.rule)).toContain('threshold.turnover-excessive');
    expect(checkTender({ ...input, estimatedValue: 600_000 }).requirements[0].findings.map((f) => f.rule)).not.toContain(
      'threshold.turnover-excessive',
    );
  });

  describe('justifications', () => {
    const input: TenderCheckInput = {
      requirements: reqs('Infusion pumps must be BD Alaris.', 'Staff laptops must be Dell Latitude 5440.'),
    };
    it('accepts an array keyed by requirement id + rule and marks findings justified (kept, not blocking)', () => {
      const r = checkTender({
        ...input,
        justifications: [
          { requirementId: 'R1', rule: 'brand.named-product', text: 'Must use the same consumables as our 400 existing pumps.' },
        ],
      });
      const f = r.requirements[0].findings.find((x) => x.rule === 'brand.named-product')!;
      expect(f.justified).toBe(true);
      expect(f.justification).toMatch(/existing pumps/);
      expect(r.requirements[0].blocking).toBe(false);
      expect(r.requirements[1].blocking).toBe(true);
      expect(r.summary.justified).toBe(1);
      expect(r.blocking).toBe(true);
    });
    it('accepts a map keyed by requirement id then rule; a justification for another rule does not match', () => {
      const r = checkTender({
        ...input,
        justifications: { R1: { 'brand.named-product': 'Interoperability with existing pumps.' }, R2: { 'measure.vague-term': 'n/a' } },
      });
      expect(r.requirements[0].findings.find((x) => x.rule === 'brand.named-product')!.justified).toBe(true);
      expect(r.requirements[1].findings.some((x) => x.justified)).toBe(false);
    });
    it('ignores blank justifications', () => {
      const r = checkTender({ ...input, justifications: [{ requirementId: 'R1', rule: 'brand.named-product', text: '   ' }] });
      expect(r.requirements[0].blocking).toBe(true);
    });
    it('justified findings lower openness less than unjustified ones', () => {
      const a = checkTender(input).openness.score;
      const b = checkTender({
        ...input,
        justifications: { R1: { 'brand.named-product': 'reason' }, R2: { 'brand.named-product': 'reason' } },
      }).openness.score;
      expect(b).toBeGreaterThan(a);
    });
    it('can justify tender-level findings with requirement id "tender"', () => {
      const r = checkTender({
        requirements: reqs('Pages must load within 2 seconds.'),
        criteria: [
          { id: 'q', title: 'Quality', weight: 80 },
          { id: 'sv', title: 'Social value', weight: 10 },
        ],
        passFailDeclared: true,
        justifications: { tender: { 'tender.weights-sum': 'Price is assessed separately.' } },
      });
      const f = r.tenderFindings.find((x) => x.rule === 'tender.weights-sum')!;
      expect(f.justified).toBe(true);
      expect(r.blocking).toBe(false);
    });
  });

  describe('tender-level rules', () => {
    const rules = (input: TenderCheckInput) => checkTender(input).tenderFindings.map((f) => f.rule);

    it('weights must add up to 100 at every level', () => {
      expect(rules({ requirements: [], criteria: goodCriteria })).not.toContain('tender.weights-sum');
      expect(
        rules({
          requirements: [],
          criteria: [
            { id: 'a', title: 'Price', weight: 50 },
            { id: 'b', title: 'Social value', weight: 30 },
          ],
        }),
      ).toContain('tender.weights-sum');
      const nested: CriterionInput[] = [
        { id: 'p', title: 'Price', weight: 40 },
        {
          id: 'q',
          title: 'Quality',
          weight: 50,
          children: [
            { id: 'q1', title: 'A', weight: 30 },
            { id: 'q2', title: 'B', weight: 30 },
          ],
        },
        { id: 's', title: 'Social value', weight: 10 },
      ];
      const f = checkTender({ requirements: [], criteria: nested }).tenderFindings.find((x) => x.rule === 'tender.weights-sum')!;
      expect(f.target).toBe('q');
      expect(f.severity).toBe('error');
      // children may also add up to the parent's weight
      const absolute = structuredClone(nested);
      absolute[1].children = [
        { id: 'q1', title: 'A', weight: 20 },
        { id: 'q2', title: 'B', weight: 30 },
      ];
      expect(rules({ requirements: [], criteria: absolute })).not.toContain('tender.weights-sum');
    });

    it('social value must carry at least 10%', () => {
      expect(rules({ requirements: [], criteria: goodCriteria })).not.toContain('tender.social-value-weight');
      expect(
        rules({
          requirements: [],
          criteria: [
            { id: 'p', title: 'Price', weight: 95 },
            { id: 's', title: 'Social value', weight: 5 },
          ],
        }),
      ).toContain('tender.social-value-weight');
      expect(rules({ requirements: [], criteria: [{ id: 'p', title: 'Price', weight: 100 }] })).toContain('tender.social-value-weight');
      // nested social value counts by its effective share: 20% of 50% = 10%
      expect(
        rules({
          requirements: [],
          criteria: [
            { id: 'p', title: 'Price', weight: 50 },
            {
              id: 'q',
              title: 'Quality',
              weight: 50,
              children: [
                { id: 's', title: 'Social value', weight: 20 },
                { id: 'o', title: 'Other', weight: 80 },
              ],
            },
          ],
        }),
      ).not.toContain('tender.social-value-weight');
    });

    it('pass/fail gates must be declared when there are mandatory requirements', () => {
      const mandatory = reqs('The supplier must provide monthly invoices.');
      const noGates: CriterionInput[] = goodCriteria.filter((c) => !c.passFail);
      expect(rules({ requirements: mandatory, criteria: noGates })).toContain('tender.pass-fail-undeclared');
      expect(rules({ requirements: mandatory, criteria: goodCriteria })).not.toContain('tender.pass-fail-undeclared');
      expect(
        rules({ requirements: [{ id: 'R1', text: 'The supplier must provide monthly invoices.', passFail: true }], criteria: noGates }),
      ).not.toContain('tender.pass-fail-undeclared');
      expect(rules({ requirements: mandatory, criteria: noGates, passFailDeclared: true })).not.toContain('tender.pass-fail-undeclared');
    });

    it('a large tender in one lot needs a reason', () => {
      expect(rules({ requirements: [], estimatedValue: 8_000_000 })).toContain('tender.single-lot');
      expect(rules({ requirements: [], estimatedValue: 8_000_000, lots: [{ id: '1' }, { id: '2' }] })).not.toContain('tender.single-lot');
      expect(rules({ requirements: [], estimatedValue: 8_000_000, singleLotReason: 'One integrated system is needed.' })).not.toContain(
        'tender.single-lot',
      );
      expect(rules({ requirements: [], estimatedValue: 500_000 })).not.toContain('tender.single-lot');
    });

    it('flags a mandatory requirement count out of proportion to the contract', () => {
      const many = Array.from({ length: 40 }, (_, i) => ({
        id: `R${i}`,
        text: `The supplier must provide report number ${i} each month.`,
      }));
      expect(rules({ requirements: many, estimatedValue: 80_000 })).toContain('tender.mandatory-count');
      expect(rules({ requirements: many, estimatedValue: 20_000_000, lots: [{ id: 'a' }, { id: 'b' }] })).not.toContain(
        'tender.mandatory-count',
      );
      const optional = many.map((r) => ({ ...r, mandatory: false }));
      expect(rules({ requirements: optional, estimatedValue: 80_000 })).not.toContain('tender.mandatory-count');
    });

    it('flags scoring that rewards the number of examples', () => {
      const criteria: CriterionInput[] = [
        ...goodCriteria.slice(0, 1),
        { id: 'q', title: 'Experience', weight: 50, description: 'Two marks will be awarded for each case study provided.' },
        ...goodCriteria.slice(2),
      ];
      const f = checkTender({ requirements: [], criteria }).tenderFindings.find((x) => x.rule === 'tender.scoring-by-quantity')!;
      expect(f.target).toBe('q');
      expect(rules({ requirements: [], criteria: goodCriteria })).not.toContain('tender.scoring-by-quantity');
    });

    it('flags a high reading age', () => {
      const dense =
        'Notwithstanding the aforementioned contractual obligations, the organisation shall institutionalise comprehensive multidisciplinary interoperability methodologies, demonstrating organisational accountability, operational sustainability and administrative proportionality throughout implementation.';
      expect(rules({ requirements: reqs(dense) })).toContain('tender.reading-age');
      expect(rules({ requirements: reqs('The supplier must send us a short report each month.') })).not.toContain('tender.reading-age');
    });

    it('every tender-level finding has the catalogue fields', () => {
      const r = checkTender({
        requirements: reqs('The supplier must provide monthly invoices.'),
        estimatedValue: 9e6,
        criteria: [{ id: 'p', title: 'Price', weight: 95 }],
      });
      expect(r.tenderFindings.length).toBeGreaterThan(0);
      for (const f of r.tenderFindings) {
        expect(f.category).toBe('tender');
        expect(f.reference).toBe(RULES[f.rule].reference);
        expect([f.start, f.end]).toEqual([0, 0]);
      }
    });
  });

  describe('openness score', () => {
    it('is 100 for an open specification and lower for a prescriptive one, with a per-category breakdown', () => {
      const open = checkTender({
        requirements: reqs(
          'Pages must load within 2 seconds for 95% of requests.',
          'The supplier must fix priority 1 incidents within 4 hours.',
        ),
      });
      expect(open.openness.score).toBe(100);
      const closed = checkTender({
        requirements: reqs(
          'Staff laptops must be Dell Latitude 5440.',
          'Bidders must hold ISO 9001 certification.',
          'The system must be user-friendly.',
          'Bidders must employ at least 250 staff.',
        ),
      });
      expect(closed.openness.score).toBeLessThan(open.openness.score);
      expect(Object.keys(closed.openness.breakdown).sort()).toEqual([...CATEGORIES].sort());
      expect(closed.openness.breakdown.brand.score).toBeLessThan(100);
      expect(closed.openness.breakdown.brand.errors).toBe(1);
      expect(closed.openness.breakdown.solution.score).toBe(100);
      const weights = Object.values(closed.openness.breakdown).reduce((a, c) => a + c.weight, 0);
      expect(weights).toBeCloseTo(1, 6);
    });
    it('stays within 0–100', () => {
      const awful = Array.from(
        { length: 20 },
        () =>
          'Staff laptops must be Dell Latitude 5440, ISO 9001 certified, user-friendly, built in Java, by a team of five developers on site 5 days a week, from a supplier with a turnover of £50m.',
      );
      const r = checkTender({ requirements: reqs(...awful), estimatedValue: 100_000, criteria: [{ id: 'p', title: 'Price', weight: 10 }] });
      expect(r.openness.score).toBeGreaterThanOrEqual(0);
      expect(r.openness.score).toBeLessThanOrEqual(100);
      expect(opennessScore([], []).score).toBe(100);
    });
  });

  it('estimates a reading age', () => {
    expect(readingAge('')).toBeNull();
    const simple = readingAge('We need the bins to be picked up on time. Tell us when you will come.')!;
    const hard = readingAge('The organisation shall institutionalise comprehensive multidisciplinary interoperability methodologies.')!;
    expect(simple).toBeLessThan(hard);
    expect(simple).toBeGreaterThanOrEqual(5);
    expect(hard).toBeLessThanOrEqual(25);
    expect(checkTender({ requirements: reqs('We need the bins picked up on time.') }).readingAge).not.toBeNull();
  });

  it('acronyms explained earlier in the tender are not flagged again', () => {
    const r = checkTender({
      requirements: reqs(
        'The supplier must produce a Project Initiation Document (PID) within 2 weeks.',
        'The PID must be approved by the board.',
      ),
    });
    expect(r.requirements[1].findings.some((f) => f.rule === 'readability.acronym')).toBe(false);
  });
});
