import { Role } from '@openbrief/contracts';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { connectCollab, waitFor } from '../support/collab-client';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

describe('live co-editing', () => {
  let t: TestApp;
  let buyer: TestClient;
  let tenderId: string;
  beforeAll(async () => {
    t = await startTestApp({ COLLAB_PROJECTION_MS: '50' }, { listen: true });
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    tenderId = (await buyer.get('/api/v1/tenders')).body.find((x: { status: string }) => x.status === 'draft').id;
  });
  afterAll(() => t.close());

  it('merges two people typing in the same field, and projects the result into the tender', async () => {
    const colleague = t.client();
    await colleague.signIn('buyer@demo.test');
    const a = await connectCollab(t.url!, tenderId, buyer.cookieHeader());
    const b = await connectCollab(t.url!, tenderId, colleague.cookieHeader());
    try {
      const original = a.text('summary').toString();
      expect(b.text('summary').toString()).toBe(original);
      a.text('summary').insert(0, 'AAA ');
      b.text('summary').insert(b.text('summary').length, ' BBB');
      await waitFor(() => a.text('summary').toString() === b.text('summary').toString() && a.text('summary').toString().includes('BBB') && b.text('summary').toString().includes('AAA'));
      expect(a.text('summary').toString()).toBe(`AAA ${original} BBB`);
      await Promise.all([a.acknowledged(), b.acknowledged()]);
      await waitFor(async () => (await buyer.get(`/api/v1/tenders/${tenderId}`)).body.summary === `AAA ${original} BBB`);
    } finally {
      a.close();
      b.close();
    }
  });

  it('sends a REST save into the live document, and live typing on top of it reaches the tables', async () => {
    const live = await connectCollab(t.url!, tenderId, buyer.cookieHeader());
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
      await waitFor(async () => (await buyer.get(`/api/v1/tenders/${tenderId}`)).body.workDone === 'Live: A pilot in two clinics (saved through the API).');
    } finally {
      live.close();
    }
  });

  it('lets an evaluator follow along but not change anything', async () => {
    const evaluator = t.client();
    await evaluator.signIn('evaluator@demo.test');
    const watcher = await connectCollab(t.url!, tenderId, evaluator.cookieHeader());
    const editor = await connectCollab(t.url!, tenderId, buyer.cookieHeader());
    try {
      expect(watcher.provider.configuration.name).toBe(`tender:${tenderId}`);
      watcher.text('problem').insert(0, 'EVALUATOR WAS HERE ');
      editor.text('users').insert(0, 'Carers. ');
      await waitFor(() => watcher.text('users').toString().startsWith('Carers. '));
      expect(editor.text('problem').toString()).not.toContain('EVALUATOR WAS HERE');
      await new Promise((r) => setTimeout(r, 300));
      expect((await buyer.get(`/api/v1/tenders/${tenderId}`)).body.problem).not.toContain('EVALUATOR WAS HERE');
    } finally {
      watcher.close();
      editor.close();
    }
  });

  it('refuses a connection without a session, and a supplier', async () => {
    await expect(connectCollab(t.url!, tenderId, null)).rejects.toThrow(/authentication failed/);
    const supplier = t.client();
    await supplier.signIn('supplier@demo.test');
    await expect(connectCollab(t.url!, tenderId, supplier.cookieHeader())).rejects.toThrow(/authentication failed/);
    expect(Role.Supplier).toBe('supplier');
  });
});

describe('durability', () => {
  it('keeps every acknowledged edit across a restart', async () => {
    const db = await createTestDatabase();
    let t = await startTestApp({ COLLAB_PROJECTION_MS: '60000' }, { listen: true, db });
    try {
      const buyer = t.client();
      await buyer.signIn('buyer@demo.test');
      const tenderId = (await buyer.get('/api/v1/tenders')).body.find((x: { status: string }) => x.status === 'draft').id;
      const a = await connectCollab(t.url!, tenderId, buyer.cookieHeader());
      for (let i = 0; i < 20; i++) a.text('constraints').insert(a.text('constraints').length, `edit ${i}; `);
      await a.acknowledged();
      const seen = a.text('constraints').toString();
      a.close();
      await t.close();
      t = await startTestApp({ COLLAB_PROJECTION_MS: '60000' }, { listen: true, db });
      const again = t.client();
      await again.signIn('buyer@demo.test');
      const b = await connectCollab(t.url!, tenderId, again.cookieHeader());
      expect(b.text('constraints').toString()).toBe(seen);
      b.close();
    } finally {
      await t.close();
      await db.drop();
    }
  });
});
