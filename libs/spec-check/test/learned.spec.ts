import { checkRequirement, RULES, type RuleId } from '../src/index';
import { PRESCRIPTION_MODEL } from '../src/lib/data/prescription-model';
import { learnedState } from '../src/lib/rules/learned';
import { features } from '../src/lib/text/features';

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
