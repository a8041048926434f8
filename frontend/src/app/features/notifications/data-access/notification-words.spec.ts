import { NotificationItem, NotificationKind } from '@openbrief/contracts';
import { describe, expect, it } from 'vitest';
import { safeLink, unreadFirst } from './notification-words';

const item = (id: string, readAt: string | null): NotificationItem => ({
  id,
  kind: NotificationKind.QuestionAnswered,
  title: `Notification ${id}`,
  body: '',
  link: null,
  createdAt: '2026-12-01T10:00:00Z',
  readAt,
});

describe('notification list', () => {
  it('puts unread notifications first and keeps the order within each group', () => {
    const items = [item('a', '2026-12-02T00:00:00Z'), item('b', null), item('c', '2026-12-02T00:00:00Z'), item('d', null)];
    expect(unreadFirst(items).map((i) => i.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('follows only same-site links', () => {
    expect(safeLink('/responses/123')).toBe('/responses/123');
    expect(safeLink('//evil.example/x')).toBeNull();
    expect(safeLink('/\\evil.example')).toBeNull();
    expect(safeLink('https://evil.example')).toBeNull();
    expect(safeLink(null)).toBeNull();
  });
});
