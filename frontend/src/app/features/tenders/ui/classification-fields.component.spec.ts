import { provideZonelessChangeDetection, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ITL_REGIONS, MAIN_CATEGORY_FIELD, ProcurementCategory, REGIONS_FIELD, TenderContent } from '@openbrief/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { validateContent } from '../data-access/content-validation';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { tenderContent } from '../data-access/testing/tender-content.fixture';
import { ClassificationFields } from './classification-fields.component';

/** The parts of the editor's store the fields use, over a plain working copy (the real store needs the API). */
class StoreStub {
  readonly content = signal<TenderContent>(tenderContent({ regions: ['TLE'] }));
  errorFor(fieldId: string): string {
    return validateContent(this.content()).find((p) => p.fieldId === fieldId)?.message ?? '';
  }
  patch(patch: Partial<TenderContent>): void {
    this.content.update((c) => ({ ...c, ...patch }));
  }
}

describe('ClassificationFields', () => {
  let fixture: ComponentFixture<ClassificationFields>;
  let store: StoreStub;
  let host: HTMLElement;

  beforeEach(async () => {
    store = new StoreStub();
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), { provide: TenderEditorStore, useValue: store }],
    });
    fixture = TestBed.createComponent(ClassificationFields);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  const select = () => host.querySelector<HTMLSelectElement>('#main-category')!;
  const boxes = () => [...host.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')];
  const box = (name: string) => {
    const label = [...host.querySelectorAll('fieldset label')].find((l) => l.textContent?.trim() === name)!;
    return host.querySelector<HTMLInputElement>(`#${label.getAttribute('for')}`)!;
  };

  it('offers the three categories in a labelled select, with the hint read with it', () => {
    expect(host.querySelector('label[for="main-category"]')?.textContent?.trim()).toBe(MAIN_CATEGORY_FIELD.label);
    expect(select().getAttribute('aria-describedby')).toBe('main-category-hint');
    expect(host.querySelector('#main-category-hint')?.textContent?.trim()).toBe(MAIN_CATEGORY_FIELD.hint);
    expect([...select().options].map((o) => [o.value, o.textContent?.trim()])).toEqual([
      ['goods', 'Goods'],
      ['services', 'Services'],
      ['works', 'Works'],
    ]);
    expect(select().value).toBe('services');
  });

  it('writes the chosen category to the working copy', async () => {
    select().value = 'works';
    select().dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(store.content().mainCategory).toBe(ProcurementCategory.Works);
  });

  it('groups the twelve regions in a fieldset whose legend asks the question, each box labelled by its name', () => {
    const fieldset = host.querySelector('fieldset')!;
    expect(fieldset.querySelector('legend')?.textContent).toContain(REGIONS_FIELD.label);
    expect(fieldset.getAttribute('aria-describedby')).toBe('regions-hint');
    expect(host.querySelector('#regions-hint')?.textContent?.trim()).toBe(REGIONS_FIELD.hint);
    expect(boxes()).toHaveLength(12);
    for (const region of ITL_REGIONS) expect(box(region.name)).toBeTruthy();
    // The first box carries the group's id, so an error link lands on the group.
    expect(boxes()[0].id).toBe('regions');
    expect(new Set(boxes().map((b) => b.id)).size).toBe(12);
    expect(
      boxes()
        .filter((b) => b.checked)
        .map((b) => b.id),
    ).toEqual([box('Yorkshire and The Humber').id]);
  });

  it('keeps the regions in the ITL order whatever order they are ticked in, and says when none means anywhere', async () => {
    box('Scotland').click();
    box('North East (England)').click();
    await fixture.whenStable();
    expect(store.content().regions).toEqual(['TLC', 'TLE', 'TLM']);
    expect(host.querySelector('.regions__summary')?.textContent).toContain('3 of 12 ticked');
    for (const name of ['Scotland', 'North East (England)', 'Yorkshire and The Humber']) box(name).click();
    await fixture.whenStable();
    expect(store.content().regions).toEqual([]);
    expect(host.querySelector('.regions__summary')?.textContent).toContain('anywhere in the UK');
  });

  it('says what is wrong with regions a live document got wrong, at the group', async () => {
    store.patch({ regions: ['TLC', 'TLC'] });
    await fixture.whenStable();
    expect(host.querySelector('#regions-error')?.textContent).toContain('Choose each region at most once');
    expect(host.querySelector('fieldset')?.getAttribute('aria-describedby')).toBe('regions-hint regions-error');
  });
});
