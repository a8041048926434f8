import { RequirementKind, type TenderDetail } from '@openbrief/contracts';
import { renderTenderPackToBuffer, REPLACEMENT_GLYPH, type RenderToBufferResult } from '../src';
import { generateTender } from './fixtures/generate-tender';
import { sampleTender } from './fixtures/sample-tender';
import { flat, PdfFile, pdfString } from './support/readers';

/**
 * Inputs a buyer can really produce: hundreds of requirements, a summary pasted from a 40-page report,
 * a URL with no spaces, empty optional sections, emoji and Chinese characters the font cannot draw.
 * None of them may crash the renderer, lose text silently or push text off the page.
 */

const options = { draft: false, version: 1, generatedAt: new Date('2026-11-02T10:30:00Z') };

async function render(tender: TenderDetail): Promise<{ result: RenderToBufferResult; file: PdfFile }> {
  const result = await renderTenderPackToBuffer(tender, options);
  return { result, file: new PdfFile(result.pdf) };
}

function expectValid(file: PdfFile, result: RenderToBufferResult) {
  expect(file.qpdfCheck().status).toBe(0);
  const info = file.info();
  expect(info['Tagged']).toBe('yes');
  expect(Number(info['Pages'])).toBe(result.pageCount);
}

/** Words whose box leaves the text column (between the margins), from poppler's word bounding boxes. */
function wordsOutsideColumn(file: PdfFile, left = 56, right = 595.28 - 56): string[] {
  const html = file.text('-bbox');
  const out: string[] = [];
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    if (Number(m[1]) < left - 0.5 || Number(m[2]) > right + 0.5) out.push(m[3]);
  }
  return out;
}

describe('500 requirements', () => {
  const tender = generateTender(500);
  let result: RenderToBufferResult;
  let file: PdfFile;
  let pages: string[];

  beforeAll(async () => {
    ({ result, file } = await render(tender));
    pages = file.pages();
  });
  afterAll(() => file?.dispose());

  it('renders a valid, tagged file of well over a hundred pages', () => {
    expectValid(file, result);
    expect(result.pageCount).toBeGreaterThan(120);
  });

  it('contains every requirement exactly once in the lot sections, numbered without gaps', () => {
    const text = file.bodyText();
    for (const lot of tender.lots) {
      const count = lot.requirements.length;
      let at = text.indexOf(`Lot ${lot.number}: ${lot.title} ${lot.description.slice(0, 20)}`);
      expect(at).toBeGreaterThan(0);
      const mandatoryLast = [
        ...lot.requirements.filter((r) => r.kind !== RequirementKind.Mandatory),
        ...lot.requirements.filter((r) => r.kind === RequirementKind.Mandatory),
      ];
      mandatoryLast.forEach((r, i) => {
        const needle = `${lot.number}.${i + 1} ${r.outcome}`;
        const found = text.indexOf(needle, at);
        expect({ needle, found: found > at }).toEqual({ needle, found: true });
        at = found;
      });
      expect(count).toBeGreaterThan(150);
    }
  });

  it('never leaves a heading as the last line of a page', () => {
    const headings = new Set([...file.structure().matchAll(/^\s+H[123] \(block\)\n\s+"(.*)"$/gm)].map((m) => m[1]));
    expect(headings.size).toBeGreaterThan(40);
    pages.forEach((page, i) => {
      const lines = page
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const footer = lines.findIndex((l) => /Page \d+ of \d+$/.test(l));
      const lastBody = lines[(footer === -1 ? lines.length : footer) - 1];
      expect({ page: i + 1, lastBody, isHeading: headings.has(lastBody) }).toEqual({ page: i + 1, lastBody, isHeading: false });
    });
  });

  it('keeps every word inside the text column', () => {
    expect(wordsOutsideColumn(file)).toEqual([]);
  });
});

describe('very long text', () => {
  const longSummary = Array.from({ length: 3000 }, (_, i) => `Sentence ${i + 1} explains the context of the service in plain words.`).join(
    ' ',
  );
  const url = 'https://example.org/' + 'a1b2c3d4e5'.repeat(120);
  const longTitle =
    'A very long tender title about the integrated community wellbeing navigation, social prescribing and digital self-referral service for every neighbourhood of Northmoor '
      .repeat(2)
      .trim();
  let result: RenderToBufferResult;
  let file: PdfFile;

  beforeAll(async () => {
    const base = sampleTender();
    base.lots[0].requirements[0].roomForProposals = `See ${url} for the data standard.`;
    ({ result, file } = await render({ ...base, title: longTitle, summary: longSummary }));
  });
  afterAll(() => file?.dispose());

  it('flows a multi-page paragraph across pages without losing a sentence', () => {
    expectValid(file, result);
    const text = file.bodyText();
    for (const n of [1, 750, 1500, 2999, 3000]) expect(text).toContain(`Sentence ${n} explains the context`);
    expect(text.match(/Sentence \d+ explains/g)).toHaveLength(3000);
  });

  it('breaks a word longer than the line (a URL) instead of letting it run off the page', () => {
    const text = file.text().replace(/\s/g, '');
    expect(text).toContain(url);
    expect(wordsOutsideColumn(file)).toEqual([]);
  });

  it('wraps the title on the cover and shortens it in the running header', () => {
    const pages = file.pages();
    expect(flat(pages[0])).toContain(flat(longTitle));
    const header = pages[2].split('\n').find((l) => l.includes('NICB-2026-0147'))!;
    expect(header).toContain('…');
    expect(header.length).toBeLessThan(200);
  });
});

describe('empty optional sections', () => {
  let result: RenderToBufferResult;
  let file: PdfFile;

  beforeAll(async () => {
    const base = sampleTender();
    const empty: TenderDetail = {
      ...base,
      title: '',
      summary: '',
      problem: '   ',
      users: '',
      workDone: '',
      constraints: '',
      location: '',
      regions: [],
      engagementSummary: '   ',
      noEngagementReason: 'We bought the same service last year and nothing has changed.',
      estimatedValue: null,
      budget: { ...base.budget, min: null, max: null },
      contract: { lengthMonths: null, extensionOptions: '', jurisdiction: base.contract.jurisdiction },
      contact: { ...base.contact, phone: null },
      timetable: {
        clarificationDeadline: null,
        submissionDeadline: null,
        evaluationStart: null,
        evaluationEnd: null,
        expectedAward: null,
        contractStart: null,
        answersPublishedBy: null,
      },
      lots: [],
      justifications: [],
      publishedAt: null,
    };
    ({ result, file } = await render(empty));
  });
  afterAll(() => file?.dispose());

  it('still renders every section, saying what is missing', () => {
    expectValid(file, result);
    const text = flat(file.text());
    expect(text).toContain('Untitled tender');
    expect(text).toContain('The buyer has not provided this information.');
    expect(text).toContain('No lots or requirements have been set yet.');
    expect(text).toContain('Deadline for bids To be confirmed');
    expect(text).toContain('No clarification questions have been answered yet.');
    expect(text).toContain('There are no justified findings for this tender.');
    expect(text).toContain('The template will be added when lots have been defined.');
    expect(text).toContain('Where Anywhere in the UK');
    expect(text).not.toContain('What changed because of market engagement');
    expect(text).toContain('Why there was no market engagement We bought the same service last year and nothing has changed.');
  });

  it('renders a lot with no requirements and no evaluation model', async () => {
    const base = sampleTender();
    const lot = {
      ...base.lots[0],
      requirements: [],
      estimatedValue: null,
      evaluationModel: { ...base.lots[0].evaluationModel, criteria: [], descriptors: [] },
    };
    const { result: r, file: f } = await render({ ...base, lots: [lot], justifications: [] });
    try {
      expectValid(f, r);
      const text = flat(f.text());
      expect(text).toContain('No requirements have been set for this lot yet.');
      expect(text).toContain('The evaluation criteria have not been set yet.');
      expect(text).toContain('Price is not scored for this lot.');
    } finally {
      f.dispose();
    }
  });
});

describe('characters the embedded font lacks', () => {
  let result: RenderToBufferResult;
  let file: PdfFile;
  const title = 'Wellbeing 🦄 navigation 中文服务';

  beforeAll(async () => {
    const base = sampleTender();
    base.lots[0].requirements[0].outcome = 'People can say how they feel with emoji 👩‍👩‍👧 or 🇬🇧 flags and get help — even in 日本語.';
    ({ result, file } = await render({ ...base, title }));
  });
  afterAll(() => file?.dispose());

  it('renders without crashing and reports every replaced character', () => {
    expectValid(file, result);
    const replaced = result.substitutions.map((s) => s.text);
    expect(replaced).toEqual(expect.arrayContaining(['🦄', '中', '文', '服', '务', '👩‍👩‍👧', '🇬🇧', '日', '本', '語']));
    expect(result.substitutions.find((s) => s.text === '🦄')!.codePoints).toBe('U+1F984');
  });

  it('shows a visible stand-in glyph where the character was', () => {
    const text = flat(file.text());
    expect(text).toContain(`Wellbeing ${REPLACEMENT_GLYPH} navigation ${REPLACEMENT_GLYPH.repeat(4)}`);
    expect(text).toContain(
      `emoji ${REPLACEMENT_GLYPH} or ${REPLACEMENT_GLYPH} flags and get help — even in ${REPLACEMENT_GLYPH.repeat(3)}.`,
    );
  });

  it('keeps the original characters as ActualText for screen readers and copy-paste', () => {
    const actual = file
      .objects()
      .all()
      .filter((o) => o?.['/S'] === '/Span')
      .map((o) => pdfString(o['/ActualText']));
    expect(actual).toEqual(expect.arrayContaining(['🦄', '中', '👩‍👩‍👧', '🇬🇧', '語']));
  });

  it('keeps drawable accented and non-Latin text as it is', async () => {
    const base = sampleTender();
    base.lots[0].requirements[0].outcome = 'Zoë, Siobhán, Łukasz, Ελένη and Дмитрий pay £1,000 or €1.200 – no more — no less.';
    const { result: r, file: f } = await render(base);
    try {
      expect(r.substitutions).toEqual([]);
      expect(flat(f.text())).toContain('Zoë, Siobhán, Łukasz, Ελένη and Дмитрий pay £1,000 or €1.200 – no more — no less.');
    } finally {
      f.dispose();
    }
  });

  it('drops invisible control characters and keeps the visible text', async () => {
    const base = sampleTender();
    base.lots[0].requirements[0].outcome = 'Tabs\tand\u0007bells, soft\u00ADhyphens and zero\u200Bwidth spaces are\r\nhandled.';
    const { result: r, file: f } = await render(base);
    try {
      expect(r.substitutions).toEqual([]);
      // A tab is a space; the bell, soft hyphen and zero-width space have no visible form.
      expect(flat(f.text())).toContain('Tabs andbells, softhyphens and zerowidth spaces are handled.');
    } finally {
      f.dispose();
    }
  });
});
