import { QuestionStatus, ResponseStatus, type SupplierResponseSummary } from '@openbrief/contracts';
import { describe, expect, it } from 'vitest';
import { hasPassed, ownQuestionStatusText, responsesByLot } from './supplier-view';

function summary(tenderId: string, lotNumber: number, id = `${tenderId}-${lotNumber}`): SupplierResponseSummary {
  return {
    id,
    tenderId,
    tenderReference: 'NCH-2026-001',
    tenderTitle: 'A tender',
    buyerName: 'A buyer',
    lotId: `lot-${'ab'[lotNumber - 1]}`,
    lotNumber,
    lotTitle: `Lot ${lotNumber}`,
    status: ResponseStatus.Draft,
    submissionDeadline: null,
    nextStep: 'Submit before the deadline',
    updatedAt: '2026-12-01T10:00:00.000Z',
  };
}

describe('responsesByLot', () => {
  const lots = [
    { id: 'lot-a', number: 1 },
    { id: 'lot-b', number: 2 },
  ];

  it('finds the response to each lot of this tender only', () => {
    const found = responsesByLot('t1', lots, [summary('t2', 1), summary('t1', 2), summary('t3', 2)]);
    expect(found.get('lot-a')).toBeUndefined();
    expect(found.get('lot-b')?.id).toBe('t1-2');
  });

  it('finds nothing when the supplier has no responses', () => {
    expect(responsesByLot('t1', lots, []).size).toBe(0);
  });
});

describe('ownQuestionStatusText', () => {
  it('never lets the asker know a draft answer exists', () => {
    expect(ownQuestionStatusText({ status: QuestionStatus.New })).toBe('Waiting for an answer');
    expect(ownQuestionStatusText({ status: QuestionStatus.Drafted })).toBe('Waiting for an answer');
  });

  it('says who else can read the answer', () => {
    expect(ownQuestionStatusText({ status: QuestionStatus.Published })).toMatch(/everyone, without your name/);
    expect(ownQuestionStatusText({ status: QuestionStatus.AnsweredPrivately })).toMatch(/only/);
  });
});

describe('hasPassed', () => {
  const now = Date.parse('2026-12-07T12:00:00.000Z');

  it('treats a missing deadline as still open', () => {
    expect(hasPassed(null, now)).toBe(false);
  });

  it('is passed at the deadline itself, as on the server', () => {
    expect(hasPassed('2026-12-07T12:00:00.000Z', now)).toBe(true);
    expect(hasPassed('2026-12-07T12:00:01.000Z', now)).toBe(false);
  });
});
