import { EventEmitter2 } from '@nestjs/event-emitter';
import type { TenderDetail } from '@openbrief/contracts';
import { afterCommit, type DomainEvent, inTransaction, TenderCreated, TenderSaved } from '../../src/common/events/domain-events';
import { ConflictError } from '../../src/common/errors/domain.error';
import { TenderRevision } from '../../src/modules/tenders/entities/tender-revision.entity';
import { Tender } from '../../src/modules/tenders/entities/tender.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { TenderService } from '../../src/modules/tenders/tender.service';
import { connectCollab, waitFor } from '../support/collab-client';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender } from '../support/tender-fixtures';

describe('tender events, and reads that never write', () => {
  let t: TestApp;
  let buyer: TestClient;
  let emitter: EventEmitter2;
  /** Every tender event heard, in the transaction and after commit, in order. */
  const heard: { when: 'in-transaction' | 'after-commit'; event: DomainEvent }[] = [];
  beforeAll(async () => {
    // Projection only on demand, so a read meets pending live edits.
    t = await startTestApp({ COLLAB_PROJECTION_MS: '600000' });
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    emitter = t.app.get(EventEmitter2);
    for (const type of [TenderCreated, TenderSaved]) {
      emitter.on(inTransaction(type), async (event: DomainEvent) => void heard.push({ when: 'in-transaction', event }));
      emitter.on(afterCommit(type), async (event: DomainEvent) => void heard.push({ when: 'after-commit', event }));
    }
  });
  afterAll(() => t.close());

  const of = (tenderId: string) => heard.filter((h) => h.event.tenderId === tenderId);
  const revisionCount = (tenderId: string) => t.dataSource.getRepository(TenderRevision).countBy({ tenderId });

  it('emits TenderCreated and one TenderSaved per REST save, in the transaction and after commit, naming who acted', async () => {
    const d = await createReadyTender(buyer, 'Evented');
    const events = of(d.id);
    expect(events.map((h) => [h.when, h.event.action])).toEqual([
      ['in-transaction', 'tender.created'],
      ['after-commit', 'tender.created'],
      ['in-transaction', 'tender.saved'],
      ['after-commit', 'tender.saved'],
    ]);
    const saved = events[2].event as TenderSaved;
    expect(saved).toBeInstanceOf(TenderSaved);
    expect([saved.revision, saved.source]).toEqual([d.revision, 'rest']);
    expect(saved.changedFields.length).toBeGreaterThan(0);
    expect(saved.actor).toEqual({ userId: expect.any(String), name: expect.any(String), organisationId: d.buyer.id });
    expect((events[0].event as TenderCreated).reference).toBe(d.reference);
  });

  it('rolls the save back when an in-transaction subscriber refuses it', async () => {
    const d = await createReadyTender(buyer, 'Refused by a subscriber');
    const refuse = async (event: TenderSaved) => {
      if (event.tenderId === d.id) throw new ConflictError('Refused by a subscriber.');
    };
    emitter.on(inTransaction(TenderSaved), refuse);
    try {
      const content = toTenderContent(d);
      content.summary = 'Never saved.';
      const res = await buyer.put(`/api/v1/tenders/${d.id}`, { revision: d.revision, content });
      expect(res.status).toBe(409);
    } finally {
      emitter.off(inTransaction(TenderSaved), refuse);
    }
    const after = (await buyer.get(`/api/v1/tenders/${d.id}`)).body as TenderDetail;
    expect([after.revision, after.summary]).toEqual([d.revision, d.summary]);
    expect(await revisionCount(d.id)).toBe(d.revision);
    expect(
      of(d.id)
        .filter((h) => h.when === 'after-commit')
        .map((h) => h.event.action),
    ).toEqual(['tender.created', 'tender.saved']);
  });

  it('answers a read with pending live edits without writing anything, and emits TenderSaved (source live) once they are projected', async () => {
    const d = await createReadyTender(buyer, 'Read while typing');
    const live = await connectCollab(t.url, d.id, buyer.cookieHeader());
    try {
      live.text('summary').insert(0, 'Typed live. ');
      await live.acknowledged();
      const row = async () => t.dataSource.getRepository(Tender).findOneByOrFail({ id: d.id });
      const before = { revisions: await revisionCount(d.id), row: await row() };
      const eventsBefore = of(d.id).length;

      const read = (await buyer.get(`/api/v1/tenders/${d.id}`)).body as TenderDetail;
      expect(read.summary).toBe(`Typed live. ${d.summary}`);
      expect(read.revision).toBe(d.revision + 1);
      // Every path that reads the tender: history, comparison, the draft pack and the publication check.
      for (const path of ['revisions', `compare?from=1&to=${d.revision}`, 'publication-check', 'check', 'pack.pdf']) {
        expect({ path, status: (await buyer.get(`/api/v1/tenders/${d.id}/${path}`)).status }).toEqual({ path, status: 200 });
      }
      expect(await revisionCount(d.id)).toBe(before.revisions);
      expect(await row()).toEqual(before.row);
      expect(of(d.id)).toHaveLength(eventsBefore);

      await t.app.get(TenderService).flushLive(d.id);
      expect(await revisionCount(d.id)).toBe(before.revisions + 1);
      const projected = of(d.id).slice(eventsBefore);
      expect(projected.map((h) => [h.when, h.event.action])).toEqual([
        ['in-transaction', 'tender.saved'],
        ['after-commit', 'tender.saved'],
      ]);
      const saved = projected[0].event as TenderSaved;
      expect([saved.source, saved.revision, saved.changedFields]).toEqual(['live', read.revision, ['Summary']]);
      // The live editor's identity, as for REST saves.
      expect(saved.actor).toEqual({
        userId: (await buyer.get('/api/v1/auth/me')).body.id,
        name: expect.any(String),
        organisationId: d.buyer.id,
      });
      // The live projection is not mirrored back into the document it came from.
      await waitFor(async () => (await buyer.get(`/api/v1/tenders/${d.id}`)).body.revision === read.revision);
      expect(live.text('summary').toString()).toBe(`Typed live. ${d.summary}`);
    } finally {
      live.close();
    }
  });
});
