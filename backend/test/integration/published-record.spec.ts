import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  PUBLISHED_RECORD_SCHEMA_VERSION,
  type PublishedTenderRecord,
  PublishedRecordError,
  Jurisdiction,
  type TenderDetail,
  TenderStatus,
  TieBreakRule,
  readPublishedRecord,
} from '@openbrief/contracts';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type DomainEvent,
  TenderPackMade,
  TenderPublished,
  TenderStatusChanged,
  inTransaction,
} from '../../src/common/events/domain-events';
import { loadSettings } from '../../src/config/settings';
import { standaloneDataSourceOptions } from '../../src/entities';
import { TenderVersion } from '../../src/modules/tenders/entities/tender-version.entity';
import { Tender } from '../../src/modules/tenders/entities/tender.entity';
import { versionRecord } from '../../src/modules/tenders/lifecycle/published-version';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { createTestDatabase } from '../support/test-database';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender } from '../support/tender-fixtures';

const PREFIX = 'ocds-0b7e5t';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('published records', () => {
  let t: TestApp;
  let buyer: TestClient;
  let anyone: TestClient;
  const heard: DomainEvent[] = [];
  const listen = (e: DomainEvent) => void heard.push(e);
  beforeAll(async () => {
    t = await startTestApp({ OCID_PREFIX: PREFIX });
    const emitter = t.app.get(EventEmitter2);
    for (const type of [TenderPublished, TenderStatusChanged, TenderPackMade]) emitter.on(inTransaction(type), listen);
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    anyone = t.client();
  });
  afterAll(() => t.close());

  const storedRecord = async (tenderId: string, version: number): Promise<PublishedTenderRecord> =>
    readPublishedRecord((await t.dataSource.getRepository(TenderVersion).findOneByOrFail({ tenderId, version })).record);
  const eventsFor = (tenderId: string) => heard.filter((e) => e.tenderId === tenderId).map((e) => [e.action, e.details()]);

  async function republish(d: TenderDetail, title: string, changeNote: string) {
    const current = (await buyer.get(`/api/v1/tenders/${d.id}`)).body as TenderDetail;
    const content = toTenderContent(current);
    content.title = title;
    const saved = await buyer.put(`/api/v1/tenders/${d.id}`, { revision: current.revision, content });
    expect(saved.status).toBe(200);
    const res = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: saved.body.revision, changeNote });
    expect(res.status).toBe(201);
    return res;
  }

  it('stores a record of schema version 1 with the tender’s ocid, separate from the API’s view', async () => {
    const d = await createReadyTender(buyer, 'Record on first publication');
    const v1 = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    expect(v1.status).toBe(201);

    const record = await storedRecord(d.id, 1);
    const ocid = `${PREFIX}-${d.reference}`;
    expect(record).toMatchObject({
      schemaVersion: PUBLISHED_RECORD_SCHEMA_VERSION,
      ocid,
      tenderId: d.id,
      reference: d.reference,
      version: 1,
      changeNote: null,
    });
    expect(record.publishedAt).toBe(v1.body.publishedAt);
    expect(record.buyer.name).toBe(d.buyer.name);
    expect(record.content.lots[0].requirements.map((r) => r.id)).toEqual(d.lots[0].requirements.map((r) => r.id));
    expect(record.content.lots[0].evaluationModel.criteria.map((c) => c.id)).toEqual(d.lots[0].evaluationModel.criteria.map((c) => c.id));
    // The record is not the API response: no working-copy bookkeeping, no live status.
    expect(Object.keys(record)).not.toEqual(expect.arrayContaining(['status']));
    expect(Object.keys(record.content)).not.toEqual(expect.arrayContaining(['revision', 'updatedAt', 'createdAt', 'status']));
    expect((await t.dataSource.getRepository(Tender).findOneByOrFail({ id: d.id })).ocid).toBe(ocid);
  });

  it('keeps the ocid of the first publication in version 2, even after the reference changes', async () => {
    const d = await createReadyTender(buyer, 'Stable ocid');
    await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    const first = await storedRecord(d.id, 1);
    await t.dataSource.getRepository(Tender).update({ id: d.id }, { reference: `${d.reference}-R` });

    await republish(d, 'Stable ocid, corrected', 'Title corrected.');
    const second = await storedRecord(d.id, 2);
    expect(second.ocid).toBe(first.ocid);
    expect(second.ocid).toBe(`${PREFIX}-${d.reference}`);
    expect(second).toMatchObject({ version: 2, changeNote: 'Title corrected.', reference: `${d.reference}-R` });
    expect(second.content.title).toBe('Stable ocid, corrected');
    expect((await t.dataSource.getRepository(Tender).findOneByOrFail({ id: d.id })).ocid).toBe(first.ocid);
  });

  it('serves the public pages from the record, version by version', async () => {
    const d = await createReadyTender(buyer, 'Served from the record');
    await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    await republish(d, 'Served from the record, version 2', 'New title.');

    // Change only the stored records: what the public reads must follow them, not the tender tables.
    for (const version of [1, 2]) {
      const row = await t.dataSource.getRepository(TenderVersion).findOneByOrFail({ tenderId: d.id, version });
      const record = versionRecord(row);
      record.content.summary = `Summary as recorded in version ${version}.`;
      await t.dataSource.getRepository(TenderVersion).update({ id: row.id }, { record });
    }
    const latest = await anyone.get(`/api/v1/public/tenders/${d.id}`);
    expect(latest.status).toBe(200);
    expect(latest.body).toMatchObject({ version: 2, changeNote: 'New title.' });
    expect(latest.body.tender).toMatchObject({
      title: 'Served from the record, version 2',
      summary: 'Summary as recorded in version 2.',
      status: TenderStatus.Published,
      publishedVersion: 2,
    });
    expect(latest.body.tender.lots[0].requirements[0].lotId).toBe(latest.body.tender.lots[0].id);
    const v1 = await anyone.get(`/api/v1/public/tenders/${d.id}/versions/1`);
    expect(v1.body.tender).toMatchObject({
      title: 'Served from the record',
      summary: 'Summary as recorded in version 1.',
      publishedVersion: 1,
    });
    expect(latest.body.changeLog.map((e: { version: number }) => e.version)).toEqual([1, 2]);
  });

  it('answers a record of an unknown schema version with a clean error, and keeps serving everything else', async () => {
    const d = await createReadyTender(buyer, 'Record from the future');
    const v1 = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    await republish(d, 'Record from the future, version 2', 'Changed.');
    const row = await t.dataSource.getRepository(TenderVersion).findOneByOrFail({ tenderId: d.id, version: 2 });
    await t.dataSource.getRepository(TenderVersion).update({ id: row.id }, { record: { ...versionRecord(row), schemaVersion: 99 } });

    const reread = await t.dataSource.getRepository(TenderVersion).findOneByOrFail({ id: row.id });
    expect(() => versionRecord(reread)).toThrow(PublishedRecordError);
    expect(() => versionRecord(reread)).toThrow(
      `Version 2 of tender ${d.id} cannot be read: it is stored as published record schema version 99`,
    );

    const res = await anyone.get(`/api/v1/public/tenders/${d.id}`);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: expect.any(String) });
    // Only that version is unreadable: version 1, its pack and the list still work.
    expect((await anyone.get(`/api/v1/public/tenders/${d.id}/versions/1`)).body.tender.title).toBe(v1.body.tender.title);
    expect((await anyone.get(`/api/v1/public/tenders/${d.id}/versions/1/pack.pdf`)).status).toBe(200);
    const list = await anyone.get('/api/v1/public/tenders?limit=100');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(d.id);
  });

  it('emits publication, status and pack events, with the record’s canonical hash', async () => {
    const d = await createReadyTender(buyer, 'Lifecycle events');
    const v1 = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    const record1 = await storedRecord(d.id, 1);
    const v2 = await republish(d, 'Lifecycle events, version 2', 'Title changed.');
    const record2 = await storedRecord(d.id, 2);
    const cancelled = await buyer.post(`/api/v1/tenders/${d.id}/status`, {
      revision: v2.body.tender.revision,
      status: 'cancelled',
      reason: 'Funding withdrawn.',
    });
    expect(cancelled.status).toBe(201);

    expect(eventsFor(d.id)).toEqual([
      ['tender.published', { version: 1, changeNote: null, recordSha256: sha256(canonicalize(record1)!) }],
      ['tender.status-changed', { from: 'draft', to: 'published', reason: null }],
      ['tender.pack-made', { version: 1, packSha256: v1.body.packSha256 }],
      // A republication is no change of status.
      ['tender.published', { version: 2, changeNote: 'Title changed.', recordSha256: sha256(canonicalize(record2)!) }],
      ['tender.pack-made', { version: 2, packSha256: v2.body.packSha256 }],
      ['tender.status-changed', { from: 'published', to: 'cancelled', reason: 'Funding withdrawn.' }],
    ]);
    const me = (await buyer.get('/api/v1/auth/me')).body;
    const actors = heard.filter((e) => e.tenderId === d.id).map((e) => e.actor);
    expect(actors).toHaveLength(6);
    for (const actor of actors) expect(actor).toEqual({ userId: me.id, name: me.name, organisationId: me.organisation.id });
  });

  it('publishes nothing when an in-transaction subscriber fails: version, status and ocid roll back together', async () => {
    const d = await createReadyTender(buyer, 'Rolled back publication');
    const emitter = t.app.get(EventEmitter2);
    const fail = () => {
      throw new Error('audit unavailable (test)');
    };
    emitter.on(inTransaction(TenderPublished), fail);
    try {
      const res = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
      expect(res.status).toBe(500);
    } finally {
      emitter.off(inTransaction(TenderPublished), fail);
    }
    const row = await t.dataSource.getRepository(Tender).findOneByOrFail({ id: d.id });
    expect([row.status, row.publishedVersion, row.ocid, row.rowVersion]).toEqual([TenderStatus.Draft, 0, null, d.revision]);
    expect(await t.dataSource.getRepository(TenderVersion).countBy({ tenderId: d.id })).toBe(0);
    expect((await anyone.get(`/api/v1/public/tenders/${d.id}`)).status).toBe(404);
  });

  it('refuses an OCID_PREFIX that is not a registered-style prefix, at start, saying what it must be', () => {
    for (const bad of ['ocds-ABC123', 'ocds-abc12', 'abc123', 'ocds-abc123-x']) {
      expect(() => loadSettings({ OCID_PREFIX: bad })).toThrow(
        'OCID_PREFIX must be the ocid prefix registered with the Open Contracting Data Support Team: "ocds-" followed by six lower-case letters or digits',
      );
    }
    expect(loadSettings({}).ocidPrefix).toBe('ocds-xxxxxx');
    expect(loadSettings({ OCID_PREFIX: PREFIX }).ocidPrefix).toBe(PREFIX);
  });
});

describe('the migration to published records', () => {
  const MIGRATION = 'PublishedRecords1764387600000';
  const saved = process.env['OCID_PREFIX'];
  // Migrations read OCID_PREFIX from the environment, as the app does at start.
  beforeAll(() => void (process.env['OCID_PREFIX'] = PREFIX));
  afterAll(() => (saved === undefined ? delete process.env['OCID_PREFIX'] : void (process.env['OCID_PREFIX'] = saved)));

  it('turns old snapshots into version 1 records and gives published tenders their ocids; reverting gives the snapshots back', async () => {
    const db = await createTestDatabase();
    let t: TestApp | null = await startTestApp({ OCID_PREFIX: PREFIX }, { db });
    try {
      const buyer = t.client();
      await buyer.signIn('buyer@demo.test');
      const republished = await createReadyTender(buyer, 'Migrated, two versions');
      const v1 = await buyer.post(`/api/v1/tenders/${republished.id}/publish`, { revision: republished.revision });
      const content = toTenderContent(v1.body.tender);
      content.title = 'Migrated, two versions (2)';
      // Fields added to version 1 records by issue 13, set away from their defaults so a loss would show.
      content.contract = { ...content.contract, jurisdiction: Jurisdiction.Scotland };
      content.lots[0].evaluationModel.rules = {
        ...content.lots[0].evaluationModel.rules,
        blindMarking: false,
        tieBreak: TieBreakRule.LowerPrice,
        nearTieMargin: 2.5,
      };
      const put = await buyer.put(`/api/v1/tenders/${republished.id}`, { revision: v1.body.tender.revision, content });
      const v2 = await buyer.post(`/api/v1/tenders/${republished.id}/publish`, { revision: put.body.revision, changeNote: 'Renamed.' });
      const cancelled = await createReadyTender(buyer, 'Migrated, then cancelled');
      const c1 = await buyer.post(`/api/v1/tenders/${cancelled.id}/publish`, { revision: cancelled.revision });
      await buyer.post(`/api/v1/tenders/${cancelled.id}/status`, {
        revision: c1.body.tender.revision,
        status: 'cancelled',
        reason: 'Funding withdrawn.',
      });
      const draft = await createReadyTender(buyer, 'Never published');

      const anyone = t.client();
      const publicBefore = [
        (await anyone.get(`/api/v1/public/tenders/${republished.id}`)).body,
        (await anyone.get(`/api/v1/public/tenders/${republished.id}/versions/1`)).body,
      ];
      const recordsBefore = await t.dataSource.getRepository(TenderVersion).find({ order: { tenderId: 'ASC', version: 'ASC' } });
      const demo = (await t.dataSource.getRepository(Tender).findBy({})).filter((x) => x.publishedVersion > 0).length;
      await t.close();
      t = null;

      const ds = new DataSource(standaloneDataSourceOptions(loadSettings({ ...db.env }).database));
      await ds.initialize();
      try {
        const applied = async () => ((await ds.query('SELECT name FROM migrations')) as { name: string }[]).map((r) => r.name);
        while ((await applied()).includes(MIGRATION)) await ds.undoLastMigration({ transaction: 'each' });

        // Reverted: the snapshots are what the code before this migration stored, the API's view as published.
        const snapshots: { tender_id: string; version: number; snapshot: string }[] = await ds.query(
          'SELECT tender_id, version, snapshot FROM tender_version',
        );
        const snapshotOf = (id: string, version: number) =>
          JSON.parse(snapshots.find((s) => s.tender_id === id && Number(s.version) === version)!.snapshot);
        expect(snapshotOf(republished.id, 1)).toEqual(v1.body.tender);
        expect(snapshotOf(republished.id, 2)).toEqual(v2.body.tender);
        expect(snapshotOf(cancelled.id, 1)).toEqual(c1.body.tender);
        expect((await ds.createQueryRunner().getTable('tender'))!.columns.map((c) => c.name)).not.toContain('ocid');
        // Lots, requirements and versions all survived the reverting (no table was rebuilt under them).
        expect(Number((await ds.query('SELECT COUNT(*) AS n FROM requirement'))[0].n)).toBeGreaterThan(0);
        expect(snapshots).toHaveLength(recordsBefore.length);

        // Snapshots written before some fields existed: the migration fills them as a save would have.
        const older = snapshotOf(cancelled.id, 1);
        delete older.justifications;
        for (const lot of older.lots) for (const c of lot.evaluationModel.criteria) delete c.order;
        await ds.query(
          `UPDATE tender_version SET snapshot = ${db.kind === 'postgres' ? '$1' : '?'} WHERE tender_id = ${db.kind === 'postgres' ? '$2' : '?'} AND version = 1`,
          [JSON.stringify(older), cancelled.id],
        );

        await ds.runMigrations({ transaction: 'each' });
        const ocids: { id: string; ocid: string | null }[] = await ds.query('SELECT id, ocid FROM tender');
        const ocidOf = (id: string) => ocids.find((o) => o.id === id)!.ocid;
        expect(ocidOf(republished.id)).toBe(`${PREFIX}-${republished.reference}`);
        expect(ocidOf(cancelled.id)).toBe(`${PREFIX}-${cancelled.reference}`);
        expect(ocidOf(draft.id)).toBeNull();
        expect(ocids.filter((o) => o.ocid !== null)).toHaveLength(demo);
        const recordsAfter = await ds.getRepository(TenderVersion).find({ order: { tenderId: 'ASC', version: 'ASC' } });
        // Every record as it was, fields added to version 1 since this migration (issue 12's) included.
        expect(recordsAfter).toEqual(recordsBefore);
        const v2After = versionRecord(recordsAfter.find((r) => r.tenderId === republished.id && r.version === 2)!);
        expect(v2After.content.contract.jurisdiction).toBe(Jurisdiction.Scotland);
        expect(v2After.content.lots[0].evaluationModel.rules).toMatchObject({ tieBreak: TieBreakRule.LowerPrice, nearTieMargin: 2.5 });
        for (const row of recordsAfter) expect(versionRecord(row).schemaVersion).toBe(1);
      } finally {
        await ds.destroy();
      }

      // The public reads the migrated records exactly as before.
      t = await startTestApp({ OCID_PREFIX: PREFIX }, { db });
      const anyoneAfter = t.client();
      const publicAfter = [
        (await anyoneAfter.get(`/api/v1/public/tenders/${republished.id}`)).body,
        (await anyoneAfter.get(`/api/v1/public/tenders/${republished.id}/versions/1`)).body,
      ];
      expect(publicAfter).toEqual(publicBefore);
    } finally {
      if (t) await t.close();
      await db.drop();
    }
  });
});
