import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Role } from '@openbrief/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthService } from '../../../core/auth/auth.service';
import { feedUrl, SaveSearch } from './save-search.component';

describe('SaveSearch', () => {
  const role = signal<Role | null>(null);
  let http: HttpTestingController;

  beforeEach(() => {
    role.set(null);
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { role } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => {
    http.verify();
    document.head.querySelectorAll('link[rel="alternate"]').forEach((l) => l.remove());
  });

  async function render(search: object) {
    const fixture = TestBed.createComponent(SaveSearch);
    fixture.componentRef.setInput('search', search);
    await fixture.whenStable();
    return fixture;
  }

  it('links the feed of the search (not its order), in the page and in the head', async () => {
    expect(feedUrl({ q: 'roads & bridges', sme: true, sort: 'closing' })).toBe('/api/v1/public/tenders.atom?q=roads+%26+bridges&sme=true');
    expect(feedUrl({})).toBe('/api/v1/public/tenders.atom');
    const fixture = await render({ q: 'roads', region: 'TLC', sort: 'closing' });
    const el: HTMLElement = fixture.nativeElement;
    const link = el.querySelector<HTMLAnchorElement>('a[type="application/atom+xml"]')!;
    expect(link.textContent).toContain('Follow this search in a feed reader');
    expect(link.getAttribute('href')).toBe('/api/v1/public/tenders.atom?q=roads&region=TLC');
    const alternate = document.head.querySelector<HTMLLinkElement>('link[rel="alternate"][type="application/atom+xml"]')!;
    expect(alternate.getAttribute('href')).toBe('/api/v1/public/tenders.atom?q=roads&region=TLC');
    // Only suppliers save searches.
    expect(el.querySelector('form')).toBeNull();
    fixture.destroy();
    expect(document.head.querySelector('link[rel="alternate"][type="application/atom+xml"]')).toBeNull();
  });

  it('lets a signed-in supplier save the search under a name, and says what happens next', async () => {
    role.set(Role.Supplier);
    const fixture = await render({ q: 'roads', sme: true, sort: 'newest' });
    const el: HTMLElement = fixture.nativeElement;
    const input = el.querySelector<HTMLInputElement>('#save-search-name')!;
    expect(input.value).toBe('roads');
    expect(el.querySelector('label[for="save-search-name"]')?.textContent).toContain('Name for this search');
    input.value = 'Roads for small firms';
    input.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const req = http.expectOne('/api/v1/saved-searches');
    expect([req.request.method, req.request.body]).toEqual(['POST', { name: 'Roads for small firms', query: { q: 'roads', sme: true } }]);
    req.flush({
      id: 'x',
      name: 'Roads for small firms',
      query: { q: 'roads', sme: true },
      alerts: true,
      createdAt: '',
      lastAlertedAt: null,
      feedPath: '',
    });
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Search saved. We will e-mail you when a new tender matches “Roads for small firms”.',
    );
  });

  it("shows the server's refusal beside the name, and refuses an empty name without asking", async () => {
    role.set(Role.Supplier);
    const fixture = await render({});
    const el: HTMLElement = fixture.nativeElement;
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await fixture.whenStable();
    expect(el.querySelector('#save-search-name-error')?.textContent).toContain('Enter a name for this search');
    const input = el.querySelector<HTMLInputElement>('#save-search-name')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    input.value = 'All';
    input.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    http
      .expectOne('/api/v1/saved-searches')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'You can keep up to 20 saved searches. Delete one you no longer need first.' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(el.querySelector('#save-search-name-error')?.textContent).toContain('You can keep up to 20 saved searches');
  });
});
