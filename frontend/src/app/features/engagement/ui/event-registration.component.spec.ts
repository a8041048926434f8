import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { EngagementRegistration, SupplierEngagementView } from '@openbrief/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGAGEMENT_ID, aNotice } from '../testing/engagement-fixtures';
import { EventRegistration } from './event-registration.component';

const URL = `/api/v1/engagements/${ENGAGEMENT_ID}/registration`;
const MINE: EngagementRegistration = {
  supplierName: 'Shah Transport Ltd',
  contactName: 'Priya Shah',
  contactEmail: 'priya@shah.test',
  attendees: 2,
  accessNeeds: 'Step-free access',
  registeredAt: '2026-12-01T10:00:00.000Z',
};

// jsdom has no layout: focusing scrolls nothing.
Element.prototype.scrollIntoView ??= () => undefined;

describe('EventRegistration', () => {
  let fixture: ComponentFixture<EventRegistration>;
  let http: HttpTestingController;
  let host: HTMLElement;
  const views: SupplierEngagementView[] = [];

  beforeEach(async () => {
    views.length = 0;
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()] });
    fixture = TestBed.createComponent(EventRegistration);
    fixture.componentRef.setInput('engagementId', ENGAGEMENT_ID);
    fixture.componentInstance.changed.subscribe((v) => views.push(v));
    http = TestBed.inject(HttpTestingController);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function type(id: string, text: string): Promise<void> {
    const box = host.querySelector(`#${id}`) as HTMLInputElement;
    box.value = text;
    box.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  const button = (name: string) =>
    Array.from(host.querySelectorAll('button')).find((b) => b.textContent?.trim() === name) as HTMLButtonElement;

  it('refuses more people than one organisation may register, without sending', async () => {
    await type('registration-attendees', '6');
    button('Register').click();
    await fixture.whenStable();
    expect(host.querySelector('[role=alert]')?.textContent).toContain('Number of people must be a whole number from 1 to 5');
    expect(host.querySelector('#registration-attendees')?.getAttribute('aria-invalid')).toBe('true');
    http.expectNone(URL);
  });

  it('registers people with their access needs and confirms it', async () => {
    await type('registration-attendees', '2');
    await type('registration-access-needs', 'Step-free access');
    button('Register').click();
    const request = http.expectOne(URL);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ attendees: 2, accessNeeds: 'Step-free access' });
    const view: SupplierEngagementView = { notice: aNotice({ registrations: 3 }), myFeedback: [], myRegistration: MINE };
    request.flush(view);
    await fixture.whenStable();
    expect(views).toEqual([view]);
    expect(host.querySelector('[role=status]')?.textContent).toContain('You are registered for the event: 2 people.');
  });

  it('shows the event as full when the server says so', async () => {
    button('Register').click();
    http
      .expectOne(URL)
      .flush(
        { statusCode: 409, message: 'The event is full. Contact the buyer to ask about other ways to take part.' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(host.querySelector('[role=alert]')?.textContent).toContain('The event is full.');
  });

  it('starts from the registration there is, and cancels it', async () => {
    fixture.componentRef.setInput('registration', MINE);
    await fixture.whenStable();
    expect((host.querySelector('#registration-attendees') as HTMLInputElement).value).toBe('2');
    expect(host.textContent).toContain('Your organisation is registered: 2 people.');
    button('Cancel registration').click();
    const request = http.expectOne(URL);
    expect(request.request.method).toBe('DELETE');
    request.flush({ notice: aNotice(), myFeedback: [], myRegistration: null });
    fixture.componentRef.setInput('registration', null);
    await fixture.whenStable();
    expect(host.querySelector('[role=status]')?.textContent).toContain('Your registration has been cancelled.');
  });
});
