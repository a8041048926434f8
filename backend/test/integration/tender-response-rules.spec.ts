import {
  DEFAULT_RESPONSE_RULES,
  HOW_TO_RESPOND_SUMMARY,
  type PublishBlocker,
  type PublishedTenderRecord,
  type TenderContent,
  type TenderDetail,
} from '@openbrief/contracts';
import { TenderVersion } from '../../src/modules/tenders/entities/tender-version.entity';
import { Tender } from '../../src/modules/tenders/entities/tender.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { readPdf } from '../support/pdf';
import { countChanges, rowCounter } from '../support/row-counts';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender, inDays } from '../support/tender-fixtures';

/**
 * How suppliers respond (attachments, their number and size, two-person opening) and the date answers to
 * questions are published by (issue 12): chosen while drafting, checked like every other field, published
 * with the tender and printed in its pack.
 */
describe('response rules and the answers date', () => {
  let t: TestApp;
  let buyer: TestClient;
  let counts: () => Promise<Record<string, number>>;
  beforeAll(async () => {
    t = await startTestApp();
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    counts = rowCounter(t.dataSource);
  });
  afterAll(() => t.close());

  const put = (d: TenderDetail, content: unknown) => buyer.put(`/api/v1/tenders/${d.id}`, { revision: d.revision, content });
  const pdfText = async (path: string, c: TestClient = buyer) => {
    const res = await c
      .raw()
      .get(path)
      .set('Cookie', c.cookieHeader())
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (x: Buffer) => chunks.push(x));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    return readPdf(res.body as Buffer).text.replace(/\s+/g, ' ');
  };
  /** Dates in order: questions close, answers published, bids due. */
  const dated = (c: TenderContent, answers: string | null = inDays(14)): TenderContent => ({
    ...c,
    timetable: { ...c.timetable, clarificationDeadline: inDays(10), answersPublishedBy: answers, submissionDeadline: inDays(20) },
  });

  it('starts every new tender with the default rules and no answers date', async () => {
    for (const body of [{ title: 'Blank' }, { title: 'From a template', templateId: 'digital-service' }]) {
      const res = await buyer.post('/api/v1/tenders', body);
      expect(res.status).toBe(201);
      expect(res.body.responseRules).toEqual(DEFAULT_RESPONSE_RULES);
      expect(res.body.timetable.answersPublishedBy).toBeNull();
    }
  });

  it('saves the rules and the date, reads them back, and the history names the change', async () => {
    const d = await createReadyTender(buyer, 'Rules saved');
    const rules = { attachmentsAllowed: true, maxAttachments: 20, maxAttachmentMb: 50, twoPersonOpening: true };
    const content = { ...dated(toTenderContent(d)), responseRules: rules };
    const res = await put(d, content);
    expect(res.status).toBe(200);
    expect(res.body.responseRules).toEqual(rules);
    expect(res.body.timetable.answersPublishedBy).toBe(content.timetable.answersPublishedBy);
    const read = (await buyer.get(`/api/v1/tenders/${d.id}`)).body as TenderDetail;
    expect(read.responseRules).toEqual(rules);
    expect(read.timetable.answersPublishedBy).toBe(content.timetable.answersPublishedBy);
    const revisions = (await buyer.get(`/api/v1/tenders/${d.id}/revisions`)).body as { revision: number; changedFields: string[] }[];
    const latest = revisions.find((r) => r.revision === res.body.revision)!;
    expect(latest.changedFields).toEqual(
      expect.arrayContaining(['Answers to questions published by', 'Attachments', 'Two people must open the responses']),
    );
  });

  describe('bad values: a clear 4xx naming the field, and nothing written', () => {
    let d: TenderDetail;
    beforeAll(async () => {
      d = await createReadyTender(buyer, 'Rules refused');
    });

    const rules = (patch: Record<string, unknown>) => ({ ...toTenderContent(d), responseRules: { ...DEFAULT_RESPONSE_RULES, ...patch } });
    const cases: [string, () => unknown, string, RegExp][] = [
      ['no attachments allowed at all', () => rules({ maxAttachments: 0 }), 'responseRules.maxAttachments', /from 1 to 20/],
      ['21 attachments', () => rules({ maxAttachments: 21 }), 'responseRules.maxAttachments', /from 1 to 20/],
      ['2.5 attachments', () => rules({ maxAttachments: 2.5 }), 'responseRules.maxAttachments', /whole number/],
      ['"5" as text', () => rules({ maxAttachments: '5' }), 'responseRules.maxAttachments', /whole number/],
      ['51 MB', () => rules({ maxAttachmentMb: 51 }), 'responseRules.maxAttachmentMb', /from 1 to 50/],
      ['-1 MB', () => rules({ maxAttachmentMb: -1 }), 'responseRules.maxAttachmentMb', /from 1 to 50/],
      ['1e999 MB', () => rules({ maxAttachmentMb: Number.MAX_VALUE }), 'responseRules.maxAttachmentMb', /from 1 to 50/],
      ['"yes" for attachments', () => rules({ attachmentsAllowed: 'yes' }), 'responseRules.attachmentsAllowed', /true or false/],
      ['null for two-person opening', () => rules({ twoPersonOpening: null }), 'responseRules.twoPersonOpening', /true or false/],
      ['a rule we do not know', () => rules({ maxPages: 10 }), 'responseRules.maxPages', /not a field we accept/],
      ['no rules at all', () => ({ ...toTenderContent(d), responseRules: undefined }), 'responseRules', /must be an object/],
      [
        'an answers date that is not a date',
        () => dated(toTenderContent(d), 'next Tuesday'),
        'timetable.answersPublishedBy',
        /date and time/,
      ],
      [
        'answers published before questions close',
        () => dated(toTenderContent(d), inDays(9)),
        'timetable.answersPublishedBy',
        /after the deadline for clarification questions/,
      ],
      [
        'answers published when bids are due',
        () => {
          const c = dated(toTenderContent(d));
          return { ...c, timetable: { ...c.timetable, answersPublishedBy: c.timetable.submissionDeadline } };
        },
        'timetable.answersPublishedBy',
        /before the deadline for bids/,
      ],
    ];

    it.each(cases)('%s', async (_name, content, field, message) => {
      const before = await counts();
      const res = await put(d, content());
      expect([400, 422]).toContain(res.status);
      const details = (res.body.details ?? []) as { field: string; message: string }[];
      // The validation pipe names fields inside the body (`content.…`); the rules between fields name them in the content.
      expect(details.find((x) => x.field.replace(/^content\./, '') === field)?.message).toMatch(message);
      expect(countChanges(before, await counts())).toEqual([]);
      const row = await t.dataSource.getRepository(Tender).findOneByOrFail({ id: d.id });
      expect(row.rowVersion).toBe(d.revision);
      expect({
        attachmentsAllowed: row.attachmentsAllowed,
        maxAttachments: row.maxAttachments,
        maxAttachmentMb: row.maxAttachmentMb,
        twoPersonOpening: row.twoPersonOpening,
      }).toEqual(DEFAULT_RESPONSE_RULES);
      expect(row.answersPublishedBy).toBeNull();
    });
  });

  it('publishes the rules and the date in the record, on the public page and in the pack', async () => {
    const d = await createReadyTender(buyer, 'Rules published');
    const rules = { attachmentsAllowed: true, maxAttachments: 3, maxAttachmentMb: 15, twoPersonOpening: true };
    const saved = await put(d, { ...dated(toTenderContent(d)), responseRules: rules });
    expect(saved.status).toBe(200);
    const published = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: saved.body.revision });
    expect(published.status).toBe(201);

    const record = (await t.dataSource.getRepository(TenderVersion).findOneByOrFail({ tenderId: d.id, version: 1 }))
      .record as PublishedTenderRecord;
    expect(record.content.responseRules).toEqual(rules);
    expect(record.content.timetable.answersPublishedBy).toBe(saved.body.timetable.answersPublishedBy);

    const anyone = t.client();
    const page = (await anyone.get(`/api/v1/public/tenders/${d.id}`)).body as { tender: TenderDetail };
    expect(page.tender.responseRules).toEqual(rules);
    expect(page.tender.timetable.answersPublishedBy).toBe(saved.body.timetable.answersPublishedBy);

    const text = await pdfText(`/api/v1/public/tenders/${d.id}/pack.pdf`, anyone);
    expect(text).toContain(HOW_TO_RESPOND_SUMMARY);
    expect(text).toMatch(/Questions close \w+day \d+ \w+ \d{4}, /);
    expect(text).toMatch(/Answers published by \w+day \d+ \w+ \d{4}, /);
    expect(text).toContain('You may attach up to 3 documents to your response, each no larger than 15 MB.');
  });

  it('prints "no attachments" in the pack when the buyer allows none', async () => {
    const d = await createReadyTender(buyer, 'No attachments');
    const saved = await put(d, { ...toTenderContent(d), responseRules: { ...DEFAULT_RESPONSE_RULES, attachmentsAllowed: false } });
    expect(saved.status).toBe(200);
    const text = await pdfText(`/api/v1/tenders/${d.id}/pack.pdf`);
    expect(text).toContain('You cannot attach documents: give every answer in the response form.');
    // No answers date yet: the pack says so rather than leaving the row out.
    expect(text).toContain('Answers published by To be confirmed');
  });

  it('blocks publication of rules or a date put out of range behind the API’s back, naming each', async () => {
    const d = await createReadyTender(buyer, 'Rules corrupted');
    const saved = await put(d, dated(toTenderContent(d)));
    expect(saved.status).toBe(200);
    // As a row edited by hand might hold.
    await t.dataSource
      .getRepository(Tender)
      .update({ id: d.id }, { maxAttachments: 99, answersPublishedBy: new Date(Date.parse(saved.body.timetable.submissionDeadline) + 1) });
    const check = (await buyer.get(`/api/v1/tenders/${d.id}/publication-check`)).body as PublishBlocker[];
    expect(check).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'response-rules', path: 'responseRules.maxAttachments' }),
        expect.objectContaining({ code: 'timetable-order', path: 'timetable.answersPublishedBy' }),
      ]),
    );
    const before = await counts();
    const res = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: saved.body.revision });
    expect(res.status).toBe(422);
    expect(res.body.details.map((x: { field: string }) => x.field)).toEqual(
      expect.arrayContaining(['responseRules.maxAttachments', 'timetable.answersPublishedBy']),
    );
    expect(countChanges(before, await counts())).toEqual([]);
    expect((await buyer.get(`/api/v1/tenders/${d.id}`)).body.status).toBe('draft');
  });

  it('reads a version published before the rules existed with the defaults and no answers date', async () => {
    const d = await createReadyTender(buyer, 'Published before the rules');
    const published = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    expect(published.status).toBe(201);
    // The record as Openbrief wrote it before issue 12: without the two fields.
    const versions = t.dataSource.getRepository(TenderVersion);
    const row = await versions.findOneByOrFail({ tenderId: d.id, version: 1 });
    const old = structuredClone(row.record) as Record<string, Record<string, unknown>>;
    delete old['content']['responseRules'];
    delete (old['content']['timetable'] as Record<string, unknown>)['answersPublishedBy'];
    await versions.update({ id: row.id }, { record: old });

    const anyone = t.client();
    for (const path of [`/api/v1/public/tenders/${d.id}`, `/api/v1/public/tenders/${d.id}/versions/1`]) {
      const res = await anyone.get(path);
      expect(res.status).toBe(200);
      expect(res.body.tender.responseRules).toEqual(DEFAULT_RESPONSE_RULES);
      expect(res.body.tender.timetable.answersPublishedBy).toBeNull();
    }
    // The stored record is never rewritten by reading it.
    expect((await versions.findOneByOrFail({ id: row.id })).record).toEqual(old);
  });

  // Found by the route fuzzer while adding the rules: class-validator walks into a list where an item belongs.
  it.each(['lots', 'criteria', 'requirements', 'descriptors', 'justifications'])(
    'refuses %s items wrapped in a list of their own with a 400, not a 500, writing nothing',
    async (where) => {
      const d = await createReadyTender(buyer, `Wrapped ${where}`);
      const c = toTenderContent(d) as unknown as Record<string, unknown> & TenderContent;
      const model = c.lots[0].evaluationModel as unknown as Record<string, unknown[]>;
      if (where === 'lots') (c as unknown as Record<string, unknown[]>)['lots'][0] = [c.lots[0]];
      if (where === 'criteria') model['criteria'][0] = [model['criteria'][0]];
      if (where === 'descriptors') model['descriptors'][0] = [model['descriptors'][0]];
      if (where === 'requirements') (c.lots[0] as unknown as Record<string, unknown[]>)['requirements'][0] = [c.lots[0].requirements[0]];
      if (where === 'justifications') c.justifications = [[{ requirementId: 'tender', rule: 'x', text: 'y' }]] as never;
      const before = await counts();
      const res = await put(d, c);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.details)).toContain('must be a list of objects');
      expect(countChanges(before, await counts())).toEqual([]);
    },
  );
});
