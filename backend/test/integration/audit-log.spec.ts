import { type AuditTrailPage, type CommentThread, Role, type TenderDetail } from '@openbrief/contracts';
import canonicalize from 'canonicalize';
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { type Actor, type DomainEvent, TenderPublished, TenderSaved } from '../../src/common/events/domain-events';
import { DomainEvents } from '../../src/common/events/domain-events.service';
import { Transactions } from '../../src/database/transactions';
import { entryHash } from '../../src/modules/audit/audit-chain';
import { verifyChain } from '../../src/modules/audit/audit-chain-verifier';
import { AuditEvent } from '../../src/modules/audit/entities/audit-event.entity';
import { CommentThread as CommentThreadRow } from '../../src/modules/comments/entities/comment-thread.entity';
import { signInElsewhere } from '../support/other-organisation';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender } from '../support/tender-fixtures';

const run = promisify(execFile);
const root = resolve(__dirname, '../../..');
const PASSWORD = 'a-long-password';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the hash-chained audit log', () => {
  let t: TestApp;
  let buyer: TestClient;
  let evaluator: TestClient;
  let supplier: TestClient;
  let outsider: TestClient;
  let priya: Actor;
  let tender: TenderDetail;

  const rows = () => t.dataSource.getRepository(AuditEvent).find({ order: { seq: 'ASC' } });
  const rowsFor = async (action: string) => (await rows()).filter((r) => r.action === action);
  const trail = async (c: TestClient, query = '') => {
    const res = await c.get(`/api/v1/tenders/${tender.id}/audit${query}`);
    expect([res.status, res.body.message]).toEqual([200, undefined]);
    return res.body as AuditTrailPage;
  };
  /** Emits events the way an owning module does: in a transaction of its own making. */
  const emit = (...events: DomainEvent[]) =>
    t.app.get(Transactions).run(async (tx) => {
      for (const e of events) await t.app.get(DomainEvents).emit(tx, e);
    });
  const startThread = async (body: string): Promise<CommentThread> => {
    const res = await buyer.post(`/api/v1/tenders/${tender.id}/comments`, { body });
    expect([res.status, res.body.message]).toEqual([201, undefined]);
    return res.body as CommentThread;
  };
  /** SQL with the placeholders of the database under test. */
  const sql = (text: string, params: unknown[] = []) => {
    let i = 0;
    return t.dataSource.query(t.db.kind === 'postgres' ? text.replace(/\?/g, () => `$${++i}`) : text, params);
  };

  beforeAll(async () => {
    t = await startTestApp();
    buyer = t.client();
    const me = (await buyer.signIn('buyer@demo.test')).body;
    priya = { userId: me.id, name: me.name, organisationId: me.organisation.id };
    evaluator = t.client();
    await evaluator.signIn('evaluator@demo.test');
    supplier = t.client();
    await supplier.signIn('supplier@demo.test');
    outsider = await signInElsewhere(t, { email: 'olive@other.test', name: 'Olive Other', role: Role.Buyer });
    tender = await createReadyTender(buyer, 'Audited school transport');
  }, 120_000);
  afterAll(() => t?.close());

  describe('appending', () => {
    it('chains each event to the one before: consecutive seq, prev_hash, digest of the canonical details, hash over both', async () => {
      await emit(new TenderPublished(priya, tender.id, 2, null, 'ab'.repeat(32)));
      await emit(new TenderSaved(priya, tender.id, 7, 'rest', ['Title', 'Outcomes', 'Budget'], { not: 'audited' }));
      const all = await rows();
      expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => i + 1));
      all.forEach((r, i) => {
        expect(r.prevHash).toBe(i === 0 ? '0'.repeat(64) : all[i - 1].hash);
        expect(r.digest).toBe(sha256(r.details));
        expect(r.hash).toBe(entryHash(r.prevHash, r));
      });
      const saved = all[all.length - 1];
      expect(saved).toMatchObject({
        action: 'tender.saved',
        subject: `tender:${tender.id}`,
        tenderId: tender.id,
        actorUserId: priya.userId,
        actorName: 'Priya Shah',
        actorOrganisationId: priya.organisationId,
      });
      // The details as canonical JSON (keys sorted), and only the details: the saved content is not copied into the log.
      expect(saved.details).toBe(canonicalize({ source: 'rest', revision: 7, changedFields: ['Title', 'Outcomes', 'Budget'] }));
      expect(await verifyChain(t.dataSource.manager)).toMatchObject({ ok: true, count: all.length });
    });

    it('tells the trail in words, newest first: who, what, when', async () => {
      const { entries } = await trail(buyer);
      const [saved, published] = entries;
      expect(`${saved.actor.name} ${saved.summary}`).toBe('Priya Shah saved 3 changes: Title, Outcomes, Budget');
      expect(`${published.actor.name} ${published.summary}`).toBe('Priya Shah published version 2');
      expect(saved.seq).toBeGreaterThan(published.seq);
      expect(Date.parse(saved.occurredAt)).not.toBeNaN();
      expect(saved.occurredAt).toMatch(/Z$/);
    });

    it('records a resolved comment in the transaction that resolves it', async () => {
      const thread = await startThread('Who checks the measure?');
      expect((await buyer.post(`/api/v1/tenders/${tender.id}/comments/${thread.id}/resolve`, {})).status).toBe(200);
      const [resolved] = (await rowsFor('comment.resolved')).filter((r) => r.subject === `comment-thread:${thread.id}`);
      expect(resolved).toMatchObject({ tenderId: tender.id, actorName: 'Priya Shah', details: canonicalize({ threadId: thread.id }) });
      expect((await trail(buyer)).entries[0].summary).toBe('resolved a comment thread');
    });

    it('records invitations sent and accepted with the invitee’s domain, never their address', async () => {
      const invitation = await buyer.post('/api/v1/invitations', { email: 'chris.colleague@nchs.test', role: 'buyer' });
      expect(invitation.status).toBe(201);
      const [sent] = (await rowsFor('invitation.sent')).filter((r) => r.subject === `invitation:${invitation.body.id}`);
      expect(sent).toMatchObject({
        actorUserId: priya.userId,
        tenderId: null,
        details: canonicalize({ role: 'buyer', emailDomain: 'nchs.test' }),
      });
      const token = invitation.body.acceptPath.split('/').pop();
      const accepted = await t.client().post('/api/v1/invitations/accept', { token, name: 'Chris Colleague', password: PASSWORD });
      expect(accepted.status).toBe(201);
      const [joined] = (await rowsFor('invitation.accepted')).filter((r) => r.subject === `invitation:${invitation.body.id}`);
      expect(joined).toMatchObject({
        actorUserId: accepted.body.id,
        actorName: 'Chris Colleague',
        details: canonicalize({ userId: accepted.body.id, role: 'buyer' }),
      });
      expect(JSON.stringify(await rows())).not.toContain('chris.colleague');
    });

    it('records failed sign-ins, answered alike whether or not the account exists, and logs no address', async () => {
      const wrong = await t.client().post('/api/v1/auth/sign-in', { email: 'buyer@demo.test', password: 'not-the-password' });
      const unknown = await t.client().post('/api/v1/auth/sign-in', { email: 'nobody-here@demo.test', password: 'not-the-password' });
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(wrong.body).toEqual(unknown.body);
      const failed = (await rowsFor('identity.sign-in-failed')).slice(-2);
      expect(failed.map((r) => [r.subject, r.details, r.actorUserId, r.tenderId])).toEqual([
        [`user:${priya.userId}`, '{"reason":"wrong-password"}', null, null],
        ['user:unknown', '{"reason":"unknown-account"}', null, null],
      ]);
      const everything = JSON.stringify(await rows());
      expect(everything).not.toMatch(/nobody-here|not-the-password|buyer@demo/);
    });
  });

  describe('serialised appends', () => {
    it('keeps one unforked chain with consecutive seq under 20 concurrent audited changes', async () => {
      const threads: CommentThread[] = [];
      for (let i = 0; i < 20; i++) threads.push(await startThread(`Concurrent question ${i}`));
      const before = (await rows()).length;
      const answers = await Promise.all(threads.map((th) => buyer.post(`/api/v1/tenders/${tender.id}/comments/${th.id}/resolve`, {})));
      expect(answers.map((a) => a.status)).toEqual(threads.map(() => 200));
      const all = await rows();
      expect(all).toHaveLength(before + 20);
      expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => i + 1));
      all.forEach((r, i) => expect(r.prevHash).toBe(i === 0 ? '0'.repeat(64) : all[i - 1].hash));
      const subjects = new Set(all.slice(before).map((r) => r.subject));
      expect(subjects).toEqual(new Set(threads.map((th) => `comment-thread:${th.id}`)));
      expect(await verifyChain(t.dataSource.manager)).toMatchObject({ ok: true, count: all.length });
    }, 120_000);
  });

  describe('when the append fails', () => {
    it('rolls the change back: the comment stays open and nothing is logged', async () => {
      const thread = await startThread('Is the baseline right?');
      const before = (await rows()).length;
      await sql('ALTER TABLE audit_event RENAME TO audit_event_away');
      let status: number;
      try {
        status = (await buyer.post(`/api/v1/tenders/${tender.id}/comments/${thread.id}/resolve`, {})).status;
      } finally {
        await sql('ALTER TABLE audit_event_away RENAME TO audit_event');
      }
      expect(status).toBe(500);
      const row = await t.dataSource.getRepository(CommentThreadRow).findOneByOrFail({ id: thread.id });
      expect([row.status, row.resolvedById]).toEqual(['open', null]);
      expect((await rows()).length).toBe(before);
      // Once the log is back, the same change goes through, with its entry.
      expect((await buyer.post(`/api/v1/tenders/${tender.id}/comments/${thread.id}/resolve`, {})).status).toBe(200);
      expect((await rows()).length).toBe(before + 1);
    });
  });

  describe('GET /tenders/:id/audit', () => {
    it('pages through the trail newest first', async () => {
      const whole = await trail(buyer, '?pageSize=100');
      expect(whole.total).toBe((await rows()).filter((r) => r.tenderId === tender.id).length);
      expect(whole.total).toBeGreaterThan(4);
      const first = await trail(buyer, '?pageSize=2');
      const second = await trail(buyer, '?page=2&pageSize=2');
      expect([first.page, first.pageSize, first.total]).toEqual([1, 2, whole.total]);
      expect([...first.entries, ...second.entries].map((e) => e.seq)).toEqual(whole.entries.slice(0, 4).map((e) => e.seq));
      expect((await trail(buyer, `?page=1000`)).entries).toEqual([]);
      expect((await trail(buyer)).pageSize).toBe(25);
    });

    it('refuses bad paging with a clear 400', async () => {
      for (const query of ['?page=0', '?page=abc', '?pageSize=101', '?pageSize=1.5', '?page=-1', '?other=1']) {
        const res = await buyer.get(`/api/v1/tenders/${tender.id}/audit${query}`);
        expect([query, res.status]).toEqual([query, 400]);
        expect(res.body.message).toEqual(expect.any(String));
      }
    });

    it('is only for the buying team of the tender’s organisation: 404 for others, evaluators and suppliers; 401 signed out', async () => {
      for (const path of [`/api/v1/tenders/${tender.id}/audit`, `/api/v1/tenders/${tender.id}/audit.csv`]) {
        expect((await outsider.get(path)).status).toBe(404);
        expect((await evaluator.get(path)).status).toBe(404);
        expect((await supplier.get(path)).status).toBe(404);
        expect((await t.client().get(path)).status).toBe(401);
      }
      expect((await buyer.get(`/api/v1/tenders/${randomUUID()}/audit`)).status).toBe(404);
      expect((await buyer.get('/api/v1/tenders/not-a-uuid/audit')).status).toBe(404);
    });
  });

  describe('GET /tenders/:id/audit.csv', () => {
    it('exports the whole trail oldest first, with a header row, quoting, and formula cells defused', async () => {
      const mallory: Actor = { ...priya, name: '=HYPERLINK("http://evil.test","Click")' };
      await emit(new TenderPublished(mallory, tender.id, 3, '+44 "quoted", with commas', 'cd'.repeat(32)));
      await emit(new TenderPublished({ ...priya, name: '@SUM(A1)' }, tender.id, 4, null, 'ef'.repeat(32)));
      const res = await buyer.get(`/api/v1/tenders/${tender.id}/audit.csv`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="audit-trail-${tender.id}.csv"`);
      expect(res.headers['cache-control']).toBe('private, no-store');
      const text = res.text.replace(/^\uFEFF/, '');
      const lines = text.split('\r\n');
      expect(lines[0]).toBe('"Entry","When (UK time)","When (UTC)","Who","What","Action","Entry hash"');
      expect(lines.at(-1)).toBe('');
      const entries = (await rows()).filter((r) => r.tenderId === tender.id);
      expect(lines.length - 2).toBe(entries.length);
      expect(lines[1].startsWith(`"${entries[0].seq}",`)).toBe(true);
      const evil = lines.at(-3)!;
      expect(evil).toContain(`"'=HYPERLINK(""http://evil.test"",""Click"")"`);
      expect(evil).toContain('"published version 3 with the change note “+44 ""quoted"", with commas”"');
      expect(evil).toMatch(/^"\d+","\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2} (GMT|BST)","\d{4}-\d{2}-\d{2}T[\d:.]+Z",/);
      expect(lines.at(-2)).toContain(`"'@SUM(A1)"`);
      // Every cell starts with a quote and no cell starts with a formula character.
      expect(text).not.toMatch(/(^|,)"[=+\-@]/m);
    });
  });

  describe('npm run audit:verify', () => {
    const verify = () =>
      run(process.execPath, ['backend/bin/audit-verify.js'], { cwd: root, env: { ...process.env, ...t.db.env, LOG_LEVEL: 'silent' } }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const entry = async (seq: number) => t.dataSource.getRepository(AuditEvent).findOneByOrFail({ seq });
    const expectWhole = async () => {
      const res = await verify();
      const count = (await rows()).length;
      expect([res.code, res.stdout.trim()]).toEqual([
        0,
        expect.stringMatching(new RegExp(`^OK: ${count} entries, the chain is whole\\. Newest: entry ${count}, hash [0-9a-f]{64}$`)),
      ]);
    };

    it('says OK with the count for an untouched log', expectWhole, 60_000);

    it('names an entry whose details were altered with SQL', async () => {
      const target = await entry(3);
      await sql('UPDATE audit_event SET details = ? WHERE seq = ?', ['{"reason":"forged"}', 3]);
      const res = await verify();
      await sql('UPDATE audit_event SET details = ? WHERE seq = ?', [target.details, 3]);
      expect(res.code).toBe(1);
      expect(res.stdout).toContain(`BROKEN at entry 3 (id ${target.id}): hash mismatch: its details no longer match their digest`);
      await expectWhole();
    }, 120_000);

    it('names the entry after one deleted from the middle', async () => {
      const target = await entry(5);
      const after = await entry(6);
      await sql('DELETE FROM audit_event WHERE seq = ?', [5]);
      const res = await verify();
      await t.dataSource.getRepository(AuditEvent).insert(target);
      expect(res.code).toBe(1);
      expect(res.stdout).toContain(`BROKEN at entry 6 (id ${after.id}): gap: entry 5 is missing before it`);
      await expectWhole();
    }, 120_000);

    it('names the next entry when one is rewritten with a hash that fits its new fields', async () => {
      const target = await entry(4);
      const next = await entry(5);
      const forged = { ...target, actorName: 'Someone Else' };
      await sql('UPDATE audit_event SET actor_name = ?, hash = ? WHERE seq = ?', [forged.actorName, entryHash(forged.prevHash, forged), 4]);
      const res = await verify();
      await sql('UPDATE audit_event SET actor_name = ?, hash = ? WHERE seq = ?', [target.actorName, target.hash, 4]);
      expect(res.code).toBe(1);
      expect(res.stdout).toContain(`BROKEN at entry 5 (id ${next.id}): prev_hash mismatch`);
      await expectWhole();
    }, 120_000);

    it('names the newest entry when it is altered', async () => {
      const all = await rows();
      const last = all[all.length - 1];
      await sql('UPDATE audit_event SET action = ? WHERE seq = ?', ['tender.created', last.seq]);
      const res = await verify();
      await sql('UPDATE audit_event SET action = ? WHERE seq = ?', [last.action, last.seq]);
      expect(res.code).toBe(1);
      expect(res.stdout).toContain(`BROKEN at entry ${last.seq} (id ${last.id}): hash mismatch: its fields no longer give its hash`);
      await expectWhole();
    }, 120_000);
  });
});
