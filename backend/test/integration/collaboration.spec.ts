import type { beforeSyncPayload } from '@hocuspocus/server';
import { Role } from '@openbrief/contracts';
import { readContent, writeContent } from '@openbrief/tender-doc';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { CollabStore } from '../../src/modules/collaboration/collab-store';
import { CollaborationService } from '../../src/modules/collaboration/collaboration.service';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { TenderRevision } from '../../src/modules/tenders/entities/tender-revision.entity';
import { TenderService } from '../../src/modules/tenders/tender.service';
import { connectCollab, waitFor } from '../support/collab-client';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';
import { createReadyTender, inDays } from '../support/tender-fixtures';

/** What the server holds for a document: in memory (if open) and durably (snapshot + log). */
async function serverSide(t: TestApp, tenderId: string) {
  const name = `tender:${tenderId}`;
  const open = t.app.get(CollaborationService).hocuspocus.documents.get(name);
  const { state, updates } = await t.app.get(CollabStore).load(name);
  const durable = new Y.Doc();
  if (state) Y.applyUpdate(durable, state);
  for (const u of updates) Y.applyUpdate(durable, u.data);
  return { open: open ? readContent(open) : null, durable: readContent(durable) };
}

/** Records each Yjs update message the server handles, and whether the connection was read-only then. */
function watchUpdates(t: TestApp): { role: string; readOnly: boolean }[] {
  const seen: { role: string; readOnly: boolean }[] = [];
  t.app.get(CollaborationService).hocuspocus.configuration.extensions.push({
    beforeSync: async ({ type, connection, context }: beforeSyncPayload) => {
      if (type === 2) seen.push({ role: (context as { user: { role: string } }).user.role, readOnly: connection.readOnly });
    },
  });
  return seen;
}

/** A listening app with the given projection delay, and the demo buyer signed in. */
async function liveAppWithBuyer(projectionMs: string): Promise<{ t: TestApp; buyer: TestClient }> {
  const t = await startTestApp({ COLLAB_PROJECTION_MS: projectionMs });
  const buyer = t.client();
  await buyer.signIn('buyer@demo.test');
  return { t, buyer };
}

describe('live co-editing', () => {
  let t: TestApp;
  let buyer: TestClient;
  let tenderId: string;
  beforeAll(async () => {
    ({ t, buyer } = await liveAppWithBuyer('50'));
    tenderId = (await buyer.get('/api/v1/tenders')).body.find((x: { status: string }) => x.status === 'draft').id;
  });
  afterAll(() => t.close());

  it('merges two people typing in the same field, and projects the result into the tender', async () => {
    const colleague = t.client();
    await colleague.signIn('buyer@demo.test');
    const a = await connectCollab(t.url, tenderId, buyer.cookieHeader());
    const b = await connectCollab(t.url, tenderId, colleague.cookieHeader());
    try {
      const original = a.text('summary').toString();
      expect(b.text('summary').toString()).toBe(original);
      a.text('summary').insert(0, 'AAA ');
      b.text('summary').insert(b.text('summary').length, ' BBB');
      await waitFor(
        () =>
          a.text('summary').toString() === b.text('summary').toString() &&
          a.text('summary').toString().includes('BBB') &&
          b.text('summary').toString().includes('AAA'),
      );
      expect(a.text('summary').toString()).toBe(`AAA ${original} BBB`);
      await Promise.all([a.acknowledged(), b.acknowledged()]);
      await waitFor(async () => (await buyer.get(`/api/v1/tenders/${tenderId}`)).body.summary === `AAA ${original} BBB`);
    } finally {
      a.close();
      b.close();
    }
  });

  it('sends a REST save into the live document, and live typing on top of it reaches the tables', async () => {
    const live = await connectCollab(t.url, tenderId, buyer.cookieHeader());
    try {
      await waitFor(async () => (await buyer.get(`/api/v1/tenders/${tenderId}`)).body.summary === live.text('summary').toString());
      const current = (await buyer.get(`/api/v1/tenders/${tenderId}`)).body;
      const content = toTenderContent(current);
      content.workDone = 'A pilot in two clinics (saved through the API).';
      const saved = await buyer.put(`/api/v1/tenders/${tenderId}`, { revision: current.revision, content });
      expect(saved.status).toBe(200);
      await waitFor(() => live.text('workDone').toString() === 'A pilot in two clinics (saved through the API).');
      live.text('workDone').insert(0, 'Live: ');
      await live.acknowledged();
      await waitFor(
        async () =>
          (await buyer.get(`/api/v1/tenders/${tenderId}`)).body.workDone === 'Live: A pilot in two clinics (saved through the API).',
      );
    } finally {
      live.close();
    }
  });

  it("refuses an evaluator of the organisation exactly as another organisation's tender: nothing is opened or loaded", async () => {
    const evaluator = t.client();
    await evaluator.signIn('evaluator@demo.test');
    const editor = await connectCollab(t.url, tenderId, buyer.cookieHeader());
    try {
      // The buyer has this draft open live; a tender nobody ever opened must not be loaded either.
      const fresh = (await buyer.post('/api/v1/tenders', { title: 'Never opened live' })).body.id as string;
      const refusal = (id: string) =>
        connectCollab(t.url, id, evaluator.cookieHeader()).then(
          () => 'connected',
          (error: Error) => error.message,
        );
      const unknown = await refusal(randomUUID());
      expect(unknown).toMatch(/authentication failed/);
      expect(await refusal(tenderId)).toBe(unknown);
      expect(await refusal(fresh)).toBe(unknown);
      expect(t.app.get(CollaborationService).hocuspocus.documents.has(`tender:${fresh}`)).toBe(false);
      expect(await t.app.get(CollabStore).exists(`tender:${fresh}`)).toBe(false);
      // The buyer's session goes on undisturbed.
      editor.text('users').insert(0, 'Carers. ');
      await editor.acknowledged();
    } finally {
      editor.close();
    }
  });

  it('refuses a connection without a session, and a supplier', async () => {
    await expect(connectCollab(t.url, tenderId, null)).rejects.toThrow(/authentication failed/);
    const supplier = t.client();
    await supplier.signIn('supplier@demo.test');
    await expect(connectCollab(t.url, tenderId, supplier.cookieHeader())).rejects.toThrow(/authentication failed/);
    expect(Role.Supplier).toBe('supplier');
  });
});

describe('one truth: the API answers with what people typed', () => {
  let t: TestApp;
  let buyer: TestClient;
  // Projection only on demand, so these tests see the API project by itself.
  beforeAll(async () => ({ t, buyer } = await liveAppWithBuyer('600000')));
  afterAll(() => t.close());

  it('projects pending live edits before a read, the publication check and publishing', async () => {
    const d = await createReadyTender(buyer, 'Published from live edits');
    const live = await connectCollab(t.url, d.id, buyer.cookieHeader());
    try {
      live.text('problem').delete(0, live.text('problem').length);
      await live.acknowledged();
      const blocked = await buyer.get(`/api/v1/tenders/${d.id}/publication-check`);
      expect(blocked.body.map((b: { code: string }) => b.code)).toContain('problem-missing');
      live.text('problem').insert(0, 'Applications take weeks on paper.');
      live.text('summary').insert(0, 'Live: ');
      await live.acknowledged();
      expect((await buyer.get(`/api/v1/tenders/${d.id}/publication-check`)).body).toEqual([]);
      const read = await buyer.get(`/api/v1/tenders/${d.id}`);
      expect(read.body.problem).toBe('Applications take weeks on paper.');
      expect(read.body.summary).toBe(`Live: ${d.summary}`);
      expect(read.body.revision).toBeGreaterThan(d.revision);
      expect(read.headers['etag']).toBe(`"${read.body.revision}"`);
      const published = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: read.body.revision });
      expect(published.status).toBe(201);
      expect(published.body.tender.summary).toBe(`Live: ${d.summary}`);
      const version = await t.client().get(`/api/v1/public/tenders/${d.id}/versions/1`);
      expect(version.body.tender.problem).toBe('Applications take weeks on paper.');
    } finally {
      live.close();
    }
  });

  it('refuses to publish with a revision read before acknowledged live edits (409), rather than publish stale content', async () => {
    const d = await createReadyTender(buyer, 'Stale publish');
    const live = await connectCollab(t.url, d.id, buyer.cookieHeader());
    try {
      live.text('summary').insert(0, 'Typed just now. ');
      await live.acknowledged();
      const stale = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
      expect(stale.status).toBe(409);
      expect((await buyer.get(`/api/v1/tenders/${d.id}`)).body.summary).toBe(`Typed just now. ${d.summary}`);
      const save = await buyer.put(`/api/v1/tenders/${d.id}`, { revision: d.revision, content: toTenderContent(d) });
      expect(save.status).toBe(409);
      expect(live.text('summary').toString()).toBe(`Typed just now. ${d.summary}`);
    } finally {
      live.close();
    }
  });

  it('never changes a published version through the document: live edits go to the working copy only', async () => {
    const d = await createReadyTender(buyer, 'Frozen version');
    const published = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    expect(published.status).toBe(201);
    const live = await connectCollab(t.url, d.id, buyer.cookieHeader());
    try {
      live.text('summary').insert(0, 'Next version: ');
      await live.acknowledged();
      expect((await buyer.get(`/api/v1/tenders/${d.id}`)).body.summary).toBe(`Next version: ${d.summary}`);
      const anyone = t.client();
      expect((await anyone.get(`/api/v1/public/tenders/${d.id}`)).body.tender.summary).toBe(d.summary);
      expect((await anyone.get(`/api/v1/public/tenders/${d.id}/versions/1`)).body.tender.summary).toBe(d.summary);
    } finally {
      live.close();
    }
  });

  it('shows pending live edits as the next revision without writing it, and writes it once, when something writes', async () => {
    const d = await createReadyTender(buyer, 'Idempotent projection');
    const live = await connectCollab(t.url, d.id, buyer.cookieHeader());
    try {
      const revisions = async () => (await buyer.get(`/api/v1/tenders/${d.id}/revisions`)).body.length;
      const start = await revisions();
      live.text('users').insert(0, 'temporary ');
      live.text('users').delete(0, 'temporary '.length);
      await live.acknowledged();
      expect((await buyer.get(`/api/v1/tenders/${d.id}`)).body.revision).toBe(d.revision);
      expect(await revisions()).toBe(start);
      live.text('users').insert(0, 'Parents. ');
      await live.acknowledged();
      const first = await buyer.get(`/api/v1/tenders/${d.id}`);
      const second = await buyer.get(`/api/v1/tenders/${d.id}`);
      expect(first.body.users).toBe(`Parents. ${d.users}`);
      expect(first.body.revision).toBe(d.revision + 1);
      expect(second.body.revision).toBe(first.body.revision);
      // Reads never write: the revision they showed is written when something writes (which projects first).
      expect(await revisions()).toBe(start);
      await t.app.get(TenderService).flushLive(d.id);
      expect(await revisions()).toBe(start + 1);
      expect((await buyer.get(`/api/v1/tenders/${d.id}`)).body).toEqual({ ...first.body, updatedAt: expect.any(String) });
    } finally {
      live.close();
    }
  });

  it('writes each content a read showed as the revision it was shown as, so a publication naming an earlier one is refused', async () => {
    const d = await createReadyTender(buyer, 'Shown revisions');
    const live = await connectCollab(t.url, d.id, buyer.cookieHeader());
    try {
      live.text('summary').insert(0, 'One. ');
      await live.acknowledged();
      const seen = (await buyer.get(`/api/v1/tenders/${d.id}`)).body;
      live.text('summary').insert(0, 'Two. ');
      await live.acknowledged();
      const later = (await buyer.get(`/api/v1/tenders/${d.id}`)).body;
      expect([seen.revision, later.revision]).toEqual([d.revision + 1, d.revision + 2]);
      // Publishing what was seen first would freeze "Two." unseen: refused as stale instead.
      const stale = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: seen.revision });
      expect(stale.status).toBe(409);
      const written = await t.dataSource.getRepository(TenderRevision).find({ where: { tenderId: d.id }, order: { revision: 'ASC' } });
      expect(written.slice(-2).map((r) => [r.revision, r.content.summary])).toEqual([
        [seen.revision, `One. ${d.summary}`],
        [later.revision, `Two. One. ${d.summary}`],
      ]);
      const published = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: later.revision });
      expect(published.status).toBe(201);
      expect(published.body.tender.summary).toBe(`Two. One. ${d.summary}`);
    } finally {
      live.close();
    }
  });
  it('keeps a tender readable, and other tenders untouched, when a client writes what the tables cannot hold', async () => {
    const d = await createReadyTender(buyer, 'Broken live content');
    const other = await createReadyTender(buyer, 'Innocent bystander');
    const taken = other.lots[0].requirements[0];
    const live = await connectCollab(t.url, d.id, buyer.cookieHeader());
    try {
      // A requirement id that another tender's row already has: the projection cannot insert it.
      const content = live.content();
      content.lots[0].requirements.push({ ...taken, outcome: 'Copied id' });
      writeContent(live.doc, content);
      await live.acknowledged();
      const read = await buyer.get(`/api/v1/tenders/${d.id}`);
      expect(read.status).toBe(200);
      expect(read.body.revision).toBe(d.revision);
      expect(read.body.lots[0].requirements.map((r: { id: string }) => r.id)).not.toContain(taken.id);
      const untouched = (await buyer.get(`/api/v1/tenders/${other.id}`)).body;
      expect(untouched.revision).toBe(other.revision);
      expect(untouched.lots[0].requirements[0]).toEqual(taken);
      const publish = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: read.body.revision });
      expect(publish.status).not.toBe(201);
      expect((await buyer.get(`/api/v1/tenders/${d.id}`)).body.publishedVersion).toBe(0);
    } finally {
      live.close();
    }
  });
});

describe('read-only on the socket', () => {
  let t: TestApp;
  let buyer: TestClient;
  beforeAll(async () => ({ t, buyer } = await liveAppWithBuyer('50')));
  afterAll(() => t.close());

  it('refuses writes to a closed tender, from a connection opened before it closed and from one opened after', async () => {
    const seen = watchUpdates(t);
    const d = await createReadyTender(buyer, 'Closing soon');
    const published = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    const early = await connectCollab(t.url, d.id, buyer.cookieHeader());
    try {
      early.text('users').insert(0, 'Open: ');
      // The deadline passes (publishing needed a future one, so the dates move back instead of the clock).
      early.doc.getMap('tender').set('timetable', { ...d.timetable, clarificationDeadline: inDays(-2), submissionDeadline: inDays(-1) });
      await early.acknowledged();
      const current = await buyer.get(`/api/v1/tenders/${d.id}`);
      expect(current.body.users).toMatch(/^Open: /);
      const closed = await buyer.post(`/api/v1/tenders/${d.id}/status`, { revision: current.body.revision, status: 'closed' });
      expect(closed.status).toBe(201);
      expect(published.status).toBe(201);

      const handled = seen.length;
      early.text('problem').insert(0, 'AFTER CLOSING ');
      await waitFor(() => seen.length > handled);
      expect(seen.slice(handled).every((u) => u.readOnly)).toBe(true);
      const late = await connectCollab(t.url, d.id, buyer.cookieHeader());
      try {
        const handledLate = seen.length;
        late.text('summary').insert(0, 'LATE ');
        await waitFor(() => seen.length > handledLate);
        expect(seen.slice(handledLate).every((u) => u.readOnly)).toBe(true);
        expect(early.provider.unsyncedChanges).toBeGreaterThan(0);
        expect(late.provider.unsyncedChanges).toBeGreaterThan(0);
        const server = await serverSide(t, d.id);
        for (const content of [server.open!, server.durable]) {
          expect(content.problem).not.toContain('AFTER CLOSING');
          expect(content.summary).not.toContain('LATE');
          expect(content.users).toMatch(/^Open: /);
        }
        await new Promise((r) => setTimeout(r, 200));
        const after = await buyer.get(`/api/v1/tenders/${d.id}`);
        expect(after.body.status).toBe('closed');
        expect(after.body.revision).toBe(closed.body.revision);
        expect(after.body.problem).toBe(d.problem);
        expect(after.body.summary).toBe(d.summary);
      } finally {
        late.close();
      }
    } finally {
      early.close();
    }
  });
});

describe('offline editing', () => {
  let t: TestApp;
  let buyer: TestClient;
  beforeAll(async () => ({ t, buyer } = await liveAppWithBuyer('50')));
  afterAll(() => t.close());

  it('merges what a disconnected client typed with what others typed meanwhile, keeping every edit', async () => {
    const d = await createReadyTender(buyer, 'Offline merge');
    const a = await connectCollab(t.url, d.id, buyer.cookieHeader());
    const b = await connectCollab(t.url, d.id, buyer.cookieHeader());
    try {
      a.goOffline();
      await waitFor(() => !a.provider.synced);
      a.text('summary').insert(0, 'A1 ');
      a.text('problem').insert(a.text('problem').length, ' A2');
      b.text('summary').insert(b.text('summary').length, ' B1');
      b.text('title').insert(0, 'B2 ');
      a.text('title').insert(a.text('title').length, ' A3');
      await b.acknowledged();
      expect(b.text('summary').toString()).not.toContain('A1');
      await a.goOnline();
      await waitFor(
        () =>
          a.text('summary').toString() === b.text('summary').toString() &&
          a.text('title').toString() === b.text('title').toString() &&
          a.text('problem').toString() === b.text('problem').toString(),
      );
      expect(a.content()).toEqual(b.content());
      expect(a.text('summary').toString()).toBe(`A1 ${d.summary} B1`);
      expect(a.text('problem').toString()).toBe(`${d.problem} A2`);
      expect(a.text('title').toString()).toBe(`B2 ${d.title} A3`);
      const read = (await buyer.get(`/api/v1/tenders/${d.id}`)).body;
      expect([read.summary, read.problem, read.title]).toEqual([`A1 ${d.summary} B1`, `${d.problem} A2`, `B2 ${d.title} A3`]);
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('durability', () => {
  it('keeps every acknowledged edit across a restart', async () => {
    const db = await createTestDatabase();
    let t = await startTestApp({ COLLAB_PROJECTION_MS: '60000' }, { db });
    try {
      const buyer = t.client();
      await buyer.signIn('buyer@demo.test');
      const tenderId = (await buyer.get('/api/v1/tenders')).body.find((x: { status: string }) => x.status === 'draft').id;
      const a = await connectCollab(t.url, tenderId, buyer.cookieHeader());
      for (let i = 0; i < 20; i++) a.text('constraints').insert(a.text('constraints').length, `edit ${i}; `);
      await a.acknowledged();
      const seen = a.text('constraints').toString();
      a.close();
      await t.close();
      t = await startTestApp({ COLLAB_PROJECTION_MS: '60000' }, { db });
      const again = t.client();
      await again.signIn('buyer@demo.test');
      const b = await connectCollab(t.url, tenderId, again.cookieHeader());
      expect(b.text('constraints').toString()).toBe(seen);
      b.close();
    } finally {
      await t.close();
      await db.drop();
    }
  });
});
