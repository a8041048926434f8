import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnreadNotifications } from './unread-notifications.service';

describe('UnreadNotifications', () => {
  let unread: UnreadNotifications;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()] });
    unread = TestBed.inject(UnreadNotifications);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const answer = (count: number) => http.expectOne('/api/v1/notifications').flush({ unread: count, items: [] });

  it('asks nothing for someone not signed in', () => {
    unread.refresh(null, true);
    expect(unread.unread()).toBeNull();
  });

  it('announces a rise in the count, and says nothing on the first count or when it falls', () => {
    unread.refresh('u-1', true);
    answer(2);
    expect(unread.unread()).toBe(2);
    expect(unread.announcement()).toBe('');

    unread.set(1);
    expect(unread.announcement()).toBe('');
    unread.set(3);
    expect(unread.announcement()).toBe('You have 3 unread notifications.');
  });

  it('does not ask again within half a minute for the same person, but does for someone else', () => {
    unread.refresh('u-1', true);
    answer(1);
    unread.refresh('u-1');
    http.expectNone('/api/v1/notifications');
    unread.refresh('u-2');
    expect(unread.unread()).toBeNull();
    answer(0);
    expect(unread.unread()).toBe(0);
  });
});
