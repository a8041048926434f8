import { Logger } from '@nestjs/common';
import { type NotificationList, NotificationKind, type NotificationPreferences } from '@openbrief/contracts';
import { Clock } from '../../src/common/clock/clock';
import { Transactions } from '../../src/database/transactions';
import { OutboxWorker } from '../../src/modules/notifications/delivery/outbox-worker';
import { Notification, NotificationPreference, OutboxMessage } from '../../src/modules/notifications/entities';
import { type NotificationRequest, Notifications } from '../../src/modules/notifications/notifications.service';
import { IsNull } from 'typeorm';
import { waitFor } from '../support/collab-client';
import { countChanges, rowCounter } from '../support/row-counts';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { TestMailServer } from '../support/test-mail-server';
import type { ParsedMail } from 'mailparser';

const PUBLIC_URL = 'https://openbrief.example';
const MAX_ATTEMPTS = 3;

describe('notifications: outbox, e-mail through SMTP, in-app list, unsubscribe', () => {
  let mail: TestMailServer;
  let t: TestApp;
  let ids: Record<'buyer' | 'evaluator' | 'supplier', string>;
  let buyer: TestClient;
  let supplier: TestClient;

  const worker = () => t.app.get(OutboxWorker);
  const enqueue = (request: Partial<NotificationRequest> & Pick<NotificationRequest, 'userIds'>, app = t) =>
    app.app.get(Transactions).run((tx) =>
      app.app.get(Notifications).enqueue(tx, {
        kind: NotificationKind.ResponseReceived,
        title: 'A response arrived',
        body: 'Someone responded.',
        link: null,
        ...request,
      }),
    );
  const outbox = () => t.dataSource.getRepository(OutboxMessage);
  const inApp = () => t.dataSource.getRepository(Notification);
  const mailsTo = (address: string) => mail.received.filter((m) => m.envelopeTo.includes(address));
  const setNow = (at: Date) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(at);

  beforeAll(async () => {
    mail = new TestMailServer();
    const smtpUrl = await mail.start();
    // The timer is slow here so each test decides when the outbox drains (drainOnce); the log test runs the timer.
    t = await startTestApp({ SMTP_URL: smtpUrl, PUBLIC_URL, NOTIFY_POLL_MS: '3600000', NOTIFY_MAX_ATTEMPTS: String(MAX_ATTEMPTS) });
    const users: { id: string; email: string }[] = await t.dataSource.query('SELECT id, email FROM user_account');
    const idOf = (email: string) => users.find((u) => u.email === email)!.id;
    ids = { buyer: idOf('buyer@demo.test'), evaluator: idOf('evaluator@demo.test'), supplier: idOf('supplier@demo.test') };
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    supplier = t.client();
    await supplier.signIn('supplier@demo.test');
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });
  afterEach(() => {
    jest.restoreAllMocks();
    mail.refuseRecipients(0);
  });

  it('sends a message enqueued in a transaction, with subject, text and escaped HTML, to the right address', async () => {
    await enqueue({
      userIds: [ids.buyer],
      title: 'A response to <Roads & "bridges">',
      body: 'A supplier responded.\n\nSee <script>alert(1)</script> nothing.',
      link: '/responses/abc',
    });
    expect(mailsTo('buyer@demo.test')).toEqual([]);
    await worker().drainOnce();

    const [sent, ...more] = mailsTo('buyer@demo.test');
    expect(more).toEqual([]);
    const { parsed } = sent;
    expect(parsed.subject).toBe('A response to <Roads & "bridges">');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.map((a) => a.address) : null).toEqual(['buyer@demo.test']);
    expect(parsed.from?.value[0].address).toBe('no-reply@openbrief.invalid');
    expect(parsed.text).toContain('A supplier responded.');
    expect(parsed.text).toContain(`${PUBLIC_URL}/responses/abc`);
    const html = String(parsed.html);
    expect(html).toContain('lang="en-GB"');
    expect(html).toContain('&lt;Roads &amp; &quot;bridges&quot;&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain(`<a href="${PUBLIC_URL}/responses/abc">`);
    // A kind that is part of the process carries no unsubscribe link.
    expect(listUnsubscribe(parsed)).toBeNull();

    const row = await outbox().findOneByOrFail({ userId: ids.buyer, subject: 'A response to <Roads & "bridges">' });
    expect([row.attempts, row.sentAt !== null, row.failedAt, row.claimedUntil]).toEqual([1, true, null, null]);
  });

  it('writes and sends nothing for a transaction that rolls back', async () => {
    const counts = rowCounter(t.dataSource);
    const before = await counts();
    await expect(
      t.app.get(Transactions).run(async (tx) => {
        await t.app.get(Notifications).enqueue(tx, {
          userIds: [ids.buyer, ids.evaluator],
          kind: NotificationKind.ResponsesOpened,
          title: 'Never told',
          body: 'This change rolls back.',
          link: null,
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(countChanges(before, await counts())).toEqual([]);
    const received = mail.received.length;
    await worker().drainOnce();
    expect(mail.received.length).toBe(received);
  });

  it('retries a refused message with growing back-off and delivers it later, without holding up the enqueuing request', async () => {
    mail.refuseRecipients(2);
    const asked = mail.recipientAttempts;
    let now = new Date('2031-03-01T09:00:00Z');
    setNow(now);
    await enqueue({ userIds: [ids.evaluator], title: 'Retried message' });
    // Enqueueing never talks to the mail server.
    expect(mail.recipientAttempts).toBe(asked);

    const waits: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      await worker().drainOnce();
      const row = await outbox().findOneByOrFail({ subject: 'Retried message' });
      expect([row.attempts, row.sentAt, row.failedAt]).toEqual([attempt, null, null]);
      expect(row.lastError).toMatch(/451/);
      waits.push(row.nextAttemptAt.getTime() - now.getTime());
      // Not due yet: a drain now leaves it alone.
      await worker().drainOnce();
      expect((await outbox().findOneByOrFail({ id: row.id })).attempts).toBe(attempt);
      now = row.nextAttemptAt;
      setNow(now);
    }
    expect(waits[0]).toBeGreaterThanOrEqual(15_000);
    expect(waits[1]).toBeGreaterThanOrEqual(waits[0]);
    expect(mailsTo('evaluator@demo.test').filter((m) => m.parsed.subject === 'Retried message')).toEqual([]);

    await worker().drainOnce();
    expect(mailsTo('evaluator@demo.test').filter((m) => m.parsed.subject === 'Retried message')).toHaveLength(1);
    const row = await outbox().findOneByOrFail({ subject: 'Retried message' });
    expect([row.attempts, row.sentAt?.toISOString(), row.failedAt]).toEqual([3, now.toISOString(), null]);
  });

  it(`marks a message failed, and logs it, after ${MAX_ATTEMPTS} refused attempts`, async () => {
    mail.refuseRecipients(1000);
    const errors = jest.spyOn(Logger.prototype, 'error');
    let now = new Date('2031-04-01T09:00:00Z');
    setNow(now);
    await enqueue({ userIds: [ids.evaluator], title: 'Never delivered' });
    for (;;) {
      await worker().drainOnce();
      const row = await outbox().findOneByOrFail({ subject: 'Never delivered' });
      if (row.failedAt) break;
      now = row.nextAttemptAt;
      setNow(now);
    }
    const row = await outbox().findOneByOrFail({ subject: 'Never delivered' });
    expect([row.attempts, row.sentAt, row.failedAt?.toISOString()]).toEqual([MAX_ATTEMPTS, null, now.toISOString()]);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(`failed after ${MAX_ATTEMPTS} attempts`));
    // Given up: later drains leave it alone.
    mail.refuseRecipients(0);
    setNow(new Date('2031-05-01T09:00:00Z'));
    await worker().drainOnce();
    expect(mailsTo('evaluator@demo.test').filter((m) => m.parsed.subject === 'Never delivered')).toEqual([]);
  });

  it('writes one notification and one e-mail per person for the same dedupe key', async () => {
    const dedupeKey = 'deadline-soon:response-1';
    const request = { kind: NotificationKind.DeadlineSoon, title: 'Deadline soon', dedupeKey };
    await enqueue({ ...request, userIds: [ids.buyer, ids.buyer] });
    await enqueue({ ...request, userIds: [ids.buyer, ids.evaluator] });
    await t.app.get(Transactions).run(async (tx) => {
      const service = t.app.get(Notifications);
      const full = { ...request, body: 'Soon.', link: null };
      await service.enqueue(tx, { ...full, userIds: [ids.evaluator] });
      await service.enqueue(tx, { ...full, userIds: [ids.evaluator] });
    });
    expect(await inApp().countBy({ dedupeKey, userId: ids.buyer })).toBe(1);
    expect(await inApp().countBy({ dedupeKey, userId: ids.evaluator })).toBe(1);
    expect(await outbox().countBy({ subject: 'Deadline soon' })).toBe(2);
    await worker().drainOnce();
    expect(
      mail.received
        .filter((m) => m.parsed.subject === 'Deadline soon')
        .map((m) => m.envelopeTo[0])
        .sort(),
    ).toEqual(['buyer@demo.test', 'evaluator@demo.test']);
  });

  it('gives optional kinds an unsubscribe link that works; afterwards that kind is not e-mailed but still shown in the app', async () => {
    await enqueue({ userIds: [ids.supplier], kind: NotificationKind.DeadlineSoon, title: 'Deadline in two days', link: '/tenders/x' });
    await worker().drainOnce();
    const [sent] = mailsTo('supplier@demo.test').filter((m) => m.parsed.subject === 'Deadline in two days');
    const header = listUnsubscribe(sent.parsed);
    const link = /<(https:\/\/openbrief\.example\/api\/v1\/notifications\/unsubscribe\?token=[^>]+)>/.exec(header ?? '')?.[1];
    expect(link).toBeDefined();
    expect(sent.parsed.text).toContain(link);
    expect(String(sent.parsed.html)).toContain('Stop e-mails like this');
    const path = link!.slice(PUBLIC_URL.length);

    // A forged or damaged token: a 400 page, and nothing written.
    const counts = rowCounter(t.dataSource);
    const before = await counts();
    const token = new URL(link!).searchParams.get('token')!;
    const [userId, kind, mac] = token.split('.');
    for (const bad of [
      `${userId}.${kind}.${mac.slice(0, -2)}xx`,
      `${ids.buyer}.${kind}.${mac}`,
      `${userId}.${NotificationKind.ResponseReceived}.${mac}`,
      'nonsense',
      '',
    ]) {
      const page = await t
        .client()
        .raw()
        .get(`/api/v1/notifications/unsubscribe?token=${encodeURIComponent(bad)}`)
        .set('Accept', 'text/html');
      expect([page.status, page.headers['content-type']]).toEqual([400, 'text/html; charset=utf-8']);
      expect(page.text).toContain('This link is not valid');
      // Not a browser: the API's error shape.
      const api = await t.client().get(`/api/v1/notifications/unsubscribe?token=${encodeURIComponent(bad)}`);
      expect([api.status, api.body.message]).toEqual([400, 'This unsubscribe link is not valid; nothing was changed.']);
    }
    expect((await t.client().raw().get('/api/v1/notifications/unsubscribe').set('Accept', 'text/html')).status).toBe(400);
    expect(countChanges(before, await counts())).toEqual([]);

    const res = await t.client().raw().get(path).set('Accept', 'text/html,application/xhtml+xml');
    expect([res.status, res.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(res.text).toContain('You will no longer get these e-mails');
    const prefs = (await supplier.get('/api/v1/notifications/preferences')).body as NotificationPreferences;
    expect(prefs.items).toEqual([
      { kind: NotificationKind.DeadlineSoon, email: false },
      { kind: NotificationKind.TenderChanged, email: true },
      { kind: NotificationKind.SavedSearchMatch, email: true },
    ]);

    const received = mailsTo('supplier@demo.test').length;
    await enqueue({ userIds: [ids.supplier], kind: NotificationKind.DeadlineSoon, title: 'Deadline tomorrow' });
    await enqueue({ userIds: [ids.supplier], kind: NotificationKind.TenderChanged, title: 'The tender changed' });
    await enqueue({ userIds: [ids.supplier], kind: NotificationKind.QuestionAnswered, title: 'Your question was answered' });
    await worker().drainOnce();
    expect(
      mailsTo('supplier@demo.test')
        .slice(received)
        .map((m) => m.parsed.subject)
        .sort(),
    ).toEqual(['The tender changed', 'Your question was answered']);
    const list = (await supplier.get('/api/v1/notifications')).body as NotificationList;
    expect(list.items.map((i) => i.title)).toEqual(expect.arrayContaining(['Deadline tomorrow', 'The tender changed']));
    expect(await outbox().countBy({ subject: 'Deadline tomorrow' })).toBe(0);
  });

  it('lists, reads and reads all of one’s own notifications; anyone else’s is not found', async () => {
    await t.dataSource.getRepository(Notification).delete({ userId: ids.buyer });
    await enqueue({ userIds: [ids.evaluator], title: 'For the evaluator' });
    const base = new Date('2031-06-01T09:00:00Z').getTime();
    for (let i = 0; i < 52; i++) {
      setNow(new Date(base + i * 1000));
      await enqueue({ userIds: [ids.buyer], title: `Note ${i}`, link: `/tenders/${i}` });
    }
    const page = (await buyer.get('/api/v1/notifications')).body as NotificationList;
    expect(page.unread).toBe(52);
    expect(page.items).toHaveLength(50);
    expect(page.items[0]).toEqual({
      id: expect.any(String),
      kind: NotificationKind.ResponseReceived,
      title: 'Note 51',
      body: 'Someone responded.',
      link: '/tenders/51',
      createdAt: new Date(base + 51_000).toISOString(),
      readAt: null,
    });
    const older = (await buyer.get(`/api/v1/notifications?before=${page.items[49].id}`)).body as NotificationList;
    expect(older.items.map((i) => i.title)).toEqual(['Note 1', 'Note 0']);

    const theirs = await inApp().findOneByOrFail({ userId: ids.evaluator, title: 'For the evaluator' });
    for (const path of [`/api/v1/notifications/${theirs.id}/read`, '/api/v1/notifications/not-an-id/read']) {
      const res = await buyer.post(path);
      expect(res.status).toBe(404);
    }
    expect((await buyer.get(`/api/v1/notifications?before=${theirs.id}`)).status).toBe(404);
    expect((await buyer.get('/api/v1/notifications?before=nope')).status).toBe(400);
    expect((await inApp().findOneByOrFail({ id: theirs.id })).readAt).toBeNull();

    setNow(new Date('2031-06-02T09:00:00Z'));
    const read = await buyer.post(`/api/v1/notifications/${page.items[0].id}/read`);
    expect([read.status, read.body.readAt]).toEqual([200, '2031-06-02T09:00:00.000Z']);
    expect(((await buyer.get('/api/v1/notifications')).body as NotificationList).unread).toBe(51);

    const all = await buyer.post('/api/v1/notifications/read-all');
    expect([all.status, all.body.unread]).toEqual([200, 0]);
    expect(await inApp().countBy({ userId: ids.evaluator, readAt: IsNull() })).toBeGreaterThan(0);
    expect((await t.client().get('/api/v1/notifications')).status).toBe(401);
  });

  it('validates preference changes: a clear 400 and nothing written', async () => {
    const counts = rowCounter(t.dataSource);
    const before = await counts();
    for (const body of [
      {},
      { items: [] },
      { items: [{ kind: NotificationKind.ResponseReceived, email: false }] },
      { items: [{ kind: NotificationKind.TenderChanged, email: 'no' }] },
      { items: [{ kind: 'spam', email: false }] },
      { items: 'all' },
    ]) {
      const res = await buyer.put('/api/v1/notifications/preferences', body);
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(expect.any(String));
    }
    expect(countChanges(before, await counts())).toEqual([]);

    const res = await buyer.put('/api/v1/notifications/preferences', { items: [{ kind: NotificationKind.TenderChanged, email: false }] });
    expect([res.status, res.body]).toEqual([
      200,
      {
        items: [
          { kind: NotificationKind.DeadlineSoon, email: true },
          { kind: NotificationKind.TenderChanged, email: false },
          { kind: NotificationKind.SavedSearchMatch, email: true },
        ],
      },
    ]);
    const again = await buyer.put('/api/v1/notifications/preferences', { items: [{ kind: NotificationKind.TenderChanged, email: true }] });
    expect(again.body.items[1]).toEqual({ kind: NotificationKind.TenderChanged, email: true });
    expect(await t.dataSource.getRepository(NotificationPreference).countBy({ userId: ids.buyer })).toBe(1);
  });

  it('shares the outbox between instances: each message is sent once', async () => {
    const second = await startTestApp(
      {
        SMTP_URL: t.settings.mail.smtpUrl as string,
        PUBLIC_URL,
        NOTIFY_POLL_MS: '3600000',
        ...(t.settings.appSecret ? { APP_SECRET: t.settings.appSecret } : {}),
      },
      { db: t.db },
    );
    try {
      await worker().drainOnce(); // what earlier tests left due, so the count below is this test's
      const titles = Array.from({ length: 12 }, (_, i) => `Shared ${i}`);
      for (const title of titles) await enqueue({ userIds: [ids.evaluator], title });
      const [a, b] = await Promise.all([worker().drainOnce(), second.app.get(OutboxWorker).drainOnce()]);
      expect(a.sent + b.sent).toBe(12);
      const subjects = mail.received.map((m) => m.parsed.subject).filter((s) => s?.startsWith('Shared '));
      expect(subjects.sort()).toEqual([...titles].sort());
    } finally {
      await second.close();
    }
  });

  it('writes the message to the log when SMTP_URL is not set (the timer drains it)', async () => {
    const logged = jest.spyOn(Logger.prototype, 'log');
    const quiet = await startTestApp({ NOTIFY_POLL_MS: '50' });
    try {
      const [{ id }]: { id: string }[] = await quiet.dataSource.query("SELECT id FROM user_account WHERE email = 'buyer@demo.test'");
      await enqueue({ userIds: [id], title: 'Logged, not sent', body: 'Read me in the log.' }, quiet);
      await waitFor(
        async () => (await quiet.dataSource.getRepository(OutboxMessage).findOneByOrFail({ subject: 'Logged, not sent' })).sentAt !== null,
      );
      expect(logged).toHaveBeenCalledWith(
        expect.stringMatching(/SMTP_URL is not set\) to buyer@demo\.test: Logged, not sent\nRead me in the log\./),
      );
    } finally {
      await quiet.close();
    }
  });
});

/** The List-Unsubscribe header as sent (unfolded); mailparser does not keep it among `headers`. */
function listUnsubscribe(parsed: ParsedMail): string | null {
  const line = parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line;
  return line ? line.slice(line.indexOf(':') + 1).replace(/\s+/g, '') : null;
}
