import { checkRequirement, type RuleId } from '../src/index';
import { learnedState } from '../src/lib/rules/learned';

/**
 * Rules changed for issue 14 (generalisation), each with positive and negative examples. The learned model is
 * switched off here so that these cases test the rules themselves.
 */
const rules = (text: string) =>
  checkRequirement(text)
    .filter((f) => f.severity !== 'info')
    .map((f) => f.rule);

let saved: typeof learnedState.model;
beforeAll(() => {
  saved = learnedState.model;
  learnedState.model = null;
});
afterAll(() => {
  learnedState.model = saved;
});

describe('prescription by grammar: "is to" / "are to" and "take the form of"', () => {
  const pos: [string, RuleId][] = [
    ['Hedges are to be cut using hand shears.', 'method.prescribed-means'],
    ['Induction is to take the form of classroom sessions.', 'method.prescribed-means'],
    ['Booking records are to be kept in a spreadsheet.', 'solution.prescribed-design'],
  ];
  it.each(pos)('flags %s', (text, rule) => expect(rules(text)).toContain(rule));
  it.each([
    'Hedges are to be kept below 1.5 metres, for example by cutting using hand shears.',
    'Induction is to take the form of the supplier’s own choice.',
    'Booking records are to be kept in our existing spreadsheet, because the finance team reconciles from it.',
  ])('does not flag %s', (text) => expect(rules(text)).toEqual([]));
});

describe('prescription by grammar: a measured outcome with a share as its subject', () => {
  it('does not flag the test condition of a measured outcome', () => {
    expect(rules('At least 90% of residents in testing must complete an application on a mobile phone without help.')).toEqual([]);
  });
  it('still flags the same means when it is mandated', () => {
    expect(rules('Applications must be completed using a mobile phone.')).toContain('method.prescribed-means');
  });
});

describe('vague terms: a legal term of art, a certification, and new vague words', () => {
  it('does not flag "suitable and sufficient" when the sentence names the law that defines it', () => {
    expect(
      rules(
        'A suitable and sufficient fire risk assessment must be kept for each premises, as the Regulatory Reform (Fire Safety) Order 2005 requires.',
      ),
    ).toEqual([]);
  });
  it('still flags it with no law named', () => {
    expect(rules('A suitable and sufficient assessment must be kept for each premises.')).toContain('measure.vague-term');
  });
  it('counts a certification as a measure', () => {
    expect(rules('Timber must be FSC certified or come with equivalent evidence that it is legal and sustainable.')).toEqual([]);
    expect(rules('Timber must be legal and sustainable.')).toContain('measure.vague-term');
  });
  it.each(['Trainers must be inspirational.', 'Cleaning staff must present a professional image at all times.'])('flags %s', (text) =>
    expect(rules(text)).toContain('measure.vague-term'),
  );
  it('does not flag an inspiring aim with a measure', () => {
    expect(rules('At least 80% of learners must rate the course inspiring in the end-of-course survey.')).toEqual([]);
  });
});

describe('brand: a code of practice number is not a product model', () => {
  it('does not flag "Approved Code of Practice L8"', () => {
    expect(rules('Water systems must be managed following the HSE Approved Code of Practice L8.')).not.toContain('brand.product-like-name');
  });
  it('still flags a product and model number', () => {
    expect(rules('Printers must be Xerox VersaLink C405 units.').some((r) => r.startsWith('brand.'))).toBe(true);
  });
});

describe('brand: a format that an existing tool "can read" is interoperability', () => {
  it('does not raise an error for the tool that must read the format', () => {
    expect(rules('Results must be supplied in a format that SPSS can read, as our analysts use it.')).not.toContain('brand.named-product');
  });
  it('still flags the tool when it is mandated', () => {
    expect(rules('Results must be analysed in SPSS.').some((r) => r.startsWith('brand.') || r.startsWith('solution.'))).toBe(true);
  });
});

describe('standard: a Security Industry Authority licence is a legal registration', () => {
  it('is never flagged', () => {
    expect(rules('Security staff must hold a Security Industry Authority licence for the activity they carry out.')).toEqual([]);
  });
  it('a named qualification still is', () => {
    expect(rules('Security staff must hold a Level 3 Award in Close Protection.')).toContain('standard.qualification');
  });
});
