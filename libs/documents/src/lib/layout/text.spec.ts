import PDFDocument from 'pdfkit';
import { FontSet, REPLACEMENT_GLYPH } from './fonts';
import { breakLines } from './text';
import { defaultTheme } from './theme';

const fonts = new FontSet(new PDFDocument());
const style = defaultTheme().styles.body;
const text = (lines: ReturnType<typeof breakLines>) => lines.map((l) => l.segments.map((s) => s.text).join(''));

describe('line breaking', () => {
  it('fills lines greedily, keeps a trailing space on wrapped lines, and never exceeds the width', () => {
    const lines = breakLines('The service is available in every one of the six neighbourhoods at least one day a week.', style, 150, fonts);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(150);
    expect(
      text(lines)
        .slice(0, -1)
        .every((t) => t.endsWith(' ')),
    ).toBe(true);
    expect(text(lines).join('')).toBe('The service is available in every one of the six neighbourhoods at least one day a week.');
  });

  it('honours hard line breaks and collapses runs of spaces', () => {
    expect(text(breakLines('Line one\nLine   two', style, 400, fonts))).toEqual(['Line one', 'Line two']);
  });

  it('cuts a word longer than the line into pieces that fit', () => {
    const lines = breakLines('x'.repeat(400), style, 100, fonts);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(100);
    expect(text(lines).join('')).toBe('x'.repeat(400));
  });

  it('keeps emphasis as separate segments on one line', () => {
    const [line] = breakLines([{ text: 'Why it matters: ', bold: true }, { text: 'waits.' }], style, 400, fonts);
    expect(line.segments.map((s) => [s.text, s.font])).toEqual([
      ['Why it matters: ', 'bold'],
      ['waits.', 'regular'],
    ]);
    expect(line.segments[1].dx).toBeGreaterThan(0);
  });

  it('replaces characters the font lacks with a visible glyph that remembers the original', () => {
    const [line] = breakLines('Hi 🦄!', style, 400, fonts);
    const stand = line.segments.find((s) => s.actual);
    expect(stand).toMatchObject({ text: REPLACEMENT_GLYPH, actual: '🦄' });
    expect(text([line])[0]).toBe(`Hi ${REPLACEMENT_GLYPH}!`);
    expect(fonts.substitutions()).toEqual([{ text: '🦄', codePoints: 'U+1F984', count: 1 }]);
  });

  it('returns no lines for empty text', () => {
    expect(breakLines('', style, 100, fonts)).toEqual([]);
    expect(breakLines('   ', style, 100, fonts)).toEqual([]);
  });
});
