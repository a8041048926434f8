import { Location } from '@angular/common';
import { provideLocationMocks } from '@angular/common/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NavigationEnd, Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ProcurementCategory, type PublishedTenderPage, type PublishedTenderSummary } from '@openbrief/contracts';
import { filter, firstValueFrom } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpportunitiesPage } from './opportunities-page.component';

const LIST = '/api/v1/public/tenders';

function summary(n: number, extra: Partial<PublishedTenderSummary> = {}): PublishedTenderSummary {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    reference: `OB-${n}`,
    title: `Tender ${n}`,
    buyerName: 'Leeds City Council',
    summary: 'Residents can report a problem online.',
    estimatedValue: 80_000,
    currency: 'GBP',
    submissionDeadline: '2027-03-01T12:00:00.000Z',
    publishedAt: '2026-12-01T10:00:00.000Z',
    version: 1,
    mainCategory: ProcurementCategory.Services,
    regions: ['TLE'],
    state: 'open',
    suitableForSmallSuppliers: false,
    ...extra,
  };
}

const page = (items: PublishedTenderSummary[], total = items.length, nextCursor: string | null = null): PublishedTenderPage => ({
  items,
  total,
  nextCursor,
});

describe('OpportunitiesPage: search, filters and the URL', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'opportunities', component: OpportunitiesPage }]),
        provideLocationMocks(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
    // What the app's first navigation does: listen for Back and Forward.
    router.setUpLocationChangeListener();
  });

  afterEach(() => http.verify());

  const host = () => harness.routeNativeElement as HTMLElement;
  const $ = <T extends Element>(selector: string) => host().querySelector<T>(selector)!;
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const stable = () => harness.fixture.whenStable();
  /** The router handles Back and Forward on a later turn: wait for it to finish, then for the page. */
  const navigated = async () => {
    await firstValueFrom(router.events.pipe(filter((e) => e instanceof NavigationEnd)));
    await stable();
  };

  /** The one list request now pending: its query string as an object. */
  function listRequest(): { request: TestRequest; params: Record<string, string> } {
    const request = http.expectOne((r) => r.url === LIST);
    const params = Object.fromEntries(request.request.params.keys().map((k) => [k, request.request.params.get(k)!]));
    return { request, params };
  }

  async function open(url: string): Promise<void> {
    await harness.navigateByUrl(url, OpportunitiesPage);
    await stable();
  }

  async function flush(body: PublishedTenderPage, request = listRequest().request): Promise<void> {
    request.flush(body);
    await stable();
  }

  function setValue(selector: string, value: string, event: 'input' | 'change'): void {
    const control = $<HTMLInputElement | HTMLSelectElement>(selector);
    control.value = value;
    control.dispatchEvent(new Event(event));
  }

  async function click(element: HTMLElement): Promise<void> {
    element.click();
    await stable();
  }

  const button = (label: string) =>
    [...host().querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim() === label)!;

  it('opening a shared URL restores the form and asks the API for exactly the same search', async () => {
    await open(
      '/opportunities?q=library%20app&category=services&region=TLI&value=25k-100k&closingFrom=2027-01-01&state=open&sme=true&sort=closing',
    );
    const { request, params } = listRequest();
    expect(params).toEqual({
      q: 'library app',
      category: 'services',
      region: 'TLI',
      value: '25k-100k',
      closingFrom: '2027-01-01',
      state: 'open',
      sme: 'true',
      sort: 'closing',
    });
    await flush(page([summary(1), summary(2)]), request);

    expect($<HTMLInputElement>('#search-q').value).toBe('library app');
    expect($<HTMLSelectElement>('#filter-category').value).toBe('services');
    expect($<HTMLSelectElement>('#filter-region').value).toBe('TLI');
    expect($<HTMLSelectElement>('#filter-value').value).toBe('25k-100k');
    expect($<HTMLInputElement>('#filter-closing-from').value).toBe('2027-01-01');
    expect($<HTMLInputElement>('#filter-closing-to').value).toBe('');
    expect($<HTMLSelectElement>('#filter-state').value).toBe('open');
    expect($<HTMLInputElement>('#filter-sme').checked).toBe(true);
    expect($<HTMLSelectElement>('#opportunity-sort').value).toBe('closing');
    expect(text('#opportunity-list-title')).toBe('2 opportunities');
    // Six filters are chosen (the words and the order are not filters).
    expect(text('.filters-toggle')).toBe('Show filters (6 selected)');
  });

  it('puts every choice of the form in the URL, asks the API the same, and announces how many match', async () => {
    await open('/opportunities');
    const first = listRequest();
    expect(first.params).toEqual({});
    // (The first list of a visit is not announced.)
    await flush(page([summary(1)], 30), first.request);
    expect(text('[aria-live="polite"]')).toBe('');

    setValue('#search-q', '  road repairs ', 'input');
    setValue('#filter-buyer', 'Leeds City Council', 'input');
    setValue('#filter-category', 'works', 'change');
    setValue('#filter-region', 'TLE', 'change');
    setValue('#filter-value', 'over-2m', 'change');
    setValue('#filter-closing-from', '2027-01-01', 'input');
    setValue('#filter-closing-to', '2027-06-30', 'input');
    setValue('#filter-state', 'closed', 'change');
    const sme = $<HTMLInputElement>('#filter-sme');
    sme.checked = true;
    sme.dispatchEvent(new Event('change'));
    await click(button('Apply filters'));

    expect(router.url).toBe(
      '/opportunities?q=road%20repairs&buyer=Leeds%20City%20Council&category=works&region=TLE&value=over-2m&closingFrom=2027-01-01&closingTo=2027-06-30&state=closed&sme=true',
    );
    const { request, params } = listRequest();
    expect(params).toEqual({
      q: 'road repairs',
      buyer: 'Leeds City Council',
      category: 'works',
      region: 'TLE',
      value: 'over-2m',
      closingFrom: '2027-01-01',
      closingTo: '2027-06-30',
      state: 'closed',
      sme: 'true',
    });
    await flush(page([summary(3)], 12), request);
    expect(text('#opportunity-list-title')).toBe('12 opportunities');
    expect(text('[aria-live="polite"]')).toBe('12 opportunities');
  });

  it('Back and Forward bring the earlier search back into the form and the list', async () => {
    await open('/opportunities?q=care');
    await flush(page([summary(1)], 1));
    setValue('#search-q', 'parks', 'input');
    await click(button('Search'));
    expect(router.url).toBe('/opportunities?q=parks');
    await flush(page([summary(2), summary(3)], 2));

    TestBed.inject(Location).back();
    await navigated();
    expect(listRequest().params).toEqual({ q: 'care' });
    expect($<HTMLInputElement>('#search-q').value).toBe('care');

    TestBed.inject(Location).forward();
    await navigated();
    expect(listRequest().params).toEqual({ q: 'parks' });
    expect($<HTMLInputElement>('#search-q').value).toBe('parks');
  });

  it('an unsent change is undone when the URL changes', async () => {
    await open('/opportunities?q=care&region=TLI');
    await flush(page([summary(1)]));
    // Typed but not applied; then the reader follows a link to another search.
    setValue('#filter-region', 'TLM', 'change');
    await router.navigateByUrl('/opportunities?q=care');
    await stable();
    listRequest();
    expect($<HTMLSelectElement>('#filter-region').value).toBe('');
  });

  it('shows a refused search (400) as an error under the search box, not a crash', async () => {
    const long = 'x'.repeat(300);
    await open(`/opportunities?q=${long}`);
    const { request, params } = listRequest();
    expect(params['q']).toBe(long);
    request.flush(
      // As the validation pipe words it: the parameter's name, which the form turns into its own words.
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Please check q: q must be at most 200 characters.',
        details: [{ field: 'q', message: 'q must be at most 200 characters.' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();

    expect(text('#search-q-error')).toBe('Error: Your search must be at most 200 characters.');
    const box = $<HTMLInputElement>('#search-q');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe('search-q-hint search-q-error');
    expect(host().textContent).toContain('There is a problem with your search. Change it and try again.');
    expect(host().textContent).not.toContain('We could not load opportunities');
    expect(text('[aria-live="polite"]')).toBe('There is a problem with your search: Your search must be at most 200 characters.');

    // A search the server accepts clears the error.
    setValue('#search-q', 'library', 'input');
    await click(button('Search'));
    await flush(page([summary(1)]));
    expect($('#search-q-error')).toBeNull();
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(text('#opportunity-list-title')).toBe('1 opportunity');
  });

  it('a server fault is shown in the list with "Try again", and the search box stays clean', async () => {
    await open('/opportunities?q=care');
    listRequest().request.flush({ statusCode: 500, error: 'x', message: 'internal detail' }, { status: 500, statusText: 'Error' });
    await stable();
    expect(host().textContent).toContain('We could not load opportunities');
    expect($('#search-q-error')).toBeNull();
    await click(button('Try again'));
    expect(listRequest().params).toEqual({ q: 'care' });
  });

  it('"Show more" asks for the next page of the same search', async () => {
    await open('/opportunities?sme=true');
    await flush(page([summary(1)], 2, 'cursor-1'));
    await click(button('Show more opportunities'));
    const { request, params } = listRequest();
    expect(params).toEqual({ sme: 'true', cursor: 'cursor-1' });
    await flush(page([summary(2)], 2), request);
    expect(host().querySelectorAll('article')).toHaveLength(2);
    expect(text('[aria-live="polite"]')).toBe('1 more loaded. Showing 2 of 2 opportunities.');
  });

  it('"Clear filters" keeps the words and the order', async () => {
    await open('/opportunities?q=care&region=TLI&sme=true&sort=closing');
    await flush(page([summary(1)]));
    const clear = [...host().querySelectorAll<HTMLAnchorElement>('a')].find((a) => a.textContent?.trim() === 'Clear filters')!;
    expect(clear.getAttribute('href')).toBe('/opportunities?q=care&sort=closing');
    await click(clear);
    expect(router.url).toBe('/opportunities?q=care&sort=closing');
    expect(listRequest().params).toEqual({ q: 'care', sort: 'closing' });
  });

  it('changing the order applies at once; "Best match" is offered only with words', async () => {
    await open('/opportunities');
    await flush(page([summary(1)]));
    const sort = () => $<HTMLSelectElement>('#opportunity-sort');
    expect([...sort().options].map((o) => o.value)).toEqual(['newest', 'closing', 'value-high', 'value-low']);
    expect(sort().value).toBe('newest');
    setValue('#opportunity-sort', 'value-high', 'change');
    await stable();
    expect(router.url).toBe('/opportunities?sort=value-high');
    expect(listRequest().params).toEqual({ sort: 'value-high' });
  });

  it('folds the filters behind a button that says whether they are shown', async () => {
    await open('/opportunities');
    await flush(page([]));
    const toggle = $<HTMLButtonElement>('.filters-toggle');
    expect(toggle.getAttribute('aria-controls')).toBe('opportunity-filters');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect($('#opportunity-filters').classList).toContain('filters--closed');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(text('.filters-toggle')).toBe('Hide filters');
    expect($('#opportunity-filters').classList).not.toContain('filters--closed');
    expect(host().textContent).toContain('There are no opportunities right now');
  });

  it('says when nothing matches a search, and suggests changing it', async () => {
    await open('/opportunities?q=unicorns');
    await flush(page([], 0));
    expect(text('#opportunity-list-title')).toBe('No opportunities');
    expect(host().textContent).toContain('No opportunities match your search');
  });
});
