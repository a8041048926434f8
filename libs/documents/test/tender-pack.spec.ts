import { HOW_TO_RESPOND_STEPS, HOW_TO_RESPOND_SUMMARY, RequirementKind } from '@openbrief/contracts';
import { PRICE_METHODS, priceWorkedExample } from '@openbrief/scoring';
import { formatMoney, renderTenderPackToBuffer, type RenderToBufferResult } from '../src';
import { SAMPLE_CLARIFICATIONS, sampleTender } from './fixtures/sample-tender';
import { flat, PdfFile, pdfString } from './support/readers';

/**
 * The sample tender's pack, read back with poppler and qpdf: what is in it, in which order, with which
 * numbers — and whether the accessibility plumbing (tags, language, title, bookmarks, fonts) is there.
 */

const tender = sampleTender();
const options = { draft: false, version: 2, generatedAt: new Date('2026-11-02T10:30:00Z'), clarifications: SAMPLE_CLARIFICATIONS };

let result: RenderToBufferResult;
let file: PdfFile;
let pages: string[];
let body: string;

beforeAll(async () => {
  result = await renderTenderPackToBuffer(tender, options);
  file = new PdfFile(result.pdf);
  pages = file.pages();
  // Everything after the cover and contents, as one flat string, for order checks.
  body = flat(file.text().split('\f').slice(2).join(' '));
});

afterAll(() => file?.dispose());

describe('tender pack: file', () => {
  it('is a valid PDF according to qpdf', () => {
    const check = file.qpdfCheck();
    expect(check.status).toBe(0);
    expect(check.output).toContain('No syntax or stream encoding errors');
  });

  it('has the page count, title, version, size and tagging that pdfinfo reports', () => {
    const info = file.info();
    expect(Number(info['Pages'])).toBe(result.pageCount);
    expect(pages).toHaveLength(result.pageCount);
    expect(info['Title']).toBe('Community wellbeing navigation service – tender pack');
    expect(info['Author']).toBe(tender.buyer.name);
    expect(info['Tagged']).toBe('yes');
    expect(info['PDF version']).toBe('1.7');
    expect(info['Page size']).toContain('(A4)');
    expect(info['CreationDate']).toContain('2026');
  });

  it('embeds DejaVu subsets for every font, with Unicode maps', () => {
    const lines = file
      .fonts()
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line).toMatch(/\+DejaVuSans/);
      // columns: emb sub uni
      expect(line).toMatch(/yes\s+yes\s+yes/);
    }
  });

  it('renders a page that a PNG rasteriser can draw', () => {
    const png = file.png(1);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
  });
});

describe('tender pack: content', () => {
  it('puts the cover facts on page 1', () => {
    const cover = flat(pages[0]);
    expect(cover).toContain('Tender pack');
    expect(cover).toContain('Community wellbeing navigation service');
    expect(cover).toContain('NHS Northmoor Integrated Care Board');
    expect(cover).toContain('NICB-2026-0147');
    expect(cover).toContain('Version 2, published 2 November 2026');
    expect(cover).toContain('£1,650,000 (excluding VAT)');
    expect(cover).toContain('Friday 11 December 2026, 12:00 noon (UK time)');
    expect(cover).toContain('Siobhán Ó Murchú');
  });

  it('has the sections in order', () => {
    const sections = [
      'Summary',
      'The problem and who it affects',
      'Lot 1: Navigation and social prescribing',
      'Lot 2: Digital self-referral and booking',
      'How bids will be evaluated',
      'Timetable',
      'How to ask questions and respond',
      'Annex A: Clarification questions and answers',
      'Annex B: Justified checker findings',
      'Annex C: Response template',
    ];
    let at = -1;
    for (const s of sections) {
      const next = body.indexOf(s, at + 1);
      expect({ section: s, found: next > at }).toEqual({ section: s, found: true });
      at = next;
    }
  });

  it('contains every requirement, numbered by lot in print order, with why, measure and room', () => {
    for (const lot of tender.lots) {
      const ordered = [...lot.requirements].sort((a, b) => a.order - b.order);
      const printed = [
        ...ordered.filter((r) => r.kind !== RequirementKind.Mandatory),
        ...ordered.filter((r) => r.kind === RequirementKind.Mandatory),
      ];
      let at = -1;
      printed.forEach((r, i) => {
        const number = `${lot.number}.${i + 1}`;
        const needle = `${number} ${flat(r.outcome)}`;
        const found = body.indexOf(needle, at + 1);
        expect({ needle, found: found > at }).toEqual({ needle, found: true });
        at = found;
        expect(body).toContain(flat(r.whyItMatters));
        if (r.kind !== RequirementKind.Mandatory) expect(body).toContain(`Room for proposals: ${flat(r.roomForProposals)}`);
      });
    }
    expect(body).toContain('Baseline: 14 working days (2025 pilot median). Target: 5 working days for 90% of referrals.');
  });

  it('groups requirements under their headings and lists pass/fail requirements separately', () => {
    // The lot titles also appear in the key facts, so anchor on the start of each lot's section.
    const lot1 = body.slice(
      body.indexOf('Lot 1: Navigation and social prescribing A navigation'),
      body.indexOf('Lot 2: Digital self-referral and booking An accessible'),
    );
    const order = ['Access and referral', 'Support and outcomes', 'Working with partners', 'Data and reporting', 'Pass/fail requirements'];
    const positions = order.map((h) => lot1.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(lot1).toContain('Your bid must meet every requirement in this section.');
  });

  it('shows the criteria tree with weights within the group and overall', () => {
    const evaluation = pages.find((p) => p.includes('Criteria and weightings'))!;
    const row = (ref: string) => flat(evaluation.split('\n').find((l) => new RegExp(`^\\s*${ref}\\s`).test(l)) ?? '');
    expect(row('A')).toMatch(/A Quality 60% 60%/);
    expect(row('A1')).toMatch(/Service design and delivery 40% of A 24% 1,000/);
    expect(row('A2')).toMatch(/Measuring outcomes 25% of A 15% 750/);
    expect(row('A3')).toMatch(/Working with partners 20% of A 12% 500/);
    expect(row('A4')).toMatch(/Mobilisation and exit 15% of A 9% 500/);
    expect(body).toMatch(/B Price Total price for the initial contract period, excluding VAT\. 30% 30%|B Price 30% 30%/);
    expect(body).toMatch(/C1 Local employment and skills .*50% of C 5% 300/);
    expect(body).toContain('Assesses 1.1, 1.2, 1.3.');
  });

  it('writes out the scoring scale, the price formulas with worked examples and the threshold', () => {
    for (const d of tender.lots[0].evaluationModel.descriptors) expect(body).toContain(`${d.score} ${d.label} ${flat(d.description)}`);
    // The formulas and worked examples come from @openbrief/scoring: the pack keeps no copy of its own.
    const lot1 = tender.lots[0].evaluationModel;
    const lot2 = tender.lots[1].evaluationModel;
    expect(body).toContain(
      `Method: ${PRICE_METHODS[lot1.priceMethod].label.toLowerCase()}. ${PRICE_METHODS[lot1.priceMethod].explanation}`,
    );
    expect(body).toContain(PRICE_METHODS[lot1.priceMethod].formula);
    expect(body).toContain(PRICE_METHODS[lot2.priceMethod].formula);
    expect(body).toContain('Ceiling price: £500,000. Floor price: £300,000.');
    // Lot 1 (in proportion, scaled to its £1,200,000 estimate): 768,000 is lowest → 30; 768 ÷ 960 × 30 = 24; 768 ÷ 1,200 × 30 = 19.2.
    expect(body).toContain('Bid A £768,000 30.00 Bid B £960,000 24.00 Bid C £1,200,000 19.20');
    // Lot 2 (straight line from £500,000 to £300,000): (500 − 320) ÷ 200 × 30 = 27; (500 − 400) ÷ 200 × 30 = 15; the ceiling scores 0.
    expect(body).toContain('Bid A £320,000 27.00 Bid B £400,000 15.00 Bid C £500,000 0.00');
    for (const [model, i] of [
      [lot1, 0],
      [lot2, 1],
    ] as const) {
      const example = priceWorkedExample(model.priceMethod, model.rules.price, 30, i === 0 ? 1_200_000 : 500_000);
      for (const row of example.rows) expect(body).toContain(`${row.label} ${formatMoney(row.price)} ${row.score!.toFixed(2)}`);
    }
    expect(body).toContain('Bids scoring less than 60% of the marks available for quality (36 of 60 marks) are excluded');
    expect(body).toContain('a score of 3 on A1 (worth 24%) gives 3 ÷ 4 × 24 = 18.00 marks');
  });

  it('says how the panel evaluates bids: blind marking, hidden prices, the tie-break and abnormally low prices', () => {
    expect(body).toContain('Evaluators mark quality and social value answers blind. They see “Response A”, “Response B”');
    expect(body).toContain('Evaluators see no prices until the panel has agreed every quality score.');
    expect(body).toContain('If two bids have the same total (to 2 decimal places), we rank the one with the higher quality score first.');
    expect(body).toContain(
      'We will check any price more than 20% below the average price or our estimate. We will ask the bidder to explain it. We never reject a bid for a low price without asking first.',
    );
    // Lot 2 publishes other rules: names shown, the lower price wins a tie, 25% for abnormally low prices.
    expect(body).toContain('Evaluators see your organisation’s name beside your answers.');
    expect(body).toContain('we rank the one with the lower price first.');
    expect(body).toContain('We will check any price more than 25% below the average price');
    // The panel's own working rules are not a supplier's concern.
    expect(body).not.toMatch(/near-tie|justification of at least/i);
  });

  it('states the law of the contract in the key facts', () => {
    expect(body).toMatch(/Law of the contract England and Wales/);
  });

  it('says what is bought and where, with the delivery regions by name, in the key facts', () => {
    const start = body.indexOf('Key facts');
    const facts = body.slice(start, body.indexOf('The problem and who it affects', start));
    expect(facts).toMatch(/What is bought Services/);
    expect(facts).toMatch(
      /Where Northmoor, England \(all six neighbourhoods\) Regions: Yorkshire and The Humber, East Midlands \(England\)/,
    );
  });

  it('prints what changed because of market engagement with the problem, and no heading for an empty reason', () => {
    const start = body.indexOf('The problem and who it affects');
    const problem = body.slice(start, body.indexOf('Lot 1: Navigation and social prescribing', start));
    expect(problem).toContain('What changed because of market engagement');
    expect(problem).toContain('so the service is now in two lots, and the mobilisation period is three months instead of one.');
    expect(body).not.toContain('Why there was no market engagement');
  });

  it('shows the timetable in UK time, including the switch to British Summer Time', () => {
    const timetable = body.slice(body.indexOf('Timetable'));
    expect(timetable).toContain('Questions close Friday 27 November 2026, 12:00 noon (UK time)');
    expect(timetable).toContain('Answers published by Wednesday 2 December 2026, 17:00 (UK time)');
    expect(timetable).toContain('Deadline for bids Friday 11 December 2026, 12:00 noon (UK time)');
    expect(timetable).toContain('Evaluation Monday 14 December 2026 to Friday 22 January 2027');
    // Stored as 2027-03-31T23:00Z: midnight on 1 April in BST.
    expect(timetable).toContain('Contract starts Thursday 1 April 2027');
  });

  it('explains how to ask questions and respond, with word limits, the attachment rules and both question dates', () => {
    const responding = body.slice(body.indexOf('How to ask questions and respond'), body.indexOf('Annex A: Clarification'));
    // The one description of how to respond that the tender's page shows too.
    expect(responding).toContain(flat(HOW_TO_RESPOND_SUMMARY));
    for (const [i, step] of HOW_TO_RESPOND_STEPS.entries()) expect(responding).toContain(`${i + 1}. ${flat(step)}`);
    expect(responding).toContain('Questions close Friday 27 November 2026, 12:00 noon (UK time)');
    expect(responding).toContain('Answers published by Wednesday 2 December 2026, 17:00 (UK time)');
    expect(responding).toContain('You may attach up to 3 documents to your response, each no larger than 15 MB.');
    expect(responding).toContain(
      'If you cannot use Openbrief, email Siobhán Ó Murchú at procurement@northmoor-icb.example.nhs.uk or phone 0300 123 4567.',
    );
    expect(responding).not.toMatch(/email your questions/i);
    // Table rows are read from the physical layout: pdftotext's plain mode reorders right-aligned cells.
    const lines = pages.join('\n').split('\n').map(flat);
    expect(lines).toContain('Lot 1 A1 Service design and delivery 1,000');
    expect(lines).toContain('Lot 2 C2 Net zero and the environment 300');
  });

  it('has the clarification, justification and response-template annexes', () => {
    for (const c of SAMPLE_CLARIFICATIONS) {
      expect(body).toContain(flat(c.question));
      expect(body).toContain(flat(c.answer));
    }
    expect(body).toContain('Published 10 November 2026');
    // r2-int-1 is printed as 2.4; the annex cites it by that number.
    // The check is shown by its title, never its internal rule id.
    expect(body).not.toContain('brand.named-product');
    expect(body).toMatch(/2\.4 Brand or product named without "or equivalent" EMIS Web is named because/);
    expect(body).toMatch(/1\.8 Prescriptive format The CSV format/);
    const template = body.slice(body.indexOf('Annex C: Response template'));
    expect(template).toMatch(/A1 Service design and delivery .*1,000 words 1\.1, 1\.2, 1\.3/);
    expect(template).toMatch(
      /1\.9 The supplier holds, or will hold before the contract starts, Cyber Essentials Plus certification\. ☐ Yes\s+☐ No/,
    );
    expect(template).toContain('Total price for the initial 36 months');
  });

  it('runs a header and footer with reference, version and "Page X of Y" on every page but the cover', () => {
    expect(pages[0]).not.toMatch(/Page 1 of/);
    pages.slice(1).forEach((page, i) => {
      expect(page).toContain(`Page ${i + 2} of ${pages.length}`);
      expect(page).toContain('NICB-2026-0147 · Version 2');
    });
  });

  it('gives the right page number for every contents entry', () => {
    const entries = pages[1]
      .split('\n')
      .map((l) => /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(l))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => ({ title: m[1].trim(), page: Number(m[2]) }))
      .filter((e) => !e.title.includes('Page 2 of'));
    expect(entries.length).toBeGreaterThan(20);
    for (const e of entries) {
      // The heading starts a line on the page the contents points to.
      const lines = pages[e.page - 1].split('\n').map((l) => l.trim());
      expect({ entry: e.title, onPage: lines.some((l) => l.startsWith(e.title)) }).toEqual({ entry: e.title, onPage: true });
    }
  });
});

describe('tender pack: accessibility', () => {
  let structure: string;
  beforeAll(() => (structure = file.structure()));

  it('declares English (UK), shows the title in the window, is marked and identified as PDF/UA', () => {
    const objects = file.objects();
    const root = objects.root();
    expect(pdfString(root['/Lang'])).toBe('en-GB');
    expect(objects.resolve(root['/ViewerPreferences'])).toMatchObject({ '/DisplayDocTitle': true });
    expect(objects.resolve(root['/MarkInfo'])).toMatchObject({ '/Marked': true });
    const xmp = objects.streamText(root['/Metadata']);
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('Community wellbeing navigation service – tender pack');
  });

  it('has a structure tree with real headings in order', () => {
    const h1 = [...structure.matchAll(/^ {2,}H1 \(block\)\n\s+"(.*)"$/gm)].map((m) => m[1]);
    expect(h1).toEqual([
      'Community wellbeing navigation service',
      'Contents',
      'Summary',
      'The problem and who it affects',
      'Lot 1: Navigation and social prescribing',
      'Lot 2: Digital self-referral and booking',
      'How bids will be evaluated',
      'Timetable',
      'How to ask questions and respond',
      'Annex A: Clarification questions and answers',
      'Annex B: Justified checker findings',
      'Annex C: Response template',
    ]);
    expect(structure).toMatch(/H2 \(block\)\n\s+"Access and referral"/);
    expect(structure).toMatch(/H3 \(block\)\n\s+"Criteria and weightings"/);
  });

  it('tags requirements as paragraphs, tables with header cells, lists and the contents with links', () => {
    expect(structure).toMatch(/P \(block\)\n\s+"1\.1 People who are isolated/);
    for (const tag of ['Table', 'THead', 'TBody', 'TR', 'TH', 'TD', 'L', 'LI', 'Lbl', 'LBody', 'TOC', 'TOCI', 'Link']) {
      expect({ tag, present: new RegExp(`^\\s+${tag}\\b`, 'm').test(structure) }).toEqual({ tag, present: true });
    }
    // Each contents link is tied to its annotation (an OBJR kid).
    expect(structure).toMatch(/Link \(inline\)\n\s+"Summary 3"\n\s+Object \d+ 0/);
  });

  it('marks running heads and page numbers as artifacts, outside the structure', () => {
    expect(structure).not.toContain('Page 3 of');
    expect(pages[2]).toContain('Page 3 of');
  });

  it('gives table header cells a scope', () => {
    const objects = file.objects();
    const th = objects.all().filter((o) => o?.['/S'] === '/TH');
    expect(th.length).toBeGreaterThan(20);
    for (const cell of th) expect(['/Column', '/Row']).toContain((objects.resolve(cell['/A']) as Record<string, unknown>)['/Scope']);
  });

  it('has bookmarks for the sections, nested by level', () => {
    const objects = file.objects();
    const outlines = objects.resolve(objects.root()['/Outlines']) as Record<string, unknown>;
    const titles: string[] = [];
    for (
      let item = objects.resolve(outlines['/First']) as Record<string, unknown> | undefined;
      item;
      item = item['/Next'] ? (objects.resolve(item['/Next']) as Record<string, unknown>) : undefined
    ) {
      titles.push(pdfString(item['/Title']));
    }
    expect(titles).toContain('Summary');
    expect(titles).toContain('Lot 2: Digital self-referral and booking');
    expect(titles).toContain('Annex C: Response template');
    expect(titles).not.toContain('Access and referral');
  });

  it('has no images (so nothing needs alternative text)', () => {
    const images = file
      .objects()
      .all()
      .filter((o) => o?.['/Subtype'] === '/Image');
    expect(images).toEqual([]);
  });
});
