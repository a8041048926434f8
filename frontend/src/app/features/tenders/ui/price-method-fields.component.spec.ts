import { Component, inject, provideZonelessChangeDetection, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { EvaluationModelContent, PriceMethod, TenderContent, TieBreakRule } from '@openbrief/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { updateModel } from '../data-access/content-ops';
import { validateContent } from '../data-access/content-validation';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { tenderContent } from '../data-access/testing/tender-content.fixture';
import { EvaluationRulesFields } from './evaluation-rules-fields.component';
import { PriceMethodFields } from './price-method-fields.component';

/** The parts of the editor's store these groups use, over a plain working copy (the real store needs the API). */
class StoreStub {
  readonly content = signal<TenderContent>(tenderContent());
  errorFor(fieldId: string): string {
    return validateContent(this.content()).find((p) => p.fieldId === fieldId)?.message ?? '';
  }
  setModel(lotId: string, patch: Partial<EvaluationModelContent>): void {
    this.content.update((c) => updateModel(c, lotId, patch));
  }
}

@Component({
  imports: [PriceMethodFields, EvaluationRulesFields],
  template: `
    <ob-price-method-fields [lot]="store.content().lots[0]" />
    <ob-evaluation-rules-fields [lot]="store.content().lots[0]" />
  `,
})
class Host {
  readonly store = inject(TenderEditorStore) as unknown as StoreStub;
}

describe('PriceMethodFields and EvaluationRulesFields', () => {
  let fixture: ComponentFixture<Host>;
  let store: StoreStub;
  let host: HTMLElement;

  beforeEach(async () => {
    store = new StoreStub();
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), { provide: TenderEditorStore, useValue: store }],
    });
    fixture = TestBed.createComponent(Host);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  const byId = <T extends HTMLElement = HTMLInputElement>(id: string) => host.querySelector<T>(`[id="${id}"]`);
  const rules = () => store.content().lots[0].evaluationModel.rules;
  const type = async (id: string, value: string) => {
    const input = byId(id)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const pickMethod = async (method: PriceMethod) => {
    const radio = host.querySelector<HTMLInputElement>(`input[name="lot-L1-price-method"][value="${method}"]`)!;
    radio.click();
    await fixture.whenStable();
  };
  const tableRows = () =>
    [...host.querySelectorAll('.chart__table tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent!.trim()).join(' '));

  it('offers all seven methods, each explained, and labels every control', () => {
    const radios = host.querySelectorAll<HTMLInputElement>('input[name="lot-L1-price-method"]');
    expect([...radios].map((r) => r.value)).toEqual(Object.values(PriceMethod));
    for (const radio of radios) expect(radio.getAttribute('aria-describedby')).toMatch(/-hint$/);
    for (const input of host.querySelectorAll('input')) {
      expect(host.querySelector(`label[for="${input.id}"]`), input.id).not.toBeNull();
    }
  });

  it('shows only the parameters the chosen method needs', async () => {
    const shown = () => ['ceilingPrice', 'floorPrice', 'logRatio', 'discountRatePercent'].filter((k) => byId(`lot-L1-price-${k}`));
    expect(shown()).toEqual([]);
    await pickMethod(PriceMethod.LinearBudgetToFloor);
    expect(shown()).toEqual(['ceilingPrice', 'floorPrice']);
    expect(byId('lot-L1-price-ceilingPrice-hint')!.textContent).toContain('£150,000');
    await pickMethod(PriceMethod.Logarithmic);
    expect(shown()).toEqual(['logRatio']);
    await pickMethod(PriceMethod.WholeLifeCost);
    expect(shown()).toEqual(['discountRatePercent']);
    expect(store.content().lots[0].evaluationModel.priceMethod).toBe(PriceMethod.WholeLifeCost);
  });

  it('draws the chart with a text alternative and the figures in a table, redrawn as the parameters change', async () => {
    const svg = () => host.querySelector('svg.chart__svg')!;
    expect(svg().getAttribute('role')).toBe('img');
    expect(svg().getAttribute('aria-label')).toContain('50% at 200% of the lowest bid');
    expect(tableRows()).toHaveLength(11);
    expect(tableRows()[0]).toBe('100% 100%');
    expect(tableRows()[10]).toBe('200% 50%');
    expect(host.querySelector('details summary')!.textContent).toContain('Show the figures');

    await pickMethod(PriceMethod.LinearBudgetToFloor);
    await type('lot-L1-price-ceilingPrice', '120000');
    await type('lot-L1-price-floorPrice', '60,000');
    expect(rules().price).toMatchObject({ ceilingPrice: 120_000, floorPrice: 60_000 });
    expect(tableRows()[0]).toBe('£54,000 100%');
    expect(tableRows()[6]).toBe('£90,000 50%');
    expect(svg().getAttribute('aria-label')).toContain('50% at £90,000');
    expect(host.querySelector('figcaption')!.textContent).toContain('depends only on its own price');
  });

  it('explains in words, without a chart, when price has no score of its own', async () => {
    await pickMethod(PriceMethod.PricePerQualityPoint);
    expect(host.querySelector('svg')).toBeNull();
    expect(host.querySelector('.chart__none')!.textContent).toContain('lowest price per quality point wins');
  });

  it('writes the panel rules to the working copy', async () => {
    byId('lot-L1-rules-blindMarking')!.click();
    host.querySelector<HTMLInputElement>(`input[name="lot-L1-rules-tieBreak"][value="${TieBreakRule.LowerPrice}"]`)!.click();
    await type('lot-L1-rules-moderationSpread', '3');
    await type('lot-L1-rules-minJustificationChars', '100');
    await type('lot-L1-rules-abnormallyLowPercent', '25');
    expect(rules()).toMatchObject({
      blindMarking: false,
      priceHiddenUntilModerated: true,
      tieBreak: TieBreakRule.LowerPrice,
      moderationSpread: 3,
      minJustificationChars: 100,
      abnormallyLowPercent: 25,
    });
    await type('lot-L1-rules-moderationSpread', '');
    expect(rules().moderationSpread).toBeNull();
    expect(byId('lot-L1-rules-moderationSpread-hint')!.textContent).toContain('2 on this 0 to 4 scale');
  });

  it('says at the field what is wrong with a number, as the API would', async () => {
    await type('lot-L1-rules-nearTieMargin', '11');
    const error = byId<HTMLElement>('lot-L1-rules-nearTieMargin-error');
    expect(error!.textContent).toContain('must be a number from 0 to 10');
    expect(byId('lot-L1-rules-nearTieMargin')!.getAttribute('aria-invalid')).toBe('true');
    await type('lot-L1-rules-nearTieMargin', '');
    expect(rules().nearTieMargin).toBeNaN();
    expect(byId('lot-L1-rules-nearTieMargin-error')).not.toBeNull();
  });
});
