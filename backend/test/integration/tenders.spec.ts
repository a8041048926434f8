import { type ItlRegion, ProcurementCategory, type TenderDetail, TenderStatus, readPublishedRecord } from '@openbrief/contracts';
import { TenderVersion } from '../../src/modules/tenders/entities/tender-version.entity';
import { TenderRevision } from '../../src/modules/tenders/entities/tender-revision.entity';
import { Tender } from '../../src/modules/tenders/entities/tender.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender, inDays, readyContent } from '../support/tender-fixtures';

describe('tender authoring', () => {
  let t: TestApp;
  let buyer: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
  });
  afterAll(() => t.close());

  const put = (d: TenderDetail, content = toTenderContent(d), revision = d.revision) =>
    buyer.put(`/api/v1/tenders/${d.id}`, { revision, content });
  const revisionsOf = (id: string) => t.dataSource.getRepository(TenderRevision).countBy({ tenderId: id });

  it('starts a tender from an outcome-based template, with a reference and weights that add up', async () => {
    const res = await buyer.post('/api/v1/tenders', { title: 'Clinic cleaning', templateId: 'facilities-services' });
    expect(res.status).toBe(201);
    const d: TenderDetail = res.body;
    expect(d.reference).toMatch(/^NCHN-\d{4}-\d{3}$/);
    expect(d.status).toBe(TenderStatus.Draft);
    expect(d.lots).toHaveLength(1);
    expect(d.lots[0].requirements.map((r) => r.outcome)).toContain('Urgent problems are made safe quickly.');
    const top = d.lots[0].evaluationModel.criteria.filter((c) => c.parentId === null);
    expect(top.map((c) => [c.name, c.weight])).toEqual([
      ['Quality', 60],
      ['Price', 30],
      ['Social value', 10],
    ]);
    expect(d.lots[0].evaluationModel.descriptors).toHaveLength(5);
  });

  it('numbers tenders started at the same moment without a clash', async () => {
    const results = await Promise.all([1, 2, 3, 4].map((n) => buyer.post('/api/v1/tenders', { title: `Started together ${n}` })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.reference)).size).toBe(4);
  });

  it('lists the templates', async () => {
    const res = await buyer.get('/api/v1/tender-templates');
    expect(res.body.map((x: { id: string }) => x.id)).toEqual(['digital-service', 'clinical-system', 'facilities-services']);
  });

  it('saves three outcomes with measures, reordered, and reads them back in order', async () => {
    const d = await createReadyTender(buyer);
    const content = toTenderContent(d);
    const reqs = content.lots[0].requirements;
    reqs.reverse();
    reqs[0].outcome = 'Parents know within a day whether transport is arranged.';
    reqs[0].measure = { description: 'Time from application to decision', baseline: '15 days', target: '1 day', unit: 'days' };
    const res = await put(d, content);
    expect(res.status).toBe(200);
    expect(res.body.revision).toBe(d.revision + 1);
    expect(res.body.lots[0].requirements.map((r: { outcome: string }) => r.outcome)).toEqual(reqs.map((r) => r.outcome));
    expect(res.body.lots[0].requirements[0].measure).toEqual(reqs[0].measure);
    expect(res.headers['etag']).toBeUndefined();
    expect((await buyer.get(`/api/v1/tenders/${d.id}`)).headers['etag']).toBe(`"${d.revision + 1}"`);
  });

  describe('bad input: clear errors, nothing written', () => {
    let d: TenderDetail;
    beforeAll(async () => {
      d = await createReadyTender(buyer, 'Bad input target');
    });

    async function expectRefused(content: ReturnType<typeof toTenderContent>, status: number, message: RegExp) {
      const before = await revisionsOf(d.id);
      const res = await put(d, content);
      expect(res.status).toBe(status);
      expect(res.body.message + JSON.stringify(res.body.details ?? [])).toMatch(message);
      expect(await revisionsOf(d.id)).toBe(before);
      const row = await t.dataSource.getRepository(Tender).findOneByOrFail({ id: d.id });
      expect(row.rowVersion).toBe(d.revision);
      return res;
    }

    it('weights that do not add up to 100', async () => {
      const content = toTenderContent(d);
      content.lots[0].evaluationModel.criteria.find((c) => c.name === 'Price')!.weight = 20;
      const res = await expectRefused(content, 400, /top-level criteria add up to 90%, not 100%/);
      expect(res.body.details[0].field).toBe('lots[0].evaluationModel.criteria');
    });

    it('sub-criteria that do not add up to 100', async () => {
      const content = toTenderContent(d);
      content.lots[0].evaluationModel.criteria.filter((c) => c.parentId !== null && c.type === 'quality')[0].weight = 5;
      await expectRefused(content, 400, /criteria under "Quality" add up to/);
    });

    it('deadlines in the wrong order', async () => {
      const content = toTenderContent(d);
      content.timetable = { ...content.timetable, clarificationDeadline: inDays(30), submissionDeadline: inDays(20) };
      await expectRefused(content, 400, /Deadline for bids must come after deadline for clarification questions/);
    });

    it('over-long text', async () => {
      const content = toTenderContent(d);
      content.lots[0].requirements[0].outcome = 'x'.repeat(2001);
      await expectRefused(content, 400, /outcome must be at most 2000 characters/);
    });

    it('an unknown field deep inside', async () => {
      const content = toTenderContent(d) as unknown as { lots: { requirements: Record<string, unknown>[] }[] };
      content.lots[0].requirements[0]['brandName'] = 'Acme';
      await expectRefused(content as never, 400, /"content.lots.0.requirements.0.brandName" is not a field we accept/);
    });

    it('an unknown category, an unknown or repeated region, too many regions, an over-long engagement text', async () => {
      const cases: [(c: ReturnType<typeof toTenderContent>) => void, RegExp][] = [
        [(c) => (c.mainCategory = 'software' as ProcurementCategory), /mainCategory must be one of: goods, services, works/],
        [(c) => (c.mainCategory = null as unknown as ProcurementCategory), /mainCategory must be one of/],
        [(c) => (c.regions = ['TLC', 'UKC' as ItlRegion]), /each of regions must be one of: TLC, TLD/],
        [(c) => (c.regions = ['TLC', 'TLC']), /regions must not name a region twice/],
        [(c) => (c.regions = [...Array(13)].map(() => 'TLI' as ItlRegion)), /regions can have at most 12 items/],
        [(c) => (c.regions = 'TLC' as unknown as ItlRegion[]), /regions must be a list/],
        [(c) => (c.engagementSummary = 'x'.repeat(2001)), /engagementSummary must be at most 2000 characters/],
        [(c) => (c.noEngagementReason = 'x'.repeat(2001)), /noEngagementReason must be at most 2000 characters/],
        [(c) => (c.noEngagementReason = 7 as unknown as string), /noEngagementReason must be text or null/],
      ];
      for (const [spoil, message] of cases) {
        const content = toTenderContent(d);
        spoil(content);
        await expectRefused(content, 400, message);
      }
    });

    it('a criterion pointing at a requirement of no lot', async () => {
      const content = toTenderContent(d);
      content.lots[0].evaluationModel.criteria[1].requirementIds = ['00000000-0000-4000-8000-000000000000'];
      await expectRefused(content, 400, /refers to a requirement that is not in this lot/);
    });
  });

  describe('another organisation', () => {
    it('cannot see or change our tender: 404, not 403, and nothing written', async () => {
      const d = await createReadyTender(buyer, 'Private to Northshire');
      const other = t.client();
      const signUp = await other.post('/api/v1/auth/sign-up', {
        name: 'Eve',
        email: 'eve@rival.test',
        password: 'a-long-password',
        organisationName: 'Rival Ltd',
        isSme: true,
      });
      expect(signUp.status).toBe(202);
      await other.signIn('eve@rival.test', 'a-long-password');
      // A supplier is refused by role; a buyer of another organisation is refused by ownership.
      expect((await other.get(`/api/v1/tenders/${d.id}`)).status).toBe(403);
      const invite = await buyer.post('/api/v1/invitations', { email: 'x@other.test', role: 'buyer' });
      expect(invite.status).toBe(201);
      const [otherOrg] = await t.dataSource.query(`SELECT id FROM organisation WHERE name = 'Rival Ltd'`);
      await t.dataSource.query(`UPDATE organisation SET kind = 'buyer' WHERE id = '${otherOrg.id}'`);
      await t.dataSource.query(`UPDATE user_account SET role = 'buyer' WHERE email = 'eve@rival.test'`);
      for (const res of [
        await other.get(`/api/v1/tenders/${d.id}`),
        await other.put(`/api/v1/tenders/${d.id}`, { revision: d.revision, content: toTenderContent(d) }),
        await other.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision }),
        await other.get(`/api/v1/tenders/${d.id}/revisions`),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.message).toBe('That tender was not found.');
      }
      expect((await t.dataSource.getRepository(Tender).findOneByOrFail({ id: d.id })).rowVersion).toBe(d.revision);
      expect((await other.get('/api/v1/tenders')).body).toEqual([]);
    });
  });

  describe('optimistic concurrency', () => {
    it('refuses a stale revision with 409 and the current state', async () => {
      const d = await createReadyTender(buyer, 'Concurrency');
      const first = toTenderContent(d);
      first.summary = 'First editor';
      expect((await put(d, first)).status).toBe(200);
      const second = toTenderContent(d);
      second.summary = 'Second editor, working from the old revision';
      const res = await put(d, second);
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/Someone else saved this tender/);
      expect(res.body.current.summary).toBe('First editor');
      expect(res.body.current.revision).toBe(d.revision + 1);
    });

    it('lets exactly one of several simultaneous saves from the same revision win', async () => {
      const d = await createReadyTender(buyer, 'Race');
      const results = await Promise.all(
        [1, 2, 3, 4].map((n) => {
          const content = toTenderContent(d);
          content.summary = `Editor ${n}`;
          return put(d, content);
        }),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409]);
      const winner = results.find((r) => r.status === 200)!.body.summary;
      expect((await buyer.get(`/api/v1/tenders/${d.id}`)).body.summary).toBe(winner);
      expect(await revisionsOf(d.id)).toBe(d.revision + 1);
    });
  });

  describe('history', () => {
    it('keeps every saved change with who and what, and compares two revisions word by word', async () => {
      const d = await createReadyTender(buyer, 'History');
      const content = toTenderContent(d);
      content.summary = 'Parents can arrange school transport for their children online, in minutes.';
      await put(d, content);
      const list = await buyer.get(`/api/v1/tenders/${d.id}/revisions`);
      expect(list.body.map((r: { revision: number }) => r.revision)).toEqual([3, 2, 1]);
      expect(list.body[0]).toMatchObject({ changedBy: 'Priya Shah', changedFields: ['Summary'] });
      const cmp = await buyer.get(`/api/v1/tenders/${d.id}/compare?from=2&to=3`);
      expect(cmp.status).toBe(200);
      expect(cmp.body.fields).toHaveLength(1);
      const f = cmp.body.fields[0];
      expect(f).toMatchObject({ path: 'summary', label: 'Summary' });
      expect(
        f.parts
          .filter((p: { added?: boolean }) => p.added)
          .map((p: { value: string }) => p.value)
          .join(''),
      ).toMatch(/in minutes/);
      expect((await buyer.get(`/api/v1/tenders/${d.id}/compare?from=2&to=99`)).status).toBe(404);
    });
  });

  describe('lifecycle and versions', () => {
    it('blocks publication with a list of what to fix, and writes nothing', async () => {
      const created = (await buyer.post('/api/v1/tenders', { title: 'Not ready' })).body as TenderDetail;
      const res = await buyer.post(`/api/v1/tenders/${created.id}/publish`, { revision: created.revision });
      expect(res.status).toBe(422);
      const codes = res.body.blockers.map((b: { code: string }) => b.code);
      expect(codes).toEqual(expect.arrayContaining(['summary-missing', 'problem-missing', 'deadline-missing', 'no-requirements']));
      const row = await t.dataSource.getRepository(Tender).findOneByOrFail({ id: created.id });
      expect([row.status, row.rowVersion, row.publishedVersion]).toEqual([TenderStatus.Draft, created.revision, 0]);
    });

    it('accepts a justification for a finding about the whole tender, and refuses one for an unknown requirement', async () => {
      const d = await createReadyTender(buyer, 'Tender-level justification');
      const content = readyContent(d);
      content.justifications = [
        {
          requirementId: 'tender',
          rule: 'tender.social-value-weight',
          text: 'Social value is assessed through a separate contract clause.',
        },
      ];
      const ok = await put(d, content);
      expect(ok.status).toBe(200);
      expect(ok.body.justifications).toEqual(content.justifications);
      content.justifications = [{ requirementId: '00000000-0000-4000-8000-000000000000', rule: 'brand.named-product', text: 'x' }];
      const bad = await put(ok.body, content);
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/refers to a requirement that is not in this tender/);
    });

    it('takes the intended change note into account when checking a published tender in advance', async () => {
      const d = await createReadyTender(buyer, 'Check with note');
      await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
      const without = await buyer.get(`/api/v1/tenders/${d.id}/publication-check`);
      expect(without.body.map((b: { code: string }) => b.code)).toEqual(['change-note-missing']);
      const withNote = await buyer.get(`/api/v1/tenders/${d.id}/publication-check?changeNote=${encodeURIComponent('Dates moved.')}`);
      expect(withNote.body).toEqual([]);
    });

    it('refuses a deadline in the past', async () => {
      const d = await createReadyTender(buyer, 'Past deadline');
      const content = readyContent(d);
      content.timetable = { ...content.timetable, clarificationDeadline: inDays(-3), submissionDeadline: inDays(-1) };
      const saved = (await put(d, content)).body;
      const res = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: saved.revision });
      expect(res.status).toBe(422);
      expect(res.body.blockers.map((b: { code: string }) => b.code)).toContain('deadline-past');
    });

    it('asks a large single-lot tender to divide into lots or say why', async () => {
      const d = await createReadyTender(buyer, 'Large');
      const content = readyContent(d);
      content.estimatedValue = 2_000_000;
      let saved = (await put(d, content)).body as TenderDetail;
      let res = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: saved.revision });
      expect(res.body.blockers.map((b: { code: string }) => b.code)).toContain('single-lot-reason');
      content.singleLotReason = 'One integrated service: splitting it would put patient safety at risk at the hand-overs.';
      saved = (await put(saved, content)).body;
      res = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: saved.revision });
      expect(res.status).toBe(201);
    });

    it('publishes version 1, keeps later edits private until version 2 with its change note', async () => {
      const d = await createReadyTender(buyer, 'Versioned');
      const v1 = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
      expect(v1.status).toBe(201);
      expect(v1.body).toMatchObject({ version: 1, changeNote: null });
      expect(v1.body.tender.status).toBe(TenderStatus.Published);

      const anyone = t.client();
      let pub = await anyone.get(`/api/v1/public/tenders/${d.id}`);
      expect(pub.status).toBe(200);
      expect(pub.body.tender.summary).toBe(d.summary);

      const current = (await buyer.get(`/api/v1/tenders/${d.id}`)).body as TenderDetail;
      const content = toTenderContent(current);
      content.summary = 'Corrected: parents and carers can arrange school transport online.';
      const saved = (await put(current, content)).body as TenderDetail;
      pub = await anyone.get(`/api/v1/public/tenders/${d.id}`);
      expect(pub.body.tender.summary).toBe(d.summary);

      const noNote = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: saved.revision });
      expect(noNote.status).toBe(422);
      expect(noNote.body.blockers.map((b: { code: string }) => b.code)).toEqual(['change-note-missing']);

      const v2 = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: saved.revision, changeNote: 'Carers can apply too.' });
      expect(v2.status).toBe(201);
      expect(v2.body.version).toBe(2);
      pub = await anyone.get(`/api/v1/public/tenders/${d.id}`);
      expect(pub.body).toMatchObject({ version: 2, changeNote: 'Carers can apply too.' });
      expect(pub.body.tender.summary).toBe(content.summary);
      expect(pub.body.changeLog.map((e: { version: number; changeNote: string | null }) => [e.version, e.changeNote])).toEqual([
        [1, null],
        [2, 'Carers can apply too.'],
      ]);
      const old = await anyone.get(`/api/v1/public/tenders/${d.id}/versions/1`);
      expect(old.body.tender.summary).toBe(d.summary);
      const list = await anyone.get('/api/v1/public/tenders');
      expect(list.body.items.filter((x: { id: string }) => x.id === d.id)).toHaveLength(1);
    });

    it('saves the category, regions and engagement texts, names them in the history, and publishes them in the record', async () => {
      const d = await createReadyTender(buyer, 'Classified');
      expect([d.mainCategory, d.regions, d.engagementSummary, d.noEngagementReason]).toEqual([ProcurementCategory.Services, [], '', null]);
      const content = toTenderContent(d);
      content.mainCategory = ProcurementCategory.Works;
      content.regions = ['TLM', 'TLC'];
      content.engagementSummary = '  Suppliers asked for more time to mobilise, so the contract now starts three months after award.  ';
      content.noEngagementReason = 'Not needed: we held an engagement event.';
      const saved = await put(d, content);
      expect(saved.status).toBe(200);
      const read = (await buyer.get(`/api/v1/tenders/${d.id}`)).body as TenderDetail;
      expect(read).toMatchObject({
        mainCategory: ProcurementCategory.Works,
        regions: ['TLM', 'TLC'],
        engagementSummary: 'Suppliers asked for more time to mobilise, so the contract now starts three months after award.',
        noEngagementReason: 'Not needed: we held an engagement event.',
      });
      const row = await t.dataSource.getRepository(Tender).findOneByOrFail({ id: d.id });
      expect([row.mainCategory, row.regions]).toEqual([ProcurementCategory.Works, ['TLM', 'TLC']]);
      const revisions = await buyer.get(`/api/v1/tenders/${d.id}/revisions`);
      expect(revisions.body[0].changedFields).toEqual(
        expect.arrayContaining([
          'What is mainly being bought',
          'Regions where the work is delivered',
          'What changed because of market engagement',
          'Why there was no market engagement',
        ]),
      );

      // Back to "anywhere in the UK" and no reason: an empty list and null are kept as such.
      const cleared = toTenderContent(read);
      cleared.regions = [];
      cleared.noEngagementReason = null;
      const again = await put(read, cleared);
      expect(again.status).toBe(200);
      expect([again.body.regions, again.body.noEngagementReason]).toEqual([[], null]);
      cleared.regions = ['TLK', 'TLI'];
      const final = (await put(again.body, cleared)).body as TenderDetail;

      const v1 = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: final.revision });
      expect(v1.status).toBe(201);
      const stored = await t.dataSource.getRepository(TenderVersion).findOneByOrFail({ tenderId: d.id, version: 1 });
      expect(readPublishedRecord(stored.record).content).toMatchObject({
        mainCategory: ProcurementCategory.Works,
        regions: ['TLK', 'TLI'],
        engagementSummary: read.engagementSummary,
        noEngagementReason: null,
      });
      const pub = await t.client().get(`/api/v1/public/tenders/${d.id}`);
      expect(pub.status).toBe(200);
      expect(pub.body.tender).toMatchObject({
        mainCategory: ProcurementCategory.Works,
        regions: ['TLK', 'TLI'],
        engagementSummary: read.engagementSummary,
        noEngagementReason: null,
      });
    });

    it('accepts a reason kept for a finding in an engagement text, and refuses one for an empty reason field', async () => {
      const d = await createReadyTender(buyer, 'Engagement justification');
      const content = toTenderContent(d);
      content.engagementSummary = 'We now ask for outcomes rather than a named product.';
      content.justifications = [{ requirementId: 'engagementSummary', rule: 'brand.named-product', text: 'It names no product.' }];
      const ok = await put(d, content);
      expect(ok.status).toBe(200);
      expect(ok.body.justifications).toEqual(content.justifications);
      const stale = toTenderContent(ok.body);
      stale.justifications = [{ requirementId: 'noEngagementReason', rule: 'brand.named-product', text: 'There is no reason.' }];
      const bad = await put(ok.body, stale);
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/refers to a requirement that is not in this tender/);
    });

    it('guards status changes by lifecycle and checks', async () => {
      const d = await createReadyTender(buyer, 'Lifecycle');
      const review = await buyer.post(`/api/v1/tenders/${d.id}/status`, { revision: d.revision, status: 'in_review' });
      expect(review.status).toBe(201);
      expect(review.body.status).toBe('in_review');
      const back = await buyer.post(`/api/v1/tenders/${d.id}/status`, { revision: review.body.revision, status: 'draft' });
      expect(back.body.status).toBe('draft');
      const award = await buyer.post(`/api/v1/tenders/${d.id}/status`, { revision: back.body.revision, status: 'awarded' });
      expect(award.status).toBe(409);
      expect(award.body.message).toBe('A tender cannot go from draft to awarded.');
      const pub = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: back.body.revision });
      const close = await buyer.post(`/api/v1/tenders/${d.id}/status`, { revision: pub.body.tender.revision, status: 'closed' });
      expect(close.status).toBe(409);
      expect(close.body.message).toMatch(/only once its deadline for bids has passed/);
      const cancel = await buyer.post(`/api/v1/tenders/${d.id}/status`, { revision: pub.body.tender.revision, status: 'cancelled' });
      expect(cancel.status).toBe(400);
      const cancelled = await buyer.post(`/api/v1/tenders/${d.id}/status`, {
        revision: pub.body.tender.revision,
        status: 'cancelled',
        reason: 'Funding withdrawn.',
      });
      expect(cancelled.body.status).toBe('cancelled');
      const edit = await put(cancelled.body);
      expect(edit.status).toBe(409);
      expect(edit.body.message).toBe('A tender that is cancelled cannot be changed.');
    });
  });

  it.each(['supplier@demo.test', 'evaluator@demo.test'])('keeps %s out of authoring', async (email) => {
    const c = t.client();
    await c.signIn(email);
    expect((await c.post('/api/v1/tenders', { title: 'Nope' })).status).toBe(403);
  });
});

describe('the checker on the server', () => {
  let t: TestApp;
  let buyer: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
  });
  afterAll(() => t.close());

  it('blocks publication on an unjustified error finding, and lets a justified one through', async () => {
    const d = await createReadyTender(buyer, 'Laptops');
    const content = readyContent(d);
    const req = content.lots[0].requirements[0];
    req.outcome = 'Staff laptops must be Dell Latitude 7450.';
    const firstSave = await buyer.put(`/api/v1/tenders/${d.id}`, { revision: d.revision, content });
    expect(firstSave.body.check.blockingFindings).toBeGreaterThanOrEqual(1);
    expect(firstSave.body.check.openness).toBeLessThan(100);
    let saved = firstSave.body as TenderDetail;
    const check = await buyer.get(`/api/v1/tenders/${d.id}/check`);
    expect(check.status).toBe(200);
    const finding = check.body.requirements
      .find((r: { id: string }) => r.id === req.id)
      .findings.find((f: { category: string }) => f.category === 'brand');
    expect(finding).toMatchObject({ severity: 'error' });
    expect(check.body.blocking).toBe(true);
    expect(check.body.openness.score).toBeLessThan(100);

    const blocked = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: saved.revision });
    expect(blocked.status).toBe(422);
    expect(blocked.body.blockers.map((b: { code: string }) => b.code)).toContain(`check:${finding.rule}`);

    content.justifications = [{ requirementId: req.id, rule: finding.rule, text: 'Must match the 4,000 laptops we already support.' }];
    const secondSave = await buyer.put(`/api/v1/tenders/${d.id}`, { revision: saved.revision, content });
    expect(secondSave.body.check.blockingFindings).toBe(0);
    saved = secondSave.body;
    const after = await buyer.get(`/api/v1/tenders/${d.id}/check`);
    const justified = after.body.requirements
      .find((r: { id: string }) => r.id === req.id)
      .findings.find((f: { rule: string }) => f.rule === finding.rule);
    expect(justified).toMatchObject({ justified: true, justification: 'Must match the 4,000 laptops we already support.' });
    const published = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: saved.revision });
    expect(published.status).toBe(201);
  });

  it('checks free text without an account, one requirement per line, in the command line shape', async () => {
    const res = await t.client().post('/api/v1/spec-check', {
      text: '# Laptops\n- Supply Dell Latitude laptops.\n\n- Laptops or equivalent that last a full working day on one charge.',
    });
    expect(res.status).toBe(200);
    expect(res.body.requirements.map((r: { line: number; text: string }) => [r.line, r.text])).toEqual([
      [2, 'Supply Dell Latitude laptops.'],
      [4, 'Laptops or equivalent that last a full working day on one charge.'],
    ]);
    expect(res.body.requirements[0].findings.map((f: { category: string }) => f.category)).toContain('brand');
    expect(res.body.requirements[0].findings[0]).toEqual(
      expect.objectContaining({
        start: expect.any(Number),
        end: expect.any(Number),
        suggestion: expect.any(String),
        reference: expect.any(String),
      }),
    );
    expect(res.body.summary).toMatchObject({ requirements: 2 });
    expect(res.body.summary.openness).toBeGreaterThanOrEqual(0);
    expect((await t.client().post('/api/v1/spec-check', { text: '' })).status).toBe(400);
  });
});
