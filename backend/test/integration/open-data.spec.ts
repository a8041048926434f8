import { type TenderDetail, TenderStatus } from '@openbrief/contracts';
import type { OcdsRecordPackage, OcdsRelease, OcdsReleasePackage } from '@openbrief/ocds';
import { ocdsValidator } from '@openbrief/ocds/validation';
import { Clock } from '../../src/common/clock/clock';
import { Tender } from '../../src/modules/tenders/entities/tender.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { type EvaluationWorld, moderatedPanel, openedTender, SUPPLIER_NAMES } from '../support/evaluation-fixtures';
import { completeContent, publishedTender, saveResponse, signUpSupplier, startResponse } from '../support/response-fixtures';
import { createReadyTender } from '../support/tender-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

const PUBLIC_URL = 'https://openbrief.example';
const validator = ocdsValidator();
const DAY = 86_400_000;

/**
 * The open data API end to end, on the real app and database: what is published and when (only public tenders, only
 * published versions, an award only from its notice, bid statistics only with it), every package validated against
 * OCDS 1.1.5 with the four extensions, the feed's paging and dates, and the answers to bad input.
 */
describe('open data: OCDS releases, records and the feed', () => {
  let t: TestApp;
  let anon: TestClient;
  let buyer: TestClient;
  let w: EvaluationWorld;
  /** Published, with a submitted response before its deadline, then a corrigendum. */
  let open: TenderDetail;
  /** Never published; cancelled before publication; published and then cancelled. */
  let draft: TenderDetail;
  let cancelledDraft: TenderDetail;
  let cancelledLater: TenderDetail;
  let panelId: string;

  const ocidOf = async (id: string) => (await t.dataSource.getRepository(Tender).findOneByOrFail({ id })).ocid;
  const releasesOf = async (ocid: string) => {
    const res = await anon.get(`/api/v1/ocds/releases/${ocid}`);
    expect(res.status).toBe(200);
    expect(validator.validateReleasePackage(res.body)).toEqual([]);
    return res.body as OcdsReleasePackage;
  };
  const tags = (pkg: OcdsReleasePackage) => pkg.releases.map((r) => r.tag[0]);
  const award = (tail: string, body?: unknown) => w.buyer.post(`/api/v1/panels/${panelId}/${tail}`, body);

  async function changeStatus(d: TenderDetail, status: TenderStatus) {
    const current = (await buyer.get(`/api/v1/tenders/${d.id}`)).body as TenderDetail;
    const res = await buyer.post(`/api/v1/tenders/${d.id}/status`, {
      revision: current.revision,
      status,
      reason: 'The need has gone away.',
    });
    expect(res.status).toBe(201);
  }

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL });
    anon = t.client();
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');

    open = await publishedTender(buyer, 'Open data: a tender taking bids');
    const bidder = await signUpSupplier(t, 'Early Bird Consulting Ltd', 'early-bird@supplier.test');
    const started = await startResponse(bidder, open);
    await saveResponse(bidder, started, completeContent(started));
    expect((await bidder.post(`/api/v1/responses/${started.id}/submit`)).status).toBe(201);

    draft = await createReadyTender(buyer, 'Open data: a draft');
    cancelledDraft = await createReadyTender(buyer, 'Open data: cancelled before publication');
    await changeStatus(cancelledDraft, TenderStatus.Cancelled);
    cancelledLater = await publishedTender(buyer, 'Open data: cancelled after publication');
    await changeStatus(cancelledLater, TenderStatus.Cancelled);

    // Last: it holds the server's clock past its deadline.
    w = await openedTender(t);
  });
  afterAll(async () => {
    w?.clock.mockRestore();
    await t?.close();
  });

  it('a published tender: one tender release, with its lots, criteria, documents and the buyer as a party', async () => {
    const ocid = (await ocidOf(open.id))!;
    expect(ocid).toBe(`${t.settings.ocidPrefix}-${open.reference}`);
    const pkg = await releasesOf(ocid);
    expect(tags(pkg)).toEqual(['tender']);
    expect(pkg).toMatchObject({ uri: `${PUBLIC_URL}/api/v1/ocds/releases/${ocid}`, version: '1.1', publisher: { name: 'Openbrief' } });
    expect(pkg.extensions).toHaveLength(4);
    const [release] = pkg.releases;
    expect(release).toMatchObject({ ocid, id: `${ocid}-tender-1`, initiationType: 'tender' });
    expect(release.tender).toMatchObject({
      id: open.id,
      title: open.title,
      status: 'active',
      procurementMethod: 'open',
      submissionMethod: ['electronicSubmission'],
      tenderPeriod: { endDate: open.timetable.submissionDeadline },
    });
    expect(release.tender!.lots!.map((l) => l.id)).toEqual(open.lots.map((l) => l.id));
    expect(release.tender!.lots![0].awardCriteria!.criteria.every((c) => c.numbers[0].weight === 'percentageExact')).toBe(true);
    const pack = release.tender!.documents!.find((d) => d.documentType === 'biddingDocuments')!;
    expect(pack.url).toBe(`${PUBLIC_URL}/api/v1/public/tenders/${open.id}/versions/1/pack.pdf`);
    const served = await anon.get(`/api/v1/public/tenders/${open.id}/versions/1/pack.pdf`);
    expect(served.status).toBe(200);
    expect(pack.description).toBe(`SHA-256 of the file: ${served.headers['x-content-sha256']}`);
    expect(release.parties).toEqual([expect.objectContaining({ name: open.buyer.name, roles: ['buyer', 'procuringEntity'] })]);
  });

  it('no bid statistics before the deadline, though a response is in', async () => {
    const pkg = await releasesOf((await ocidOf(open.id))!);
    expect(pkg.releases.some((r) => r.bids)).toBe(false);
    expect(JSON.stringify(pkg)).not.toContain('Early Bird');
  });

  it('a corrigendum is a tenderUpdate release amending the first', async () => {
    // Published at the real time: the corrigendum's deadline must be ahead of it. Then past the deadline again.
    w.clock.mockRestore();
    const current = (await buyer.get(`/api/v1/tenders/${open.id}`)).body as TenderDetail;
    const content = toTenderContent(current);
    content.title = 'Open data: a tender taking bids, corrected';
    const saved = await buyer.put(`/api/v1/tenders/${open.id}`, { revision: current.revision, content });
    expect(saved.status).toBe(200);
    const note = 'The title now says what is being bought.';
    expect((await buyer.post(`/api/v1/tenders/${open.id}/publish`, { revision: saved.body.revision, changeNote: note })).status).toBe(201);
    w.clock = jest.spyOn(t.app.get(Clock), 'now');
    w.clock.mockReturnValue(new Date(Date.parse(w.tender.timetable.submissionDeadline!) + 60_000));

    const ocid = (await ocidOf(open.id))!;
    const pkg = await releasesOf(ocid);
    expect(tags(pkg)).toEqual(['tender', 'tenderUpdate']);
    expect(pkg.releases[1].tender!.title).toBe(content.title);
    expect(pkg.releases[1].tender!.amendments).toEqual([
      expect.objectContaining({ rationale: note, amendsReleaseID: `${ocid}-tender-1`, releaseID: `${ocid}-tender-2` }),
    ]);
    const record = await anon.get(`/api/v1/ocds/records/${ocid}`);
    expect(record.status).toBe(200);
    expect(validator.validateRecordPackage(record.body)).toEqual([]);
    const compiled = (record.body as OcdsRecordPackage).records[0].compiledRelease;
    expect(compiled.tender!.title).toBe(content.title);
    expect(compiled.tender!.documents!.map((d) => d.id)).toEqual(['tender-notice-1', 'tender-pack-1', 'tender-notice-2', 'tender-pack-2']);
  });

  it('a draft, a tender cancelled before publication and one cancelled after have no open data', async () => {
    expect(await ocidOf(draft.id)).toBeNull();
    expect(await ocidOf(cancelledDraft.id)).toBeNull();
    const guessed = `${t.settings.ocidPrefix}-${draft.reference}`;
    expect((await anon.get(`/api/v1/ocds/releases/${guessed}`)).status).toBe(404);
    expect((await anon.get(`/api/v1/ocds/records/${guessed}`)).status).toBe(404);
    const gone = (await ocidOf(cancelledLater.id))!;
    for (const path of [`/api/v1/ocds/releases/${gone}`, `/api/v1/ocds/records/${gone}`]) {
      const res = await anon.get(path);
      expect(res.status).toBe(404);
      expect(res.body.message).toBe('That tender was not found.');
    }
    // Signed in as its buyer changes nothing: the open data is the same for everyone.
    expect((await buyer.get(`/api/v1/ocds/releases/${gone}`)).status).toBe(404);
    const feed = await everything();
    const ids = feed.map((r) => r.ocid);
    expect(ids).not.toContain(gone);
    expect(ids).not.toContain(guessed);
  });

  it('unknown and malformed ocids are 404; bad feed queries are 400', async () => {
    for (const ocid of ['ocds-xxxxxx-NOPE-0001', 'not-an-ocid', 'ocds-xxxxxx-' + 'x'.repeat(70), "ocds-xxxxxx-a'b"]) {
      expect((await anon.get(`/api/v1/ocds/releases/${encodeURIComponent(ocid)}`)).status).toBe(404);
      expect((await anon.get(`/api/v1/ocds/records/${encodeURIComponent(ocid)}`)).status).toBe(404);
    }
    for (const q of [
      'updatedFrom=2026-01-01',
      'updatedFrom=yesterday',
      'updatedTo=2026-13-01T00:00:00Z',
      'updatedFrom=2026-01-01T00:00:00',
      'updatedFrom=2027-01-02T00:00:00Z&updatedTo=2027-01-01T00:00:00Z',
      'cursor=abc',
      'cursor=' + 'A'.repeat(500),
      `cursor=${Buffer.from('123:7:not-a-uuid').toString('base64url')}`,
      'limit=0',
      'limit=101',
      'limit=ten',
      'limit=1.5',
      'updatedFrom=2026-01-01T00:00:00Z&updatedFrom=2026-01-02T00:00:00Z',
      'since=2026-01-01T00:00:00Z',
    ]) {
      const res = await anon.get(`/api/v1/ocds/releases?${q}`);
      expect([q, res.status]).toEqual([q, 400]);
    }
  });

  it('no award release before its notice; then the award with standstill and bid statistics; then the contract', async () => {
    const ocid = (await ocidOf(w.tender.id))!;
    // One bidder is not an SME, one is a VCSE; the winner has a Companies House number.
    const particulars = async (c: TestClient, i: number, extra: object) =>
      expect(
        (
          await c.put('/api/v1/organisation', {
            name: SUPPLIER_NAMES[i],
            companyNumber: null,
            isSme: true,
            isVcse: false,
            address: { streetAddress: null, locality: null, postalCode: null, countryName: null },
            contactPhone: null,
            ...extra,
          })
        ).status,
      ).toBe(200);
    await particulars(w.suppliers[0], 0, {
      companyNumber: '01234567',
      address: { streetAddress: '7 Kilnworth Yard', locality: 'Bristol', postalCode: 'BS1 6QH', countryName: 'United Kingdom' },
    });
    await particulars(w.suppliers[1], 1, { isVcse: true });
    await particulars(w.suppliers[2], 2, { isSme: false });

    const panel = await moderatedPanel(w);
    panelId = panel.id;
    expect(tags(await releasesOf(ocid))).toEqual(['tender']);
    expect(
      (await award('award', { responseId: w.responseIds[0], reasons: 'The highest total, with the best approach and a sound price.' }))
        .status,
    ).toBe(200);
    for (const id of w.responseIds) expect((await award(`summaries/${id}/issue`)).status).toBe(200);
    // Decided and every summary issued, but the notice is not published: nothing about the award is public.
    const before = await releasesOf(ocid);
    expect(tags(before)).toEqual(['tender']);
    expect(JSON.stringify(before)).not.toContain(SUPPLIER_NAMES[0]);

    const notice = await award('award/notice', {});
    expect(notice.status).toBe(200);
    const after = await releasesOf(ocid);
    expect(tags(after)).toEqual(['tender', 'award']);
    const release: OcdsRelease = after.releases[1];
    expect(release.id).toBe(`${ocid}-award-${panelId}`);
    expect(release.parties).toEqual([
      expect.objectContaining({
        id: 'GB-COH-01234567',
        name: SUPPLIER_NAMES[0],
        identifier: { scheme: 'GB-COH', id: '01234567', legalName: SUPPLIER_NAMES[0] },
        address: { streetAddress: '7 Kilnworth Yard', locality: 'Bristol', postalCode: 'BS1 6QH', countryName: 'United Kingdom' },
        roles: ['supplier'],
      }),
    ]);
    expect(release.awards![0]).toMatchObject({
      id: panelId,
      status: 'pending',
      suppliers: [{ id: 'GB-COH-01234567', name: SUPPLIER_NAMES[0] }],
      relatedLots: [w.lotId],
      // The fixture's first bidder priced the service at £100,000.
      value: { amount: 100_000, currency: 'GBP' },
      standstillPeriod: { startDate: notice.body.noticePublishedAt, endDate: notice.body.standstillEndsAt },
    });
    expect(Date.parse(release.awards![0].assessmentSummariesDateSent!)).toBeLessThanOrEqual(Date.parse(notice.body.noticePublishedAt));
    expect(release.tender).toEqual({ id: w.tender.id, status: 'complete' });
    const stat = (measure: string) => release.bids!.statistics.find((s) => s.measure === measure);
    expect(stat('bids')).toMatchObject({ value: 3, relatedLot: w.lotId, date: w.tender.timetable.submissionDeadline });
    expect(stat('smeFinalStageBids')!.value).toBe(2);
    expect(stat('vcseFinalStageBids')!.value).toBe(1);
    // Only the winner is named; the other bidders stay out of the open data.
    expect(JSON.stringify(after)).not.toContain(SUPPLIER_NAMES[1]);
    expect(JSON.stringify(after)).not.toContain(SUPPLIER_NAMES[2]);

    w.clock.mockReturnValue(new Date(Date.parse(notice.body.standstillEndsAt) + DAY));
    expect((await award('award/contract', {})).status).toBe(200);
    const signed = await releasesOf(ocid);
    expect(tags(signed)).toEqual(['tender', 'award', 'contract']);
    const record = (await anon.get(`/api/v1/ocds/records/${ocid}`)).body as OcdsRecordPackage;
    expect(validator.validateRecordPackage(record)).toEqual([]);
    const compiled = record.records[0].compiledRelease;
    expect(compiled.awards).toEqual([expect.objectContaining({ id: panelId, status: 'active' })]);
    expect(compiled.contracts).toEqual([
      expect.objectContaining({ awardID: panelId, status: 'active', value: { amount: 100_000, currency: 'GBP' } }),
    ]);
  });

  /** Every release in the feed, page by page along links.next (each page validated). */
  async function everything(query = '', limit = 2): Promise<OcdsRelease[]> {
    const out: OcdsRelease[] = [];
    let path: string | null = `/api/v1/ocds/releases?limit=${limit}${query ? `&${query}` : ''}`;
    for (let pages = 0; path; pages++) {
      expect(pages).toBeLessThan(100);
      const res = await anon.get(path);
      expect([path, res.status]).toEqual([path, 200]);
      const pkg = res.body as OcdsReleasePackage;
      if (pkg.releases.length) expect(validator.validateReleasePackage(pkg)).toEqual([]);
      expect(pkg.releases.length).toBeLessThanOrEqual(limit);
      out.push(...pkg.releases);
      path = pkg.links?.next ? pkg.links.next.replace(PUBLIC_URL, '') : null;
    }
    return out;
  }

  it('the feed pages through every public release once, newest first, as the per-ocid packages hold them', async () => {
    const feed = await everything();
    const ids = feed.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const dates = feed.map((r) => Date.parse(r.date));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const ocids = [...new Set(feed.map((r) => r.ocid))];
    const perOcid = (await Promise.all(ocids.map(releasesOf))).flatMap((p) => p.releases);
    expect([...ids].sort()).toEqual(perOcid.map((r) => r.id).sort());
    expect(feed).toEqual(expect.arrayContaining(perOcid));
    // The demo's published tenders are in it too, and the tenders of this test.
    for (const d of [open, w.tender]) expect(ocids).toContain(await ocidOf(d.id));
    // A page size that divides nothing evenly gives the same releases.
    expect((await everything('', 3)).map((r) => r.id)).toEqual(ids);
  });

  it('filters by date: updatedFrom and updatedTo are inclusive', async () => {
    const feed = await everything('', 100);
    const middle = feed[Math.floor(feed.length / 2)];
    const from = await everything(`updatedFrom=${encodeURIComponent(middle.date)}`);
    expect(from.map((r) => r.id)).toEqual(feed.filter((r) => Date.parse(r.date) >= Date.parse(middle.date)).map((r) => r.id));
    const to = await everything(`updatedTo=${encodeURIComponent(middle.date)}`);
    expect(to.map((r) => r.id)).toEqual(feed.filter((r) => Date.parse(r.date) <= Date.parse(middle.date)).map((r) => r.id));
    const offset = middle.date.replace('Z', '+00:00');
    expect(
      (await everything(`updatedFrom=${encodeURIComponent(offset)}&updatedTo=${encodeURIComponent(offset)}`)).map((r) => r.id),
    ).toEqual(feed.filter((r) => r.date === middle.date).map((r) => r.id));
    const empty = await anon.get('/api/v1/ocds/releases?updatedFrom=2999-01-01T00:00:00Z');
    expect(empty.status).toBe(200);
    expect(empty.body.releases).toEqual([]);
    expect(empty.body.links).toBeUndefined();
  });
});
