import { describe, expect, it } from 'vitest';
import { draftProblems, emptyLine, leftovers, toContentInput, toDraft, withLineIds } from './response-draft';
import { supplierResponse } from './testing/response.fixture';

describe('toDraft and toContentInput', () => {
  it('round-trips the server content, with prices as text while editing', () => {
    const response = supplierResponse();
    const draft = toDraft(response);
    expect(draft.priceLines[0]).toMatchObject({ id: 'line-1', key: 'line-1', quantity: '10', unitPrice: '25.00' });
    expect(toContentInput(draft, response)).toEqual({
      answers: [{ criterionId: 'crit-1', text: 'Our plan' }],
      declarations: [{ requirementId: 'req-1', meets: null, evidence: '' }],
      priceLines: [{ id: 'line-1', description: 'Driver hours', quantity: 10, unit: 'hour', unitPrice: 25 }],
    });
  });

  it('does not send a line nobody has typed in', () => {
    const response = supplierResponse();
    const draft = { ...toDraft(response), priceLines: [...toDraft(response).priceLines, emptyLine()] };
    expect(toContentInput(draft, response).priceLines).toHaveLength(1);
  });
});

describe('draftProblems', () => {
  it('points at the field that stops saving', () => {
    const response = supplierResponse();
    const line = { ...emptyLine(), description: 'Fuel', quantity: '2', unitPrice: '-3' };
    const problems = draftProblems({ ...toDraft(response), priceLines: [line] }, response);
    expect(problems).toEqual([{ fieldId: `price-${line.key}-unitPrice`, message: 'Price line 1: The unit price cannot be negative' }]);
  });

  it('refuses an answer longer than the server stores', () => {
    const response = supplierResponse();
    const draft = toDraft(response);
    const problems = draftProblems({ ...draft, answers: { 'crit-1': 'a'.repeat(60_001) } }, response);
    expect(problems[0]?.fieldId).toBe('answer-crit-1');
  });
});

describe('withLineIds', () => {
  it('gives new lines the ids the server chose, in the order they were sent', () => {
    const response = supplierResponse();
    const added = { ...emptyLine(), description: 'Fuel', quantity: '1', unitPrice: '5' };
    const draft = { ...toDraft(response), priceLines: [...toDraft(response).priceLines, added] };
    const updated = withLineIds(draft, ['line-1', added.key], ['line-1', 'line-2']);
    expect(updated.priceLines.map((l) => l.id)).toEqual(['line-1', 'line-2']);
    expect(withLineIds(updated, ['line-1', added.key], ['line-1', 'line-2'])).toBe(updated);
  });
});

describe('leftovers', () => {
  it('lists only my edits that the colleague’s version lacks, and puts each back', () => {
    const response = supplierResponse();
    const base = toDraft(response);
    const mine = { ...base, answers: { 'crit-1': 'My better plan' }, declarations: { 'req-1': { meets: true, evidence: 'DBS policy' } } };
    const theirs = { ...base, declarations: { 'req-1': { meets: true, evidence: 'DBS policy' } }, answers: { 'crit-1': 'Their plan' } };
    const list = leftovers(base, mine, theirs, response);
    expect(list.map((l) => l.key)).toEqual(['answer:crit-1']);
    expect(list[0]).toMatchObject({ label: 'Answer: Approach', mine: 'My better plan', theirs: 'Their plan' });
    expect(list[0]!.apply(theirs).answers['crit-1']).toBe('My better plan');
  });

  it('offers my price lines back as new lines', () => {
    const response = supplierResponse();
    const base = toDraft(response);
    const mine = { ...base, priceLines: [{ ...base.priceLines[0]!, unitPrice: '30' }] };
    const list = leftovers(base, mine, base, response);
    expect(list.map((l) => l.key)).toEqual(['price']);
    const restored = list[0]!.apply(base);
    expect(restored.priceLines[0]).toMatchObject({ unitPrice: '30', id: undefined });
  });
});
