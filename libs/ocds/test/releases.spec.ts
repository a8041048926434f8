import {
  awardRelease,
  compileRecord,
  contractRelease,
  OCDS_EXTENSIONS,
  OcdsInputError,
  type OcdsRelease,
  planningRelease,
  recordPackage,
  releasePackage,
  tenderRelease,
  tenderUpdateRelease,
} from '../src';
import { ocdsValidator } from '../validation/validator';
import { award, context, ENGAGEMENT, META, OCID, record, SUPPLIER, TENDER_ID } from './fixtures';

const validator = ocdsValidator();
const valid = (release: OcdsRelease) => expect(validator.validateRelease(release)).toEqual([]);

describe('tender release (first publication)', () => {
  const r = record(1);
  const release = tenderRelease(r, context(r));

  it('validates against OCDS 1.1.5 with the lots, awardCriteria, bid and UK extensions', () => valid(release));

  it('names the process, the buyer as a party with its identifier, and the tender fields a notice needs', () => {
    expect(release).toMatchObject({ ocid: OCID, id: `${OCID}-tender-1`, date: r.publishedAt, tag: ['tender'], initiationType: 'tender' });
    expect(release.parties).toEqual([
      expect.objectContaining({
        id: `OPENBRIEF-ORG-${r.buyer.id}`,
        name: 'Northshire Health Trust',
        identifier: { scheme: 'OPENBRIEF-ORG', id: r.buyer.id, legalName: 'Northshire Health Trust' },
        roles: ['buyer', 'procuringEntity'],
        contactPoint: { name: 'Pat Buyer', email: 'pat.buyer@northshire.example', telephone: '0113 496 0000' },
      }),
    ]);
    expect(release.buyer).toEqual({ id: `OPENBRIEF-ORG-${r.buyer.id}`, name: 'Northshire Health Trust' });
    expect(release.tender).toMatchObject({
      id: TENDER_ID,
      title: 'Online appointment booking',
      status: 'active',
      value: { amount: 180_000, currency: 'GBP' },
      minValue: { amount: 150_000, currency: 'GBP' },
      procurementMethod: 'selective',
      procurementMethodDetails: 'Competitive flexible procedure',
      mainProcurementCategory: 'services',
      submissionMethod: ['electronicSubmission'],
      tenderPeriod: { startDate: r.publishedAt, endDate: '2026-03-30T12:00:00.000Z' },
      enquiryPeriod: { startDate: r.publishedAt, endDate: '2026-03-20T12:00:00.000Z' },
      contractPeriod: { startDate: '2026-06-01T00:00:00.000Z', durationInMonths: 24 },
    });
    expect(release.planning).toEqual({ noEngagementNoticeRationale: 'The market is well known from the previous contract.' });
  });

  it('publishes lots with award criteria in the extension shape, items per lot with delivery regions, and no single-lot rationale', () => {
    const lots = release.tender!.lots!;
    expect(lots.map((l) => l.id)).toEqual(['lot-1', 'lot-2']);
    expect(lots[0].awardCriteria!.criteria).toEqual([
      {
        type: 'quality',
        name: 'Quality',
        description:
          'How well the proposal achieves the outcomes. Made up of: Approach (60% of this criterion), Team (40% of this criterion).',
        numbers: [{ number: 60, weight: 'percentageExact' }],
      },
      { type: 'quality', name: 'Social value', numbers: [{ number: 10, weight: 'percentageExact' }] },
      { type: 'price', name: 'Price', description: 'Total price.', numbers: [{ number: 30, weight: 'percentageExact' }] },
    ]);
    expect(release.tender!.items).toEqual([
      expect.objectContaining({
        id: 'lot-1-item',
        relatedLot: 'lot-1',
        deliveryAddresses: [
          { region: 'TLC', countryName: 'United Kingdom' },
          { region: 'TLD', countryName: 'United Kingdom' },
        ],
      }),
      expect.objectContaining({ id: 'lot-2-item', relatedLot: 'lot-2' }),
    ]);
    expect(release.tender!.lotDetails).toBeUndefined();
  });

  it('gives the tender notice (UK4) and the pack with its URL, format and SHA-256', () => {
    expect(release.tender!.documents).toEqual([
      expect.objectContaining({ id: 'tender-notice-1', documentType: 'tenderNotice', noticeType: 'UK4', format: 'text/html' }),
      expect.objectContaining({
        id: 'tender-pack-1',
        documentType: 'biddingDocuments',
        format: 'application/pdf',
        url: context(r).packUrl,
        description: `SHA-256 of the file: ${'a'.repeat(64)}`,
      }),
    ]);
  });

  it('a single-lot tender carries the UK profile noLotsDivisionRationale; VAT-inclusive values are gross', () => {
    const single = record(1, { lots: 1 });
    single.content.budget.vatBasis = 'including_vat' as never;
    const out = tenderRelease(single, context(single));
    valid(out);
    expect(out.tender!.lotDetails).toEqual({ noLotsDivisionRationale: 'One supplier must run the whole booking journey end to end.' });
    expect(out.tender!.value).toEqual({ amountGross: 180_000, currency: 'GBP' });
  });

  it('refuses a later version', () => expect(() => tenderRelease(record(2), context(record(2)))).toThrow(OcdsInputError));
});

describe('tenderUpdate release (a corrigendum)', () => {
  const r = record(2, { changeNote: 'The deadline moves a week later, as suppliers asked.', deadline: '2026-04-06T12:00:00.000Z' });
  const release = tenderUpdateRelease(r, context(r));

  it('validates, and records the change note as an amendment of the previous release', () => {
    valid(release);
    expect(release).toMatchObject({ id: `${OCID}-tender-2`, tag: ['tenderUpdate'], date: r.publishedAt });
    expect(release.tender!.amendments).toEqual([
      {
        id: '2',
        date: r.publishedAt,
        rationale: 'The deadline moves a week later, as suppliers asked.',
        amendsReleaseID: `${OCID}-tender-1`,
        releaseID: `${OCID}-tender-2`,
      },
    ]);
    expect(release.tender!.tenderPeriod).toEqual({ startDate: '2026-03-02T09:00:00.000Z', endDate: '2026-04-06T12:00:00.000Z' });
  });

  it('refuses the first version', () => expect(() => tenderUpdateRelease(record(1), context(record(1)))).toThrow(OcdsInputError));
});

describe('planning release (preliminary market engagement, UK2)', () => {
  const release = planningRelease(ENGAGEMENT);
  it('validates, with the market engagement notice and the event as an engagement milestone', () => {
    valid(release);
    expect(release).toMatchObject({ tag: ['planning'], ocid: OCID, tender: { id: TENDER_ID, status: 'planning' } });
    expect(release.planning!.documents).toEqual([
      expect.objectContaining({ documentType: 'marketEngagementNotice', noticeType: 'UK2', url: ENGAGEMENT.url }),
    ]);
    expect(release.planning!.milestones).toEqual([
      { id: `engagement-event-${ENGAGEMENT.id}`, title: 'Supplier briefing', type: 'engagement', dueDate: '2026-01-24T10:00:00.000Z' },
    ]);
  });
});

describe('award and contract releases', () => {
  const a = award();
  const release = awardRelease(OCID, a);

  it('validates, with the supplier, value, related lot, standstill and assessment summaries date (UK profile)', () => {
    valid(release);
    expect(release.parties).toEqual([
      expect.objectContaining({
        id: 'GB-COH-01234567',
        identifier: { scheme: 'GB-COH', id: '01234567', legalName: SUPPLIER.name },
        roles: ['supplier'],
      }),
    ]);
    expect(release.awards).toEqual([
      expect.objectContaining({
        id: a.id,
        title: 'Booking service',
        status: 'pending',
        date: a.decidedAt,
        value: { amount: 100_000, currency: 'GBP' },
        suppliers: [{ id: 'GB-COH-01234567', name: SUPPLIER.name }],
        relatedLots: ['lot-1'],
        standstillPeriod: { startDate: a.noticePublishedAt, endDate: a.standstillEndsAt },
        assessmentSummariesDateSent: a.assessmentSummariesSentAt,
      }),
    ]);
    expect(release.awards![0].documents).toEqual([expect.objectContaining({ documentType: 'awardNotice', noticeType: 'UK6' })]);
    expect(release.tender).toBeUndefined();
  });

  it('carries the lot bid statistics (bids, and final-stage bids from SMEs and VCSEs) dated at the deadline', () => {
    expect(release.bids!.statistics).toEqual([
      { id: 'lot-1-bids', measure: 'bids', value: 3, date: a.submissionDeadline, relatedLot: 'lot-1' },
      { id: 'lot-1-finalStageBids', measure: 'finalStageBids', value: 3, date: a.submissionDeadline, relatedLot: 'lot-1' },
      { id: 'lot-1-smeFinalStageBids', measure: 'smeFinalStageBids', value: 2, date: a.submissionDeadline, relatedLot: 'lot-1' },
      { id: 'lot-1-vcseFinalStageBids', measure: 'vcseFinalStageBids', value: 1, date: a.submissionDeadline, relatedLot: 'lot-1' },
    ]);
  });

  it('refuses bid statistics dated before the deadline', () => {
    expect(() => awardRelease(OCID, award({ submissionDeadline: '2026-05-01T12:00:00.000Z' }))).toThrow(/deadline/);
  });

  it('marks the tender complete when the notice is the last lot’s', () => {
    const last = awardRelease(OCID, award({ completesTender: true }));
    valid(last);
    expect(last.tender).toEqual({ id: TENDER_ID, status: 'complete' });
  });

  it('the contract release validates and makes the award active', () => {
    const contract = contractRelease(OCID, { ...a, contractEnteredAt: '2026-05-06T09:00:00.000Z' });
    valid(contract);
    expect(contract).toMatchObject({ id: `${OCID}-contract-${a.id}`, tag: ['contract'], awards: [{ id: a.id, status: 'active' }] });
    expect(contract.contracts).toEqual([
      {
        id: a.id,
        awardID: a.id,
        title: 'Booking service',
        status: 'active',
        value: { amount: 100_000, currency: 'GBP' },
        period: { startDate: '2026-06-01T00:00:00.000Z', durationInMonths: 24 },
        dateSigned: '2026-05-06T09:00:00.000Z',
      },
    ]);
  });
});

describe('records and packages', () => {
  const v1 = record(1);
  const v2 = record(2, { deadline: '2026-04-06T12:00:00.000Z' });
  const a = award();
  const releases = [
    planningRelease(ENGAGEMENT),
    tenderRelease(v1, context(v1)),
    tenderUpdateRelease(v2, context(v2)),
    awardRelease(OCID, a),
    awardRelease(
      OCID,
      award({
        id: 'second-award',
        lotId: 'lot-2',
        lotTitle: 'Support',
        noticePublishedAt: '2026-04-22T09:00:00.000Z',
        bidCounts: { lotId: 'lot-2', bids: 1, smeBids: 1, vcseBids: 0 },
        completesTender: true,
      }),
    ),
    contractRelease(OCID, { ...a, contractEnteredAt: '2026-05-06T09:00:00.000Z' }),
  ];

  it('a release package of every release type validates and declares the four extensions', () => {
    const pkg = releasePackage(releases, META);
    expect(validator.validateReleasePackage(pkg)).toEqual([]);
    expect(pkg).toMatchObject({ version: '1.1', uri: META.uri, publisher: META.publisher, publishedDate: '2026-05-06T09:00:00.000Z' });
    expect(pkg.extensions).toEqual(OCDS_EXTENSIONS);
    expect(pkg.extensions.map((u) => u.split('/')[4])).toEqual([
      'ocds_lots_extension',
      'ocds_awardCriteria_extension',
      'ocds_bid_extension',
      'ocds_uk_extension',
    ]);
  });

  it('the compiled release holds the latest of everything, arrays of objects merged by id', () => {
    const { compiledRelease: c, releases: ordered } = compileRecord([...releases].reverse());
    expect(validator.validateRelease(c)).toEqual([]);
    expect(ordered.map((r) => r.id)).toEqual(releases.map((r) => r.id));
    expect(c).toMatchObject({ id: `${OCID}-2026-05-06T09:00:00.000Z`, tag: ['compiled'], date: '2026-05-06T09:00:00.000Z' });
    // The corrigendum's deadline won; the planning release's status was replaced by the tender's, then completed.
    expect(c.tender!.tenderPeriod!.endDate).toBe('2026-04-06T12:00:00.000Z');
    expect(c.tender!.status).toBe('complete');
    expect(c.tender!.documents!.map((d) => d.id)).toEqual(['tender-notice-1', 'tender-pack-1', 'tender-notice-2', 'tender-pack-2']);
    expect(c.tender!.amendments!.map((x) => x.id)).toEqual(['2']);
    expect(c.parties!.map((p) => [p.id, p.roles])).toEqual([
      [`OPENBRIEF-ORG-${v1.buyer.id}`, ['buyer', 'procuringEntity']],
      ['GB-COH-01234567', ['supplier']],
    ]);
    expect(c.awards!.map((x) => [x.id, x.status])).toEqual([
      [a.id, 'active'],
      ['second-award', 'pending'],
    ]);
    expect(c.awards![0].standstillPeriod).toEqual({ startDate: a.noticePublishedAt, endDate: a.standstillEndsAt });
    expect(c.bids!.statistics.map((s) => s.id)).toEqual([
      'lot-1-bids',
      'lot-1-finalStageBids',
      'lot-1-smeFinalStageBids',
      'lot-1-vcseFinalStageBids',
      'lot-2-bids',
      'lot-2-finalStageBids',
      'lot-2-smeFinalStageBids',
      'lot-2-vcseFinalStageBids',
    ]);
    // Criteria have no ids: replaced whole, never merged by position.
    expect(c.tender!.lots![0].awardCriteria!.criteria).toHaveLength(3);
  });

  it('a record package validates; a record of two ocids is refused', () => {
    expect(validator.validateRecordPackage(recordPackage(releases, META))).toEqual([]);
    const other = { ...tenderRelease(v1, context(v1)), ocid: 'ocds-xxxxxx-OTHER' };
    expect(() => compileRecord([releases[1], other])).toThrow(OcdsInputError);
    expect(() => releasePackage([], META)).toThrow(OcdsInputError);
  });
});
