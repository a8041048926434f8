import type { CriterionContent, TenderContent, TenderDetail } from '@openbrief/contracts';
import { writeContent } from '@openbrief/tender-doc';
import { randomUUID } from 'node:crypto';
import { Criterion } from '../../src/modules/tenders/entities/criterion.entity';
import { Lot } from '../../src/modules/tenders/entities/lot.entity';
import { Requirement } from '../../src/modules/tenders/entities/requirement.entity';
import { TenderRevision } from '../../src/modules/tenders/entities/tender-revision.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { TenderService } from '../../src/modules/tenders/tender.service';
import { connectCollab } from '../support/collab-client';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender } from '../support/tender-fixtures';

/** Every child row of a tender, by id, as the database holds it. */
async function rowsOf(t: TestApp, tenderId: string) {
  const lots = await t.dataSource.getRepository(Lot).find({ where: { tenderId }, order: { id: 'ASC' } });
  const requirements = await t.dataSource.getRepository(Requirement).find({ where: { tenderId }, order: { id: 'ASC' } });
  const criteria = (await t.dataSource.getRepository(Criterion).find({ order: { id: 'ASC' } })).filter((c) =>
    lots.some((l) => l.id === c.lotId),
  );
  return { lots, requirements, criteria };
}

const idsOf = (rows: Awaited<ReturnType<typeof rowsOf>>) => ({
  lots: rows.lots.map((r) => r.id),
  requirements: rows.requirements.map((r) => r.id),
  criteria: rows.criteria.map((r) => r.id),
});

/** The first lot's quality questions (leaf criteria; their siblings' weights must still add up when one goes). */
const questions = (c: TenderContent) => c.lots[0].evaluationModel.criteria.filter((x) => x.parentId !== null);
const criterionIn = (c: TenderContent, id: string) => c.lots.flatMap((l) => l.evaluationModel.criteria).find((x) => x.id === id)!;

/** The content without `criterion`, its weight given to a sibling so the weights still add up. */
function without(content: TenderContent, criterion: CriterionContent): TenderContent {
  const c = structuredClone(content);
  const lot = c.lots.find((l) => l.evaluationModel.criteria.some((x) => x.id === criterion.id))!;
  const sibling = lot.evaluationModel.criteria.find((x) => x.parentId === criterion.parentId && x.id !== criterion.id)!;
  sibling.weight += criterion.weight;
  lot.evaluationModel.criteria = lot.evaluationModel.criteria.filter((x) => x.id !== criterion.id);
  return c;
}

describe('stable identities of lots, requirements and criteria', () => {
  let t: TestApp;
  let buyer: TestClient;
  beforeAll(async () => {
    t = await startTestApp({ COLLAB_PROJECTION_MS: '600000' });
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    // As a later table (a bid's answer, an evaluator's score) will: a real foreign key to a criterion, which refuses its deletion.
    await t.dataSource.query(
      'CREATE TABLE criterion_reference (id varchar(36) PRIMARY KEY, criterion_id varchar(36) NOT NULL REFERENCES criterion(id) ON DELETE RESTRICT)',
    );
  });
  afterAll(() => t.close());

  const put = (d: TenderDetail, content: TenderContent) => buyer.put(`/api/v1/tenders/${d.id}`, { revision: d.revision, content });
  const references = async (criterionId: string): Promise<number> =>
    Number(
      (
        await t.dataSource.query(
          ...t.dataSource.driver.escapeQueryWithParameters(
            'SELECT COUNT(*) AS n FROM criterion_reference WHERE criterion_id = :id',
            { id: criterionId },
            {},
          ),
        )
      )[0].n,
    );
  const refer = (criterionId: string) =>
    t.dataSource.query(
      ...t.dataSource.driver.escapeQueryWithParameters(
        'INSERT INTO criterion_reference (id, criterion_id) VALUES (:id, :criterionId)',
        { id: randomUUID(), criterionId },
        {},
      ),
    );
  const revisionCount = (tenderId: string) => t.dataSource.getRepository(TenderRevision).countBy({ tenderId });

  it('keeps every id across two saves, and the ids the API shows are the rows\u2019 ids', async () => {
    const d = await createReadyTender(buyer, 'Saved twice');
    const before = idsOf(await rowsOf(t, d.id));
    const first = toTenderContent(d);
    first.lots[0].requirements[0].outcome = 'Changed once.';
    const once = await put(d, first);
    expect(once.status).toBe(200);
    const second = toTenderContent(once.body);
    second.lots[0].evaluationModel.criteria[0].description = 'Changed twice.';
    const twice = await put(once.body, second);
    expect(twice.status).toBe(200);
    const after = idsOf(await rowsOf(t, d.id));
    expect(after).toEqual(before);
    const shown = twice.body as TenderDetail;
    expect(shown.lots.map((l) => l.id).sort()).toEqual(after.lots);
    expect(shown.lots.flatMap((l) => l.requirements.map((r) => r.id)).sort()).toEqual(after.requirements);
    expect(shown.lots.flatMap((l) => l.evaluationModel.criteria.map((c) => c.id)).sort()).toEqual(after.criteria);
  });

  it('writes only what changed: a save changing one requirement\u2019s text updates that row and no other child row', async () => {
    const d = await createReadyTender(buyer, 'One row written');
    const before = await rowsOf(t, d.id);
    const target = d.lots[0].requirements[1];
    const content = toTenderContent(d);
    content.lots[0].requirements[1].outcome = 'Only this outcome changes.';
    const runner = t.dataSource.createQueryRunner();
    const spy = jest.spyOn(Object.getPrototypeOf(runner) as { query: (sql: string, params?: unknown[]) => Promise<unknown> }, 'query');
    await runner.release();
    let writes: { sql: string; params: unknown[] }[];
    try {
      expect((await put(d, content)).status).toBe(200);
      writes = spy.mock.calls
        .map(([sql, params]) => ({ sql: String(sql), params: (params ?? []) as unknown[] }))
        .filter(({ sql }) => /^\s*(INSERT INTO|UPDATE|DELETE FROM)\s+"?(lot|requirement|criterion)"?\s/i.test(sql));
    } finally {
      spy.mockRestore();
    }
    expect(writes).toHaveLength(1);
    expect(writes[0].sql).toMatch(/^\s*UPDATE\s+"?requirement"?\s/i);
    expect(writes[0].params).toContain(target.id);
    expect(writes[0].params).toContain('Only this outcome changes.');
    const after = await rowsOf(t, d.id);
    expect(after.lots).toEqual(before.lots);
    expect(after.criteria).toEqual(before.criteria);
    expect(after.requirements.filter((r) => r.id !== target.id)).toEqual(before.requirements.filter((r) => r.id !== target.id));
    expect(after.requirements.find((r) => r.id === target.id)!.outcome).toBe('Only this outcome changes.');
  });

  it('moves a requirement and a criterion to a new lot and back (deleting that lot in the same save), keeping their ids and what refers to them', async () => {
    const d = await createReadyTender(buyer, 'Moving between lots');
    const content = toTenderContent(d);
    const [moving] = questions(content);
    await refer(moving.id);
    const requirement = content.lots[0].requirements[0];
    // A second lot with a copy of the first lot's evaluation model (new ids), then the question and the requirement move into it.
    const copies = new Map(content.lots[0].evaluationModel.criteria.map((c) => [c.id, randomUUID()]));
    const second = {
      ...structuredClone(content.lots[0]),
      id: randomUUID(),
      title: 'Second lot',
      requirements: [] as (typeof content.lots)[0]['requirements'],
    };
    second.evaluationModel.criteria = second.evaluationModel.criteria.map((c) => ({
      ...c,
      id: copies.get(c.id)!,
      parentId: c.parentId && copies.get(c.parentId)!,
      requirementIds: [],
    }));
    const split = without(content, moving);
    for (const c of split.lots[0].evaluationModel.criteria) c.requirementIds = c.requirementIds.filter((id) => id !== requirement.id);
    split.lots[0].requirements = split.lots[0].requirements.filter((r) => r.id !== requirement.id);
    const replaced = second.evaluationModel.criteria.find((c) => c.id === copies.get(moving.id))!;
    second.evaluationModel.criteria = second.evaluationModel.criteria.map((c) =>
      c === replaced ? { ...moving, parentId: replaced.parentId, requirementIds: [requirement.id] } : c,
    );
    second.requirements = [requirement];
    split.lots.push(second);
    split.singleLotReason = null;
    const moved = await put(d, split);
    expect(moved.status).toBe(200);
    const rows = await rowsOf(t, d.id);
    expect(rows.requirements.find((r) => r.id === requirement.id)!.lotId).toBe(second.id);
    expect(rows.criteria.find((c) => c.id === moving.id)!.lotId).toBe(second.id);

    // Back again, and the second lot goes: the moved rows must be moved before the lot's deletion cascades.
    const back = await put(moved.body, content);
    expect(back.status).toBe(200);
    const again = await rowsOf(t, d.id);
    expect(again.lots.map((l) => l.id)).toEqual([content.lots[0].id]);
    expect(again.requirements.find((r) => r.id === requirement.id)!.lotId).toBe(content.lots[0].id);
    expect(again.criteria.find((c) => c.id === moving.id)!.lotId).toBe(content.lots[0].id);
    expect(await references(moving.id)).toBe(1);
  });

  it('keeps a referenced criterion through a REST save of its text, a live projection and publication; refuses (409, nothing written) a save that removes it', async () => {
    const d = await createReadyTender(buyer, 'Referenced criterion');
    const [criterion] = questions(toTenderContent(d));
    await refer(criterion.id);

    const content = toTenderContent(d);
    criterionIn(content, criterion.id).description = 'Describe your approach, in your own words (changed through the API).';
    const saved = await put(d, content);
    expect(saved.status).toBe(200);
    expect(await references(criterion.id)).toBe(1);

    const live = await connectCollab(t.url, d.id, buyer.cookieHeader());
    try {
      // A copy: content() hands out the document's own plain values, which must not be changed in place.
      const typed = structuredClone(live.content());
      criterionIn(typed, criterion.id).name = 'Approach (renamed live)';
      writeContent(live.doc, typed);
      await live.acknowledged();
      await t.app.get(TenderService).flushLive(d.id);
      const row = await t.dataSource.getRepository(Criterion).findOneByOrFail({ id: criterion.id });
      expect(row.name).toBe('Approach (renamed live)');
      expect(await references(criterion.id)).toBe(1);

      const read = (await buyer.get(`/api/v1/tenders/${d.id}`)).body as TenderDetail;
      const published = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: read.revision });
      expect(published.status).toBe(201);
      expect(await references(criterion.id)).toBe(1);
      expect(await t.dataSource.getRepository(Criterion).existsBy({ id: criterion.id })).toBe(true);

      // Removing it through the API: refused cleanly, and nothing of the save is written.
      const current = (await buyer.get(`/api/v1/tenders/${d.id}`)).body as TenderDetail;
      const rowsBefore = await rowsOf(t, d.id);
      const revisionsBefore = await revisionCount(d.id);
      const removal = without(toTenderContent(current), criterionIn(toTenderContent(current), criterion.id));
      removal.summary = 'This summary must not be saved either.';
      const refused = await put(current, removal);
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/cannot be removed/);
      expect(await rowsOf(t, d.id)).toEqual(rowsBefore);
      expect(await revisionCount(d.id)).toBe(revisionsBefore);
      const after = (await buyer.get(`/api/v1/tenders/${d.id}`)).body as TenderDetail;
      expect(after.revision).toBe(current.revision);
      expect(after.summary).toBe(current.summary);

      // Removing it live: the projection keeps the lots as the tables hold them, takes the rest, and says why.
      const liveRemoval = without(live.content(), criterionIn(live.content(), criterion.id));
      liveRemoval.summary = 'Typed live while the criterion was removed.';
      writeContent(live.doc, liveRemoval);
      await live.acknowledged();
      await t.app.get(TenderService).flushLive(d.id);
      const projected = (await buyer.get(`/api/v1/tenders/${d.id}`)).body as TenderDetail;
      expect(projected.summary).toBe('Typed live while the criterion was removed.');
      expect(projected.lots[0].evaluationModel.criteria.map((c) => c.id)).toContain(criterion.id);
      expect(t.app.get(TenderService).liveRefusals(d.id)).toEqual([expect.objectContaining({ field: 'lots' })]);
      expect(await references(criterion.id)).toBe(1);
    } finally {
      live.close();
    }
  });
});
