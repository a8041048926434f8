import { checkRequirement, RULES, type RuleId } from '../src/index';
import { PRESCRIPTION_MODEL } from '../src/lib/data/prescription-model';
import { loadCorpus } from '../bench/evaluate';
import { learnedState, scoreProbs } from '../src/lib/rules/learned';
import { features, tokenize } from '../src/lib/text/features';

/**
 * The learned prescription check (src/lib/rules/learned.ts). The positive statements below are in none of the
 * corpora the model was trained on, so they show it generalising from the grammar and word classes rather than
 * remembering sentences. Each exception the issue names is tested against a statement the model would otherwise
 * flag.
 */
const ruleOf = (text: string, rule: RuleId) => checkRequirement(text).filter((f) => f.rule === rule);

describe('learned prescription model: flags hows it has no pattern for', () => {
  const cases: [string, RuleId][] = [
    ['Gritting of council car parks shall be done by a tractor with a rear spreader before 6am.', 'method.prescribed-means'],
    ['Pest control visits must be made by two technicians every month.', 'method.prescribed-means'],
    ['The supplier will hold a fortnightly progress meeting at the town hall with the project board.', 'method.prescribed-means'],
    ['Complaints are to be logged in a paper book at each housing office.', 'solution.prescribed-design'],
    ['The library service must issue books through self-service machines at every branch.', 'solution.prescribed-design'],
    ['Bidders must have supplied school uniforms to at least three academy trusts in Lancashire.', 'threshold.sector-experience'],
  ];
  it.each(cases)('%s → %s', (text, rule) => {
    const found = ruleOf(text, rule);
    expect(found).toHaveLength(1);
    const f = found[0];
    // explainable: the rule's own title and reference, and the words that weighed most, quoted and underlined
    expect(f.reference).toBe(RULES[rule].reference);
    expect(f.severity).toBe(RULES[rule].severity);
    const quoted = text.slice(f.start, f.end);
    expect(quoted.trim().length).toBeGreaterThan(3);
    expect(f.message).toContain(`"${quoted}"`);
    expect(f.suggestion.length).toBeGreaterThan(40);
    // the underline is on the how, after the obligation, never the modal itself
    expect(quoted).not.toMatch(/\b(?:must|shall|will)\b/);
  });

  it('suggests work of comparable scope and complexity in any sector for restricted experience', () => {
    const [f] = ruleOf(
      'Bidders must have supplied school uniforms to at least three academy trusts in Lancashire.',
      'threshold.sector-experience',
    );
    expect(f.suggestion).toMatch(/comparable scope and complexity in any sector/);
  });

  it('flags an aim with no measure that no dictionary word catches as vague', () => {
    const text = 'Meals must be delicious and nourishing.';
    const found = checkRequirement(text).filter((f) => f.rule === 'measure.vague-term');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(`"${text.slice(found[0].start, found[0].end)}"`);
    // with a measure it is not vague
    const measured = 'Meals must be rated delicious by at least 80% of pupils in the termly survey.';
    expect(checkRequirement(measured).filter((f) => f.category === 'measure')).toEqual([]);
  });
});

describe('learned prescription model: exceptions stay narrow and working', () => {
  const prescriptive = (text: string) =>
    checkRequirement(text).filter((f) => f.severity !== 'info' && ['solution', 'method', 'threshold'].includes(f.category));
  const negatives: [string, string][] = [
    ['the how offered only as an example', 'Grass must be kept below 50 mm, for example by cutting with ride-on mowers every fortnight.'],
    ['left to the supplier', 'Training must be delivered using methods of the supplier’s own choice.'],
    ['"or equivalent"', 'Floors must be cleaned with a scrubber-dryer or equivalent machine.'],
    [
      'a stated interoperability need',
      'Staff must record each visit in our existing CareDirector system, because social workers read the notes there.',
    ],
    ['a legal duty', 'Asbestos must be removed by a licensed contractor, as the Control of Asbestos Regulations 2012 require.'],
    ['a measured outcome', 'At least 95% of graffiti reports must be removed within two working days.'],
    [
      'a measured outcome with a share as its subject',
      'At least 90% of tenants must be able to report a repair on a mobile phone without help.',
    ],
    ['a capability', 'Staff must be able to book rooms from their phone.'],
    ['the person’s needs', 'Care plans must be based on the assessed needs of each person.'],
    ['experience in any sector', 'Bidders must have experience of comparable work for clients in any sector.'],
    ['no obligation at all', 'Residents currently book rooms by telephone through the town hall.'],
  ];
  it.each(negatives)('%s: %s', (_why, text) => {
    expect(prescriptive(text)).toEqual([]);
  });

  it('an exception covers only the sentence it is in', () => {
    const example = 'Grass must be kept below 50 mm, for example by cutting it often.';
    const how = 'Pest control visits must be made by two technicians every month.';
    expect(prescriptive(example)).toEqual([]);
    const both = checkRequirement(`${example} ${how}`).filter((f) => f.rule === 'method.prescribed-means');
    expect(both).toHaveLength(1);
    expect(both[0].start).toBeGreaterThan(example.length);
  });
});

describe('learned prescription model: plumbing', () => {
  it('is plain data in the repository, with a weight for every class', () => {
    expect(PRESCRIPTION_MODEL.classes).toEqual(['good', 'solution', 'method', 'threshold', 'vague']);
    const entries = Object.entries(PRESCRIPTION_MODEL.weights);
    expect(entries.length).toBeGreaterThan(500);
    for (const [, w] of entries) expect(w).toHaveLength(PRESCRIPTION_MODEL.classes.length);
  });

  it('gives no learned finding when the model is switched off (the rules still run)', () => {
    const saved = learnedState.model;
    try {
      learnedState.model = null;
      expect(ruleOf('Pest control visits must be made by two technicians every month.', 'method.prescribed-means')).toEqual([]);
    } finally {
      learnedState.model = saved;
    }
  });

  it('reads features with their spans in the text', () => {
    const text = 'Bins must be emptied by hand every Monday.';
    for (const f of features(text)) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(text.length);
      expect(f.end).toBeGreaterThan(f.start);
    }
    const keys = features(text).map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['u:bin', 'b:by hand', 'c:manual', 'c:frequency']));
  });
});

describe('learned prescription model: the fast scorer reads exactly what the model was trained on', () => {
  // The scorer walks the words once, with no strings built, and skips a flag's pattern when a word it needs is
  // absent; the training script reads features() instead. Both must give the same sums, to the last bit.
  const texts = [
    ...loadCorpus().map((e) => e.text),
    'Cleaning must NOT be done with the existing mops, RATHER THAN new ones, as the Act 2010 requires.',
    'Two staff (3 FTE) must be on site at 9 am; £2.5m turnover, 95% of calls, 10km/20kg, co-operation’s, e.g. visits.',
    'Suppliers may be able to propose an equivalent approach based on the needs of each person, led by the council.',
  ];

  function reference(text: string): number[] {
    const model = PRESCRIPTION_MODEL;
    const z = model.bias.slice();
    const seen = new Set<string>();
    for (const { key } of features(text)) {
      if (seen.has(key)) continue;
      seen.add(key);
      const w = model.weights[key];
      if (w) for (let c = 0; c < z.length; c++) z[c] += w[c];
    }
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / sum);
  }

  it('gives the same probabilities as summing the training features, for every statement of the main corpus', () => {
    const model = learnedState.model!;
    const differ = texts.filter((t) => {
      const got = scoreProbs(model, t);
      const want = reference(t);
      return got.some((p, c) => !Object.is(p, want[c]));
    });
    expect(differ).toEqual([]);
  });

  it('splits words exactly as the pattern in features.ts describes', () => {
    const TOKEN_RE = /£?\d[\d,.]*(?:%|m|k|bn)?|[A-Za-z][A-Za-z'’-]*/g;
    const raw = (text: string) => [...text.matchAll(TOKEN_RE)].map((m) => [m.index, m.index + m[0].length]);
    const odd = ['£5bn, 3.5%, 10km; x£y £ 4 1,000.00m', "it's-all o’clock - -a'b 'q", '9am 12pm 2bn 3b 7kg %5'];
    for (const t of [...texts, ...odd]) expect(tokenize(t).map((k) => [k.start, k.end])).toEqual(raw(t));
  });
});
