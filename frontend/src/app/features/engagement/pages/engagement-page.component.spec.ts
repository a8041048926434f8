import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@openbrief/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthService } from '../../../core/auth/auth.service';
import { ENGAGEMENT_ID, aFeedback, aNotice } from '../testing/engagement-fixtures';
import { EngagementPage } from './engagement-page.component';

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
}

describe('EngagementPage', () => {
  let http: HttpTestingController;

  async function open(role: Role | null): Promise<{ fixture: ComponentFixture<EngagementPage>; host: HTMLElement }> {
    const roleSignal = signal(role);
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthService, useValue: { role: roleSignal, isSignedIn: signal(role !== null) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(EngagementPage);
    fixture.componentRef.setInput('id', ENGAGEMENT_ID);
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => http.verify());

  it('shows anyone the notice, the event and a way to sign in, with no forms and no feedback', async () => {
    const { fixture, host } = await open(null);
    http.expectOne(`/api/v1/public/engagements/${ENGAGEMENT_ID}`).flush(aNotice());
    await settle(fixture);
    expect(host.querySelector('h1')?.textContent).toContain('School transport booking');
    expect(host.textContent).toContain('Northshire County Council');
    expect(host.textContent).toContain('Is the timescale realistic?');
    expect(host.querySelector('#outcome-' + aNotice().outcomes[0]!.requirementId)?.textContent).toContain('Outcome 1.1');
    expect(host.textContent?.replace(/\s+/g, ' ')).toContain('30 places in all. 2 organisations have registered so far.');
    const signIn = Array.from(host.querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Sign in to comment');
    expect(signIn?.getAttribute('href')).toBe(`/sign-in?returnUrl=${encodeURIComponent(`/engagements/${ENGAGEMENT_ID}`)}`);
    expect(host.querySelectorAll('form').length).toBe(0);
  });

  it('gives a supplier a form per outcome, their own feedback and the registration form', async () => {
    const { fixture, host } = await open(Role.Supplier);
    http
      .expectOne(`/api/v1/engagements/${ENGAGEMENT_ID}`)
      .flush({ notice: aNotice(), myFeedback: [aFeedback({ adoptedAt: '2026-12-07T10:00:00.000Z' })], myRegistration: null });
    await settle(fixture);
    expect(host.textContent).toContain('Your feedback on outcome 1.1');
    expect(host.textContent).toContain('Every eligible child has transport arranged before term starts.');
    expect(host.textContent).toContain('Adopted by the buyer');
    expect(host.querySelector('form[aria-labelledby="registration-title"]')).not.toBeNull();
    expect(host.textContent).toContain('Give feedback on outcome 1.1');
  });

  it('takes no more feedback once it has closed, and says so', async () => {
    const { fixture, host } = await open(Role.Supplier);
    http
      .expectOne(`/api/v1/engagements/${ENGAGEMENT_ID}`)
      .flush({ notice: aNotice({ status: 'closed' }), myFeedback: [], myRegistration: null });
    await settle(fixture);
    expect(host.textContent).toContain('Closed');
    expect(host.textContent).toContain('Feedback closed at');
    expect(host.querySelectorAll('form').length).toBe(0);
  });

  it('says plainly when there is no such engagement', async () => {
    const { fixture, host } = await open(null);
    http
      .expectOne(`/api/v1/public/engagements/${ENGAGEMENT_ID}`)
      .flush({ statusCode: 404, message: 'That engagement was not found.' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);
    expect(host.querySelector('h1')?.textContent).toBe('Market engagement not found');
  });
});
