import {
  DEFAULT_EVALUATION_RULES,
  type EvaluationRules,
  Jurisdiction,
  type PublishBlocker,
  PriceMethod,
  type PublishedTenderRecord,
  type TenderContent,
  type TenderDetail,
  TieBreakRule,
} from '@openbrief/contracts';
import { Lot } from '../../src/modules/tenders/entities/lot.entity';
import { TenderVersion } from '../../src/modules/tenders/entities/tender-version.entity';
import { Tender } from '../../src/modules/tenders/entities/tender.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { readPdf } from '../support/pdf';
import { download } from '../support/response-fixtures';
import { countChanges, rowCounter } from '../support/row-counts';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender } from '../support/tender-fixtures';

/**
 * The lot's evaluation rules and the contract's jurisdiction (issue 13): chosen while drafting, checked like
 * every other field, held to the shared rules at publication, published with the tender and printed in its pack.
 */
describe('evaluation rules and jurisdiction', () => {
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
  /** The content with the first lot's rules (and price parameters) changed. */
  const withRules = (d: TenderDetail, patch: Partial<EvaluationRules>, price: Record<string, unknown> = {}) => {
    const c = toTenderContent(d);
    const rules = c.lots[0].evaluationModel.rules;
    c.lots[0].evaluationModel.rules = { ...rules, ...patch, price: { ...rules.price, ...price } } as EvaluationRules;
    return c;
  };
  const pdfText = async (path: string, c: TestClient = buyer) => {
    const res = await download(c, path);
    expect(res.status).toBe(200);
    return readPdf(res.body as Buffer).text.replace(/\s+/g, ' ');
  };

  it('starts every new tender with the default rules and England and Wales', async () => {
    for (const body of [{ title: 'Blank' }, { title: 'From a template', templateId: 'digital-service' }]) {
      const res = await buyer.post('/api/v1/tenders', body);
      expect(res.status).toBe(201);
      expect(res.body.contract.jurisdiction).toBe(Jurisdiction.EnglandAndWales);
      for (const lot of res.body.lots) expect(lot.evaluationModel.rules).toEqual(DEFAULT_EVALUATION_RULES);
    }
  });

  it('saves the rules and the jurisdiction, reads them back from the tables, and the history says what changed', async () => {
    const d = await createReadyTender(buyer, 'Rules saved');
    const rules: EvaluationRules = {
      blindMarking: false,
      priceHiddenUntilModerated: false,
      tieBreak: TieBreakRule.LowerPrice,
      nearTieMargin: 0.5,
      minJustificationChars: 120,
      moderationSpread: 3,
      abnormallyLowPercent: 15.5,
      price: { ceilingPrice: 240_000, floorPrice: 90_000, logRatio: 3, discountRatePercent: 3.5 },
    };
    const content = toTenderContent(d);
    content.lots[0].evaluationModel.rules = rules;
    content.lots[0].evaluationModel.priceMethod = PriceMethod.LinearBudgetToFloor;
    content.contract.jurisdiction = Jurisdiction.NorthernIreland;
    const res = await put(d, content);
    expect(res.status).toBe(200);
    expect(res.body.lots[0].evaluationModel.rules).toEqual(rules);
    expect(res.body.contract.jurisdiction).toBe(Jurisdiction.NorthernIreland);

    const read = (await buyer.get(`/api/v1/tenders/${d.id}`)).body as TenderDetail;
    expect(read.lots[0].evaluationModel.rules).toEqual(rules);
    expect(read.contract.jurisdiction).toBe(Jurisdiction.NorthernIreland);
    expect((await t.dataSource.getRepository(Lot).findOneByOrFail({ id: d.lots[0].id })).evaluationRules).toEqual(rules);
    expect((await t.dataSource.getRepository(Tender).findOneByOrFail({ id: d.id })).jurisdiction).toBe(Jurisdiction.NorthernIreland);

    const revisions = (await buyer.get(`/api/v1/tenders/${d.id}/revisions`)).body as { revision: number; changedFields: string[] }[];
    expect(revisions.find((r) => r.revision === res.body.revision)!.changedFields).toEqual(
      expect.arrayContaining([
        'Law of the contract',
        'Blind marking',
        'If two bids tie',
        'Near-tie margin, in points',
        'Ceiling price (added)',
        'Floor price (added)',
        'How bids are scored',
      ]),
    );
  });

  describe('bad values: a 400 naming the field, and nothing written', () => {
    let d: TenderDetail;
    beforeAll(async () => {
      d = await createReadyTender(buyer, 'Rules refused');
    });

    const rules = 'lots[0].evaluationModel.rules';
    const cases: [string, () => unknown, string, RegExp][] = [
      [
        'an unknown tie-break rule',
        () => withRules(d, { tieBreak: 'coin_toss' as TieBreakRule }),
        `${rules}.tieBreak`,
        /higher_quality, lower_price/,
      ],
      ['a near-tie margin of 11 points', () => withRules(d, { nearTieMargin: 11 }), `${rules}.nearTieMargin`, /from 0 to 10/],
      ['a negative near-tie margin', () => withRules(d, { nearTieMargin: -1 }), `${rules}.nearTieMargin`, /from 0 to 10/],
      ['a near-tie margin as text', () => withRules(d, { nearTieMargin: '1' as never }), `${rules}.nearTieMargin`, /a number from 0 to 10/],
      ['1e-7 of a point', () => withRules(d, { nearTieMargin: 1e-7 }), `${rules}.nearTieMargin`, /at most 2 decimal places/],
      [
        'half a character',
        () => withRules(d, { minJustificationChars: 2.5 }),
        `${rules}.minJustificationChars`,
        /whole number from 0 to 2000/,
      ],
      ['a spread of 0', () => withRules(d, { moderationSpread: 0 }), `${rules}.moderationSpread`, /at least 1/],
      ['a spread of 1.5', () => withRules(d, { moderationSpread: 1.5 }), `${rules}.moderationSpread`, /whole number/],
      ['0% for abnormally low', () => withRules(d, { abnormallyLowPercent: 0 }), `${rules}.abnormallyLowPercent`, /from 1 to 90/],
      ['95% for abnormally low', () => withRules(d, { abnormallyLowPercent: 95 }), `${rules}.abnormallyLowPercent`, /from 1 to 90/],
      ['"yes" for blind marking', () => withRules(d, { blindMarking: 'yes' as never }), `${rules}.blindMarking`, /true or false/],
      ['a log ratio of 1', () => withRules(d, {}, { logRatio: 1 }), `${rules}.price.logRatio`, /from 1.01 to 100/],
      ['a discount rate of 21%', () => withRules(d, {}, { discountRatePercent: 21 }), `${rules}.price.discountRatePercent`, /from 0 to 20/],
      ['a negative ceiling price', () => withRules(d, {}, { ceilingPrice: -1 }), `${rules}.price.ceilingPrice`, /at least 0/],
      ['a rule we do not know', () => withRules(d, { coinToss: true } as never), `${rules}.coinToss`, /not a field we accept/],
      [
        'no rules at all',
        () => {
          const c = toTenderContent(d) as unknown as { lots: { evaluationModel: Record<string, unknown> }[] };
          delete c.lots[0].evaluationModel['rules'];
          return c;
        },
        rules,
        /must be an object/,
      ],
      [
        'no price parameters',
        () => {
          const c = toTenderContent(d) as unknown as { lots: { evaluationModel: { rules: Record<string, unknown> } }[] };
          delete c.lots[0].evaluationModel.rules['price'];
          return c;
        },
        `${rules}.price`,
        /must be an object/,
      ],
      [
        'a jurisdiction we do not know',
        () => ({ ...toTenderContent(d), contract: { ...d.contract, jurisdiction: 'wales' } }),
        'contract.jurisdiction',
        /england_and_wales, scotland, northern_ireland/,
      ],
      [
        'no jurisdiction',
        () => ({ ...toTenderContent(d), contract: { lengthMonths: 24, extensionOptions: '' } }),
        'contract.jurisdiction',
        /must be one of/,
      ],
    ];

    it.each(cases)('%s', async (_name, content, field, message) => {
      const before = await counts();
      const res = await put(d, content());
      expect(res.status).toBe(400);
      const details = (res.body.details ?? []) as { field: string; message: string }[];
      // The validation pipe names fields inside the body with dots (`content.lots.0.…`); the content paths use `lots[0]`.
      const named = (f: string) => f.replace(/^content\./, '').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
      expect(details.find((x) => named(x.field) === field)?.message).toMatch(message);
      expect(countChanges(before, await counts())).toEqual([]);
      expect((await t.dataSource.getRepository(Tender).findOneByOrFail({ id: d.id })).rowVersion).toBe(d.revision);
      expect((await t.dataSource.getRepository(Lot).findOneByOrFail({ id: d.lots[0].id })).evaluationRules).toEqual(
        DEFAULT_EVALUATION_RULES,
      );
    });
  });

  describe('publication is blocked while a price method cannot be applied, pointing at the field', () => {
    const blocked = async (title: string, change: (c: TenderContent) => void, path: string, message: RegExp) => {
      const d = await createReadyTender(buyer, title);
      const content = toTenderContent(d);
      change(content);
      const saved = await put(d, content);
      expect(saved.status).toBe(200);
      const check = (await buyer.get(`/api/v1/tenders/${d.id}/publication-check`)).body as PublishBlocker[];
      expect(check).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'evaluation-rules', path, message: expect.stringMatching(message) })]),
      );
      const before = await counts();
      const res = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: saved.body.revision });
      expect(res.status).toBe(422);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: path })]));
      expect(countChanges(before, await counts())).toEqual([]);
      expect((await buyer.get(`/api/v1/tenders/${d.id}`)).body.status).toBe('draft');
      return { d, saved: saved.body as TenderDetail };
    };

    it('linear between the budget and a floor, with no ceiling and no budget', async () => {
      await blocked(
        'No ceiling',
        (c) => {
          c.budget = { ...c.budget, max: null };
          c.lots[0].evaluationModel.priceMethod = PriceMethod.LinearBudgetToFloor;
        },
        'lots[0].evaluationModel.rules.price.ceilingPrice',
        /needs a ceiling: set a ceiling price, or the budget’s maximum/,
      );
    });

    it('linear between the budget and a floor, with the budget’s maximum at or below the floor', async () => {
      const { d, saved } = await blocked(
        'Floor above the budget',
        (c) => {
          c.budget = { ...c.budget, max: 150_000 };
          c.lots[0].evaluationModel.priceMethod = PriceMethod.LinearBudgetToFloor;
          c.lots[0].evaluationModel.rules.price.floorPrice = 150_000;
        },
        'lots[0].evaluationModel.rules.price.floorPrice',
        /The budget’s maximum \(£150,000\) must be above the floor price \(£150,000\)/,
      );
      // Fixed with a ceiling of its own: publication goes ahead.
      const content = toTenderContent(saved);
      content.lots[0].evaluationModel.rules.price.ceilingPrice = 200_000;
      const fixed = await put(saved, content);
      expect(fixed.status).toBe(200);
      const res = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: fixed.body.revision });
      expect(res.status).toBe(201);
    });

    it('whole-life cost without the contract length', async () => {
      await blocked(
        'Whole life, no term',
        (c) => {
          c.contract = { ...c.contract, lengthMonths: null };
          c.lots[0].evaluationModel.priceMethod = PriceMethod.WholeLifeCost;
        },
        'contract.lengthMonths',
        /Whole-life cost counts recurring costs over the contract: set the contract length/,
      );
    });

    it('a rule put out of range behind the API’s back', async () => {
      const d = await createReadyTender(buyer, 'Rules corrupted');
      // As a row edited by hand might hold.
      await t.dataSource
        .getRepository(Lot)
        .update({ id: d.lots[0].id }, { evaluationRules: { ...DEFAULT_EVALUATION_RULES, nearTieMargin: 50 } });
      const res = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
      expect(res.status).toBe(422);
      expect(res.body.details.map((x: { field: string }) => x.field)).toContain('lots[0].evaluationModel.rules.nearTieMargin');
    });
  });

  it('publishes the rules and the jurisdiction in the record, on the public page and in the pack, with the worked example', async () => {
    const d = await createReadyTender(buyer, 'Rules published');
    const content = withRules(d, { tieBreak: TieBreakRule.LowerPrice, abnormallyLowPercent: 25 }, { logRatio: 2 });
    content.lots[0].evaluationModel.priceMethod = PriceMethod.Logarithmic;
    content.contract.jurisdiction = Jurisdiction.Scotland;
    content.lots[0].estimatedValue = 200_000;
    const saved = await put(d, content);
    expect(saved.status).toBe(200);
    const published = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: saved.body.revision });
    expect(published.status).toBe(201);

    const record = (await t.dataSource.getRepository(TenderVersion).findOneByOrFail({ tenderId: d.id, version: 1 }))
      .record as PublishedTenderRecord;
    expect(record.content.lots[0].evaluationModel.rules).toEqual(content.lots[0].evaluationModel.rules);
    expect(record.content.contract.jurisdiction).toBe(Jurisdiction.Scotland);

    const anyone = t.client();
    const page = (await anyone.get(`/api/v1/public/tenders/${d.id}`)).body as { tender: TenderDetail };
    expect(page.tender.lots[0].evaluationModel.rules).toEqual(content.lots[0].evaluationModel.rules);
    expect(page.tender.contract.jurisdiction).toBe(Jurisdiction.Scotland);

    const text = await pdfText(`/api/v1/public/tenders/${d.id}/pack.pdf`, anyone);
    expect(text).toContain('Law of the contract Scotland');
    expect(text).toContain('Score = the marks for price × (1 − ln(this price ÷ lowest price) ÷ ln A), never below 0');
    expect(text).toContain('A = 2: a price 2 times the lowest or more scores 0.');
    // Three bids scaled to the lot's £200,000 (0.8 of it, then × 0.8, 1 and 1.25): 128,000 is lowest (30 marks);
    // 160,000 is 1.25 × lowest, so 30 × (1 − ln 1.25 ÷ ln 2) = 20.34; 200,000 is 1.5625 × lowest: 30 × (1 − ln 1.5625 ÷ ln 2) = 10.68.
    expect(text).toMatch(/Bid A £128,000 30\.00 Bid B £160,000 20\.34 Bid C £200,000 10\.68/);
    expect(text).toContain('If two bids have the same total (to 2 decimal places), we rank the one with the lower price first.');
    expect(text).toContain('We will check any price more than 25% below the average price or our estimate.');
  });

  it('reads a version published before the rules and the jurisdiction existed with the defaults', async () => {
    const d = await createReadyTender(buyer, 'Published before the rules');
    const published = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    expect(published.status).toBe(201);
    // The record as Openbrief wrote it before issue 13: without the two fields.
    const versions = t.dataSource.getRepository(TenderVersion);
    const row = await versions.findOneByOrFail({ tenderId: d.id, version: 1 });
    const old = structuredClone(row.record) as {
      content: { contract: Record<string, unknown>; lots: { evaluationModel: Record<string, unknown> }[] };
    };
    delete old.content.contract['jurisdiction'];
    for (const lot of old.content.lots) delete lot.evaluationModel['rules'];
    await versions.update({ id: row.id }, { record: old as never });

    const anyone = t.client();
    for (const path of [`/api/v1/public/tenders/${d.id}`, `/api/v1/public/tenders/${d.id}/versions/1`]) {
      const res = await anyone.get(path);
      expect(res.status).toBe(200);
      expect(res.body.tender.contract.jurisdiction).toBe(Jurisdiction.EnglandAndWales);
      expect(res.body.tender.lots[0].evaluationModel.rules).toEqual(DEFAULT_EVALUATION_RULES);
    }
    // The stored record is never rewritten by reading it.
    expect((await versions.findOneByOrFail({ id: row.id })).record).toEqual(old);
  });
});
