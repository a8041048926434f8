import { PdfLayout, type Inline } from '../src';
import { flat, PdfFile } from './support/readers';

/**
 * The building blocks on their own, as an evaluation report would use them: tables that cross pages,
 * headings that must not be stranded, callouts, lists and the structure each produces.
 */

function layout(options: Partial<ConstructorParameters<typeof PdfLayout>[0]> = {}): PdfLayout {
  return new PdfLayout({
    title: 'Evaluation report – Lot 1',
    creationDate: new Date('2027-01-22T17:00:00Z'),
    header: () => ({ left: 'Evaluation report', right: 'OFFICIAL-SENSITIVE' }),
    footer: (p) => ({ right: `Page ${p.number} of ${p.count}` }),
    runningOnFirstPage: true,
    ...options,
  });
}

async function open(doc: PdfLayout): Promise<PdfFile> {
  return new PdfFile((await doc.renderToBuffer()).pdf, /^(Evaluation report|OFFICIAL-SENSITIVE|Page \d+ of \d+)$/);
}

describe('tables', () => {
  let file: PdfFile;
  const rows: Inline[][] = Array.from({ length: 90 }, (_, i) => [
    `Supplier ${i + 1}`,
    `${(i * 7) % 100}%`,
    i % 10 === 0 ? '' : `Comment ${i + 1}`,
  ]);

  beforeAll(async () => {
    const doc = layout();
    doc.heading(1, 'Scores');
    doc.table(
      [
        { header: 'Supplier', width: 2 },
        { header: 'Quality score', width: 1, align: 'right' },
        { header: 'Moderator’s comment', width: 3 },
      ],
      rows,
      { caption: 'Moderated quality scores', rowHeaders: true },
    );
    file = await open(doc);
  });
  afterAll(() => file.dispose());

  it('continue across pages with the header row repeated at the top of each page', () => {
    const pages = file.pages();
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages.slice(1)) {
      const firstBodyLine = page
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)[1];
      expect(flat(firstBodyLine)).toBe('Supplier Quality score Moderator’s comment');
    }
    const text = file.bodyText();
    for (let i = 1; i <= 90; i++) expect(text).toContain(`Supplier ${i} `);
  });

  it('tag the header row once (repeats are artifacts), every row, and empty cells', () => {
    const structure = file.structure();
    expect(structure.match(/^\s+TH\b/gm)).toHaveLength(3 + 90); // column headers + a row header per row
    expect(structure.match(/^\s+TR\b/gm)).toHaveLength(91);
    expect(structure.match(/^\s+TD\b/gm)).toHaveLength(180);
    expect(structure).toMatch(/Caption\n\s+"Moderated quality scores"/);
    expect(structure).toMatch(/TH:\n\s+\/Scope \/Column\n\s+"Quality score"/);
  });

  it('split a row taller than a page region across pages without losing text', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `Line ${i + 1} of the moderator’s note.`).join(' ');
    const doc = layout();
    doc.paragraph('Intro');
    doc.table(
      [{ header: 'Question' }, { header: 'Note', width: 4 }],
      [
        ['A1', long],
        ['A2', 'Short'],
      ],
    );
    const f = await open(doc);
    try {
      const text = f.bodyText();
      for (const n of [1, 60, 120]) expect(text).toContain(`Line ${n} of the moderator’s note.`);
      expect(f.qpdfCheck().status).toBe(0);
    } finally {
      f.dispose();
    }
  });
});

describe('keep-with-next', () => {
  /**
   * 37 filler lines leave ~65pt at the foot of page 1: room for the heading (38pt with its space) but
   * not for the heading and the two lines that must follow it (~75pt). 35 lines leave room for both.
   */
  async function headingPage(fillerLines: number): Promise<{ page: number; next: string }> {
    const doc = layout();
    for (let i = 0; i < fillerLines; i++) doc.paragraph(`Filler line ${i + 1}.`, { spaceBefore: 3 });
    doc.heading(2, 'Moderation notes');
    doc.paragraph('Notes follow the heading. '.repeat(20));
    const file = await open(doc);
    try {
      const pages = file.pages().map((p) =>
        p
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      );
      const page = pages.findIndex((lines) => lines.includes('Moderation notes'));
      return { page: page + 1, next: pages[page][pages[page].indexOf('Moderation notes') + 1] };
    } finally {
      file.dispose();
    }
  }

  it('moves a heading that would end a page to the next page, with the text that follows it', async () => {
    const { page, next } = await headingPage(37);
    expect(page).toBe(2);
    expect(next).toMatch(/^Notes follow the heading/);
  });

  it('leaves the heading where it is when it fits with the first lines after it', async () => {
    const { page, next } = await headingPage(35);
    expect(page).toBe(1);
    expect(next).toMatch(/^Notes follow the heading/);
  });
});

describe('other blocks', () => {
  let file: PdfFile;
  beforeAll(async () => {
    const doc = layout();
    doc.heading(1, 'Summary of assessment');
    doc.group('Sect', (s) => {
      s.heading(2, 'Recommendation');
      s.callout('success', ['Award Lot 1 to Northmoor Community Partnership.'], { title: 'Recommended supplier' });
      s.numberedParagraph('3.2', [{ text: 'The panel ' }, { text: 'agreed', bold: true }, { text: ' the moderated scores.' }]);
      s.list(['Quality: 48.5 of 60', 'Price: 27.0 of 30', 'Social value: 8.0 of 10'], { ordered: true });
      s.keyValueTable([
        ['Panel', 'Zoë Brontë-Nuñez (chair), Siobhán Ó Murchú'],
        ['Date', '22 January 2027'],
      ]);
      s.prose('First paragraph.\n\n- bullet one\n- bullet two\n\nLast paragraph.');
    });
    file = await open(doc);
  });
  afterAll(() => file.dispose());

  it('produce the expected text', () => {
    const text = file.bodyText();
    expect(text).toContain('Recommended supplier Award Lot 1 to Northmoor Community Partnership.');
    expect(text).toContain('3.2 The panel agreed the moderated scores.');
    expect(text).toContain('1. Quality: 48.5 of 60 2. Price: 27.0 of 30 3. Social value: 8.0 of 10');
    expect(text).toContain('Panel Zoë Brontë-Nuñez (chair), Siobhán Ó Murchú');
    expect(text).toContain('First paragraph. • bullet one • bullet two Last paragraph.');
  });

  it('produce the expected structure', () => {
    const s = file.structure();
    expect(s).toMatch(/Sect\n\s+H2 \(block\)\n\s+"Recommendation"/);
    expect(s).toMatch(/Div\n\s+P \(block\)\n\s+"Recommended supplier"/);
    expect(s).toMatch(
      /\bL\b[^]*?\/ListNumbering \/Decimal[^]*?LI\b[^\n]*\n\s+Lbl\b[^\n]*\n\s+"1\."\n\s+LBody\b[^\n]*\n\s+"Quality: 48\.5 of 60"/,
    );
    expect(s).toMatch(/TH:\n\s+\/Scope \/Row\n\s+"Panel"\n\s+TD\n\s+"Zoë Brontë-Nuñez/);
    expect(s).not.toContain('OFFICIAL-SENSITIVE');
  });

  it('are valid and tagged, with the running header on the first page when asked', () => {
    expect(file.qpdfCheck().status).toBe(0);
    expect(file.info()['Tagged']).toBe('yes');
    expect(file.info()['Title']).toBe('Evaluation report – Lot 1');
    expect(file.pages()[0]).toContain('OFFICIAL-SENSITIVE');
  });

  it('escapes the title in XMP metadata', async () => {
    const doc = layout({ title: 'Care & support <2027> "pilot"' });
    doc.paragraph('x');
    const f = await open(doc);
    try {
      const xmp = f.objects().streamText(f.objects().root()['/Metadata']);
      expect(xmp).toContain('Care &amp; support &lt;2027&gt; &quot;pilot&quot;');
      expect(f.info()['Title']).toBe('Care & support <2027> "pilot"');
    } finally {
      f.dispose();
    }
  });

  it('lists the text of every block in reading order', () => {
    const doc = layout();
    doc.heading(1, 'Title');
    doc.paragraph([{ text: 'Why: ', bold: true }, { text: 'because' }]);
    doc.table([{ header: 'A' }, { header: 'B' }], [['1', '2']]);
    expect(doc.textRuns()).toEqual([
      { text: 'Title', bold: true },
      { text: 'Why: ', bold: true },
      { text: 'because' },
      { text: 'A', bold: true },
      { text: 'B', bold: true },
      { text: '1' },
      { text: '2' },
    ]);
  });
});
