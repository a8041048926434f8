import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { NotificationItem, NotificationKind } from '@openbrief/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnreadNotifications } from '../../../core/notifications/unread-notifications.service';
import { NotificationsPage } from './notifications-page.component';

const item = (id: string, title: string, readAt: string | null): NotificationItem => ({
  id,
  kind: NotificationKind.QuestionAnswered,
  title,
  body: 'The buyer published an answer.',
  link: '/opportunities/t-1',
  createdAt: '2026-12-01T10:00:00Z',
  readAt,
});

describe('NotificationsPage', () => {
  let fixture: ComponentFixture<NotificationsPage>;
  let http: HttpTestingController;
  let host: HTMLElement;

  beforeEach(async () => {
    // jsdom lays nothing out; focus moves still run.
    Element.prototype.scrollIntoView = () => undefined;
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationsPage);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/v1/notifications').flush({
      unread: 1,
      items: [item('n-1', 'Older, read', '2026-12-02T00:00:00Z'), item('n-2', 'Your question was answered', null)],
    });
    http.expectOne('/api/v1/notifications/preferences').flush({
      items: [
        { kind: NotificationKind.DeadlineSoon, email: true },
        { kind: NotificationKind.TenderChanged, email: false },
      ],
    });
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const titles = () => [...host.querySelectorAll('h2.notification__title')].map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
  const button = (text: string) =>
    [...host.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim().startsWith(text));

  it('lists unread notifications first, marked, and the count for the header', () => {
    expect(titles()).toEqual(['Unread: Your question was answered', 'Older, read']);
    expect(host.textContent).toContain('You have 1 unread notification.');
    expect(TestBed.inject(UnreadNotifications).unread()).toBe(1);
  });

  it('marks one read, says so politely, and lowers the count', async () => {
    button('Mark as read')!.click();
    const request = http.expectOne('/api/v1/notifications/n-2/read');
    expect(request.request.method).toBe('POST');
    request.flush(item('n-2', 'Your question was answered', '2026-12-03T00:00:00Z'));
    await fixture.whenStable();
    expect(host.querySelector('[role="status"]')?.textContent).toContain('“Your question was answered” marked as read.');
    expect(host.textContent).toContain('You have no unread notifications.');
    expect(TestBed.inject(UnreadNotifications).unread()).toBe(0);
    expect(button('Mark all as read')).toBeUndefined();
  });

  it('marks all read', async () => {
    button('Mark all as read')!.click();
    http.expectOne('/api/v1/notifications/read-all').flush({ unread: 0, items: [item('n-2', 'Your question was answered', 'x')] });
    await fixture.whenStable();
    expect(host.textContent).toContain('You have no unread notifications.');
  });

  it('saves the e-mail choices as ticked', async () => {
    const boxes = host.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    expect([...boxes].map((b) => b.checked)).toEqual([true, false]);
    boxes[1].click();
    await fixture.whenStable();
    button('Save e-mail choices')!.click();
    const request = http.expectOne('/api/v1/notifications/preferences');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({
      items: [
        { kind: NotificationKind.DeadlineSoon, email: true },
        { kind: NotificationKind.TenderChanged, email: true },
      ],
    });
    request.flush(request.request.body);
    await fixture.whenStable();
    expect(host.textContent).toContain('Your e-mail choices have been saved.');
  });
});
