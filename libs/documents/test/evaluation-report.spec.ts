import { renderEvaluationReport, renderEvaluationReportToBuffer } from '../src';
import { LONG_JUSTIFICATION, sampleReport } from './fixtures/sample-evaluation';
import { flat, PdfFile } from './support/readers';
import { tableRows, wordsOutsideColumn } from './support/table-rows';

/**
 * The evaluation report for the file, read back with poppler: every record a challenge would ask about must be
 * in it, in words, on the page.
 */

const RUNNING = /^(Evaluation report · NMICB-2026-014 · Lot 1|OFFICIAL-SENSITIVE|NHS Northmoor Integrated Care Board|Page \d+ of \d+)$/;

describe('evaluation report', () => {
  let file: PdfFile;
  let text: string;
  let rows: string[];
  let pageCount: number;

  beforeAll(async () => {
    const result = await renderEvaluationReportToBuffer(sampleReport(), { currency: 'GBP' });
    pageCount = result.pageCount;
    file = new PdfFile(result.pdf, RUNNING);
    text = file.bodyText();
    rows = tableRows(file);
  });
  afterAll(() => file.dispose());

  it('is a valid, tagged PDF of several pages with a title for the file', () => {
    expect(file.qpdfCheck().status).toBe(0);
    const info = file.info();
    expect(info['Tagged']).toBe('yes');
    expect(info['Title']).toBe('Evaluation report – NMICB-2026-014 – Lot 1');
    expect(Number(info['Pages'])).toBe(pageCount);
    expect(pageCount).toBeGreaterThan(1);
  });

  it('names the tender, lot, date and scoring library version', () => {
    expect(text).toContain('Community wellbeing navigation service');
    expect(text).toContain('Lot Lot 1: Navigation service for adults');
    expect(text).toContain('Report generated Monday 2 March 2026, 12:00 noon (UK time)');
    expect(text).toContain('Scoring library @openbrief/scoring version 1.0.0');
  });

  it('shows the panel: moderator, evaluators and the criteria each scored', () => {
    expect(text).toContain('Moderator Helen Cartwright');
    expect(text).toContain('Priya Shah Understanding of local needs; Delivery model and staffing');
    expect(text).toContain('Tom O’Neill Understanding of local needs; Delivery model and staffing; Social value: local employment');
  });

  it('lists the conflict declared and how it was handled, with who recorded it', () => {
    expect(text).toContain('1 conflict was declared.');
    expect(text).toContain(
      'Tom O’Neill Apex Health Services Ltd Conflict: I worked for Apex Health Services as a service manager until March 2025. (3 February 2026)',
    );
    expect(text).toContain(
      'Removed from Apex’s bid; Priya Shah scores it alone and the moderator reviews every score. – recorded by Helen Cartwright, 3 February 2026',
    );
    expect(rows).toContain('Priya Shah | Brightpath Wellbeing CIC | No conflict (3 February 2026) | Not needed');
    expect(rows.filter((r) => / \| No conflict /.test(r))).toHaveLength(5);
  });

  it('records the failed gate with its reason', () => {
    expect(rows).toContain(
      'Response C – Apex Health Services Ltd | Pass/fail requirement | Failed | No evidence of registration with the Care Quality Commission for the regulated activity, which requirement 1.9 makes a pass/fail condition. | Helen Cartwright, 5 February 2026',
    );
  });

  it('prints every individual score with its justification and every consensus with its note', () => {
    expect(text).toContain('Spread 2: flagged for moderation');
    expect(rows).toContain('Evaluator | Score | Justification or note | Recorded');
    expect(rows).toContain(
      'Priya Shah | 1 | The staffing plan depends on volunteers for weekend cover with no training or supervision described (section 3.4). | 10 February 2026',
    );
    expect(rows).toContain(`Tom O’Neill | 3 | ${flat(LONG_JUSTIFICATION)} | 10 February 2026`);
    expect(rows).toContain(
      'Consensus | 2 | Discussed the weekend cover gap: the recruitment plan is credible but the volunteer model is a real risk. Agreed at 2 (adequate). | Helen Cartwright, 17 February 2026',
    );
    // Six answers (two bids × three criteria), each with its consensus.
    expect(rows.filter((r) => r.startsWith('Consensus | '))).toHaveLength(6);
    for (const label of ['Response A – Northmoor Community Partnership', 'Response B – Brightpath Wellbeing CIC'])
      expect(text).toContain(label);
  });

  it('shows spreads, evaluator offsets and agreement with how to read it', () => {
    expect(rows).toContain('Criterion | Bid | Scores | Spread | Consensus');
    expect(rows).toContain('Delivery model and staffing | Response A – Northmoor Community Partnership | 1, 3 | 2 | 2');
    expect(rows).toContain('Priya Shah | 4 | -0.25 | No');
    expect(rows).toContain('Tom O’Neill | 4 | +0.25 | No');
    expect(text).toContain('Krippendorff’s α = -0.417.');
    expect(rows).toContain('Understanding of local needs | 1.000 | Evaluators agree well (α ≥ 0.8): the scores can be relied on.');
    expect(rows).toContain('Social value: local employment | – | Not enough scores to measure agreement.');
  });

  it('shows price scores and the abnormally low price with its investigation', () => {
    expect(rows).toContain('Response A – Northmoor Community Partnership | £448,000 | 37.50 | No');
    expect(rows).toContain('Response B – Brightpath Wellbeing CIC | £420,000 | 40.00 | Flagged');
    expect(text).toContain('More than 20% below the lot’s estimated value of £540,000.');
    expect(text).toContain('Investigated: price accepted. The supplier showed its staff costs line by line');
  });

  it('ranks the totals and shows the tie, its rule and the disqualification', () => {
    expect(text).toContain('Ties are broken by the rule published in the tender: the higher total quality score wins.');
    expect(rows).toContain('Rank | Supplier | Quality | Price | Total | Notes');
    expect(rows).toContain(
      '1 | Northmoor Community Partnership | 42.50 | 37.50 | 80.00 | Tie: Tied with Brightpath Wellbeing CIC on 80.00; ranked first on the higher quality score (42.50 against 40.00). Near-tie with the bid ranked next to it.',
    );
    expect(rows).toContain(
      '2 | Brightpath Wellbeing CIC | 40.00 | 40.00 | 80.00 | Tie: Tied with Northmoor Community Partnership on 80.00; ranked second on the lower quality score. Near-tie with the bid ranked next to it.',
    );
    expect(rows).toContain(
      '– | Apex Health Services Ltd | 0.00 | – | 0.00 | Disqualified: Failed pass/fail requirement 1.9 (CQC registration).',
    );
    expect(rows).toContain('Brightpath Wellbeing CIC | Understanding of local needs | 25.00 | 18.75');
  });

  it('gives the sensitivity: smallest change, win shares and points lost', () => {
    expect(text).toContain(
      'Price from 40.00% to 41.20% (the other weights rescaled to keep 100), which would make Brightpath Wellbeing CIC the leader',
    );
    expect(text).toContain('In 10,000 draws, each weight was moved at random by up to ±5.0 percentage points');
    expect(rows).toContain('Northmoor Community Partnership | 51.2%');
    expect(rows).toContain('Brightpath Wellbeing CIC | 48.8%');
    expect(rows).toContain('Brightpath Wellbeing CIC | Understanding of local needs | 6.25');
    expect(rows).toContain('Brightpath Wellbeing CIC | Delivery model and staffing | -6.25');
    // The leader loses nothing to itself: it has no rows.
    expect(rows.filter((r) => /^Northmoor Community Partnership \| [^|]+ \| [^|]+$/.test(r))).toEqual([]);
  });

  it('ends with the award decision, its reasons and the standstill dates', () => {
    expect(text).toContain('Decision Award to Northmoor Community Partnership');
    expect(text).toContain('As published in the tender, the tie is broken by the higher quality score');
    expect(text).toContain('• Strongest understanding of local needs');
    expect(text).toContain('Decided by Sarah Whitfield, Tuesday 24 February 2026, 16:00 (UK time)');
    expect(text).toContain('Contract award notice Published Monday 2 March 2026, 10:00 (UK time)');
    expect(text).toContain('Standstill ends At midnight at the end of Wednesday 11 March 2026 (UK time)');
    expect(text).toContain('Contract may be entered into from Thursday 12 March 2026, 00:00 midnight (UK time)');
  });

  it('keeps every word inside the margins, even a long unbroken address in a narrow column', async () => {
    expect(wordsOutsideColumn(file)).toEqual([]);
    const report = sampleReport();
    report.moderation.items[0].scores[0].justification = `See https://example.org/${'evidence/'.repeat(20)}annex-c.pdf and ${'long '.repeat(400)}end.`;
    const wide = new PdfFile(await renderEvaluationReport(report));
    try {
      expect(wordsOutsideColumn(wide)).toEqual([]);
      expect(wide.qpdfCheck().status).toBe(0);
    } finally {
      wide.dispose();
    }
  });

  it('runs over many pages without losing a row or leaving a heading at the foot of a page', async () => {
    const report = sampleReport();
    const base = report.moderation.items[1];
    // Forty bids on one criterion, each with the long justification: the report runs over many pages.
    report.moderation.items = Array.from({ length: 40 }, (_, i) => ({ ...base, responseId: `r-x${i}`, label: `Response X${i}` }));
    report.panel.bidders = report.moderation.items.map((x, i) => ({
      responseId: x.responseId,
      label: x.label,
      supplierName: `Supplier ${i} Ltd`,
    }));
    const long = new PdfFile(await renderEvaluationReport(report), RUNNING);
    try {
      const pages = long.pages();
      expect(pages.length).toBeGreaterThan(8);
      const body = long.bodyText();
      for (let i = 0; i < 40; i++) expect(body).toContain(`Response X${i} – Supplier ${i} Ltd`);
      expect(tableRows(long).filter((r) => r.startsWith('Tom O’Neill | 3 | '))).toHaveLength(40);
      for (const page of pages) {
        const lines = page
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !RUNNING.test(l) && !/^NHS Northmoor Integrated Care Board\s+Page \d+ of \d+$/.test(l));
        expect(lines.at(-1)).not.toMatch(/^Response X\d+ – Supplier \d+ Ltd$/);
      }
    } finally {
      long.dispose();
    }
  });

  it('renders a report before any award or sensitivity analysis', async () => {
    const early = new PdfFile(
      await renderEvaluationReport(
        sampleReport({ award: null, results: { ...sampleReport().results, sensitivity: null, complete: false } }),
      ),
      RUNNING,
    );
    try {
      const body = early.bodyText();
      expect(body).toContain('No award decision has been recorded yet.');
      expect(body).toContain('Not every answer has a consensus score yet: these figures are provisional.');
      expect(body).toContain('it was not run.');
    } finally {
      early.dispose();
    }
  });
});

describe('evaluation report determinism', () => {
  it('gives the same bytes for the same records and different bytes for a different date', async () => {
    const a = await renderEvaluationReport(sampleReport());
    const b = await renderEvaluationReport(sampleReport());
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain('(D:20260302120000Z)');
    const later = await renderEvaluationReport(sampleReport({ generatedAt: '2026-03-03T12:00:00Z' }));
    expect(later.equals(a)).toBe(false);
  });

  it('refuses a report without a valid date rather than stamping "now"', async () => {
    await expect(renderEvaluationReport(sampleReport({ generatedAt: 'soon' }))).rejects.toThrow(/generatedAt/);
  });
});
