import { ScoringScale } from '@openbrief/contracts';
import { renderAssessmentSummary, renderAssessmentSummaryToBuffer, type AssessmentSummaryContext } from '../src';
import { DESCRIPTORS, sampleSummaries } from './fixtures/sample-evaluation';
import { flat, PdfFile } from './support/readers';
import { tableRows, wordsOutsideColumn } from './support/table-rows';

/** Assessment summaries (Procurement Regulations 2024 reg 31), read back with poppler as the supplier would. */

const context: AssessmentSummaryContext = {
  tenderReference: 'NMICB-2026-014',
  tenderTitle: 'Community wellbeing navigation service',
  buyerName: 'NHS Northmoor Integrated Care Board',
  lotNumber: 1,
  lotTitle: 'Navigation service for adults',
  scale: ScoringScale.ZeroToFour,
  descriptors: DESCRIPTORS,
  issuedAt: '2026-02-26T09:00:00Z',
};
const RUNNING =
  /^(Assessment summary · NMICB-2026-014|Northmoor Community Partnership|Brightpath Wellbeing CIC|Apex Health Services Ltd|NHS Northmoor Integrated Care Board|Page \d+ of \d+)$/;

async function open(...args: Parameters<typeof renderAssessmentSummary>): Promise<PdfFile> {
  return new PdfFile(await renderAssessmentSummary(...args), RUNNING);
}

describe('assessment summary for the unsuccessful supplier', () => {
  const { a, b } = sampleSummaries();
  let file: PdfFile;
  let text: string;
  let rows: string[];

  beforeAll(async () => {
    file = await open(b, {
      ...context,
      mostAdvantageous: a,
      criteriaPublishedAt: 'section 6 of the tender pack, version 2',
      supplierDetails: {
        postalAddress: '12 Mill Lane, Northmoor NM1 4AB',
        email: 'bids@brightpath.example',
        identifier: 'GB-PPON-PXYZ-1234-ABCD',
      },
    });
    text = file.bodyText();
    rows = tableRows(file);
  });
  afterAll(() => file.dispose());

  it('is a valid tagged PDF titled for the supplier and tender', () => {
    expect(file.qpdfCheck().status).toBe(0);
    const info = file.info();
    expect(info['Tagged']).toBe('yes');
    expect(info['Title']).toBe('Assessment summary – Brightpath Wellbeing CIC – NMICB-2026-014 Lot 1');
    expect(wordsOutsideColumn(file)).toEqual([]);
  });

  it('names the supplier with its contact details and identifier, the outcome and the winner', () => {
    expect(rows).toContain('Supplier | Brightpath Wellbeing CIC');
    expect(rows).toContain('Address | 12 Mill Lane, Northmoor NM1 4AB');
    expect(rows).toContain('Email | bids@brightpath.example');
    expect(rows).toContain('Supplier identifier | GB-PPON-PXYZ-1234-ABCD');
    expect(rows).toContain('Outcome | Unsuccessful');
    expect(rows).toContain('Your total score | 80.00 out of 100');
    expect(text).toContain('Your tender was not successful. The buyer intends to award the contract to Northmoor Community Partnership.');
  });

  it('explains why it did not win, including the tie-break', () => {
    expect(text).toContain(flat(b.whyNotSuccessful!));
  });

  it('sets out each criterion with its weight and scoring scheme, and the scale', () => {
    expect(rows).toContain(
      'Understanding of local needs | 25% | Scored 0–4 against the published descriptors; points = score ÷ 4 × weight.',
    );
    expect(rows).toContain('Price | 40% | Lowest price ÷ your price × 40.');
    expect(rows).toContain('3 | Good | Meets the requirement fully, with clear evidence and minor weaknesses only.');
    expect(text).toContain('set out in full in section 6 of the tender pack, version 2.');
  });

  it('gives each score with its explanation, the subtotals and the total', () => {
    expect(rows).toContain('Understanding of local needs | 3 of 4 (Good) | 18.75 of 25.00');
    expect(rows).toContain('Price | Not scored on the scale | 40.00 of 40.00');
    expect(rows).toContain('Total |  | 80.00 of 100');
    for (const c of b.criteria) expect(text).toContain(c.explanation);
  });

  it('includes how the successful tender was assessed (Procurement Act 2023 s50(4)(b))', () => {
    expect(text).toContain('The successful tender: Northmoor Community Partnership');
    expect(rows).toContain('Understanding of local needs | 4 of 4 (Excellent) | 25.00 of 25.00');
    expect(text).toContain(a.criteria[1].explanation);
  });
});

describe('assessment summary for the successful supplier', () => {
  it('says it won and does not repeat its own assessment as the winner’s', async () => {
    const { a } = sampleSummaries();
    const file = await open(a, { ...context, mostAdvantageous: a });
    try {
      const text = file.bodyText();
      expect(text).toContain('Your tender was the most advantageous tender.');
      expect(text).not.toContain('Why your tender did not win');
      expect(text).not.toContain('The successful tender:');
      expect(text).toContain(
        'The award criteria and how they were to be assessed are set out in full in the tender documents for NMICB-2026-014.',
      );
    } finally {
      file.dispose();
    }
  });
});

describe('assessment summary for a disqualified supplier', () => {
  it('gives the disqualification as the reason and no scores', async () => {
    const { a, c } = sampleSummaries();
    const file = await open(c, { ...context, mostAdvantageous: a });
    try {
      const text = file.bodyText();
      expect(tableRows(file)).toContain('Outcome | Unsuccessful: disqualified');
      expect(text).toContain('Your tender was disqualified: it gave no evidence of registration with the Care Quality Commission');
      expect(text).toContain('This tender was not scored against the award criteria: it was disqualified before scoring.');
    } finally {
      file.dispose();
    }
  });
});

describe('assessment summary files', () => {
  it('are the same bytes for the same summary and date, and differ for another date', async () => {
    const { b } = sampleSummaries();
    const one = await renderAssessmentSummaryToBuffer(b, context);
    const two = await renderAssessmentSummaryToBuffer(b, { ...context });
    expect(one.sha256).toBe(two.sha256);
    expect(one.pdf.toString('latin1')).toContain('(D:20260226090000Z)');
    const later = await renderAssessmentSummaryToBuffer(b, { ...context, issuedAt: '2026-02-27T09:00:00Z' });
    expect(later.sha256).not.toBe(one.sha256);
  });

  it('mark a draft with a DRAFT watermark on every page, as an artifact outside the content', async () => {
    const { b } = sampleSummaries();
    const draft = new PdfFile(await renderAssessmentSummary({ ...b, status: 'draft', issuedAt: null }, context));
    const issued = new PdfFile(await renderAssessmentSummary(b, context));
    try {
      const objects = draft.objects();
      const pages = objects.all().filter((o) => o?.['/Type'] === '/Page');
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) expect(objects.streamText(page['/Contents'])).toContain('/Subtype /Watermark');
      expect(draft.structure()).not.toMatch(/"DRAFT"/);
      expect(issued.text()).not.toMatch(/DRAFT/);
    } finally {
      draft.dispose();
      issued.dispose();
    }
  });

  it('refuse an unreadable issue date rather than stamping "now"', async () => {
    const { b } = sampleSummaries();
    await expect(renderAssessmentSummary(b, { ...context, issuedAt: 'tomorrow' })).rejects.toThrow(/issuedAt/);
  });
});
