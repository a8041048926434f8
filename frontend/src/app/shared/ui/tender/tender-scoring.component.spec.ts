import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { EvaluationModel, PriceMethod, TieBreakRule } from '@openbrief/contracts';
import { PRICE_METHODS } from '@openbrief/scoring';
import { beforeEach, describe, expect, it } from 'vitest';
import { withRules } from '../../../features/tenders/data-access/content-ops';
import { tenderDetail } from '../../../features/tenders/data-access/testing/tender-content.fixture';
import { TenderScoring } from './tender-scoring.component';

async function render(patch: Partial<EvaluationModel>, budgetMax: number | null = null): Promise<string> {
  const fixture = TestBed.createComponent(TenderScoring);
  fixture.componentRef.setInput('model', { ...tenderDetail().lots[0].evaluationModel, ...patch });
  fixture.componentRef.setInput('budgetMax', budgetMax);
  await fixture.whenStable();
  return (fixture.nativeElement as HTMLElement).textContent!.replace(/\s+/g, ' ');
}

describe('TenderScoring', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] }));
  const rules = tenderDetail().lots[0].evaluationModel.rules;

  it('shows the price method in the scoring library’s words, with its formula', async () => {
    const text = await render({ priceMethod: PriceMethod.RelativeToAverage });
    expect(text).toContain(PRICE_METHODS[PriceMethod.RelativeToAverage].label);
    expect(text).toContain(PRICE_METHODS[PriceMethod.RelativeToAverage].formula);
  });

  it('shows the rules a supplier needs, in the words the tender pack prints', async () => {
    const text = await render({ rules: withRules(rules, { tieBreak: TieBreakRule.LowerPrice, abnormallyLowPercent: 30 }) });
    expect(text).toContain('Evaluators mark quality and social value answers blind.');
    expect(text).toContain('Evaluators see no prices until the panel has agreed every quality score.');
    expect(text).toContain('we rank the one with the lower price first.');
    expect(text).toContain('We will check any price more than 30% below the average price or our estimate.');
    expect(text).toContain('We never reject a bid for a low price without asking first.');
    const open = await render({ rules: withRules(rules, { blindMarking: false, priceHiddenUntilModerated: false }) });
    expect(open).toContain('Evaluators see your organisation’s name beside your answers.');
    expect(open).not.toContain('Evaluators see no prices');
  });

  it('states the chosen method’s parameters, the budget’s maximum standing in for a missing ceiling', async () => {
    const linear = await render(
      { priceMethod: PriceMethod.LinearBudgetToFloor, rules: withRules(rules, { price: { floorPrice: 40_000 } }) },
      150_000,
    );
    expect(linear).toContain('Ceiling price: £150,000, the budget’s maximum. Floor price: £40,000.');
    const log = await render({ priceMethod: PriceMethod.Logarithmic, rules: withRules(rules, { price: { logRatio: 3 } }) });
    expect(log).toContain('A = 3: a price 3 times the lowest, or more, scores nothing.');
    const proportional = await render({ priceMethod: PriceMethod.Proportional });
    expect(proportional).not.toContain('Ceiling price');
  });
});
