import { ComponentFixture, TestBed } from '@angular/core/testing';
import { VatBasis } from '@openbrief/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { PriceLineDraft } from '../data-access/price';
import { PriceTable } from './price-table.component';

describe('PriceTable', () => {
  let fixture: ComponentFixture<PriceTable>;
  let emitted: PriceLineDraft[][];
  const lines: PriceLineDraft[] = [
    { key: 'a', id: 'a', description: 'Driver hours', quantity: '120', unit: 'hour', unitPrice: '18.50' },
    { key: 'b', description: 'Fuel', quantity: '3', unit: '', unitPrice: 'ten' },
  ];

  beforeEach(async () => {
    fixture = TestBed.createComponent(PriceTable);
    emitted = [];
    fixture.componentRef.setInput('lines', lines);
    fixture.componentRef.setInput('currency', 'GBP');
    fixture.componentRef.setInput('vatBasis', VatBasis.IncludingVat);
    fixture.componentInstance.linesChange.subscribe((l) => emitted.push(l));
    await fixture.whenStable();
  });

  const el = () => fixture.nativeElement as HTMLElement;

  it('computes line totals and the total in the tender currency and VAT basis', () => {
    const totals = [...el().querySelectorAll('output')].map((o) => o.textContent?.trim());
    expect(totals).toEqual(['£2,220.00', '–']);
    expect(el().querySelector('#price-total')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Total price: £2,220.00 (including VAT)');
  });

  it('shows a field’s problem once it has been left, linked to the field', async () => {
    const price = el().querySelector<HTMLInputElement>('#price-b-unitPrice')!;
    expect(el().querySelector('#price-b-unitPrice-error')).toBeNull();
    price.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
    expect(el().querySelector('#price-b-unitPrice-error')?.textContent).toContain('up to 2 decimal places');
    expect(price.getAttribute('aria-invalid')).toBe('true');
    expect(price.getAttribute('aria-describedby')).toBe('price-b-unitPrice-error');
  });

  it('adds and removes lines', () => {
    el().querySelector<HTMLButtonElement>('#price-add')!.click();
    expect(emitted[0]).toHaveLength(3);
    el().querySelectorAll<HTMLButtonElement>('.price__remove')[0]!.click();
    expect(emitted[1]?.map((l) => l.key)).toEqual(['b']);
  });
});
