import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FontKey } from './theme';

/**
 * Embedded fonts, width measurement and glyph coverage.
 *
 * PDF/UA needs every font embedded, and tender text carries £, €, dashes and accented names, so we embed
 * DejaVu Sans (open licence, wide Latin/Greek/Cyrillic coverage) and never fall back to the 14 standard
 * PDF fonts. pdfkit subsets each face to the glyphs used.
 */

const FONT_FILES: Record<FontKey, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
};

/** Shown in place of a character the embedded font cannot draw (emoji, CJK…); the original goes in ActualText. */
export const REPLACEMENT_GLYPH = '\u25A1';

let fontBytes: Record<FontKey, Buffer> | undefined;

/** The font files, read once per process: they are immutable and ~2 MB together. */
export function fontData(): Record<FontKey, Buffer> {
  if (!fontBytes) {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fontBytes = {
      regular: readFileSync(join(dir, FONT_FILES.regular)),
      bold: readFileSync(join(dir, FONT_FILES.bold)),
      italic: readFileSync(join(dir, FONT_FILES.italic)),
      boldItalic: readFileSync(join(dir, FONT_FILES.boldItalic)),
    };
  }
  return fontBytes;
}

/** The slice of pdfkit's (untyped) embedded font object we rely on. */
interface PdfkitFont {
  widthOfString(text: string, size: number): number;
  font: { hasGlyphForCodePoint(codePoint: number): boolean };
}

/** Minimal view of a pdfkit document for font work, so layout can run against any PDFKit instance. */
export interface FontHost {
  registerFont(name: string, src: Buffer): unknown;
  font(name: string): unknown;
}

/** A character we could not draw, reported to the caller so nothing is lost silently. */
export interface Substitution {
  text: string;
  codePoints: string;
  count: number;
}

/** A stretch of text in one face; `actual` is set when `text` is a stand-in for characters the font lacks. */
export interface Piece {
  text: string;
  font: FontKey;
  actual?: string;
}

// Characters that are never drawn: C0/C1 controls (but not \n), soft hyphen, zero-width and bidi controls.
// Stripping them is not loss: they have no visible form.
const INVISIBLE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD\u200B\u200C\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
// Exotic spaces become plain spaces so that line breaking sees them; no-break spaces are kept.
const SPACES = /[\t\u1680\u2000-\u200A\u205F\u3000]/g;
// Fast path: printable ASCII and newlines need no normalisation or coverage checks.
const PLAIN = /^[\n\x20-\x7E]*$/;

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

interface FontHostInternals {
  _font: PdfkitFont | null;
}

export class FontSet {
  private readonly fonts: Partial<Record<FontKey, PdfkitFont>> = {};
  /** Width of a string at 1pt, per face. Lives for one render, so a server never accumulates words. */
  private readonly widths: Record<FontKey, Map<string, number>> = {
    regular: new Map(),
    bold: new Map(),
    italic: new Map(),
    boldItalic: new Map(),
  };
  private readonly spaces: Partial<Record<FontKey, number>> = {};
  private readonly coverage: Record<FontKey, Map<number, boolean>> = {
    regular: new Map(),
    bold: new Map(),
    italic: new Map(),
    boldItalic: new Map(),
  };
  private readonly missing = new Map<string, number>();

  constructor(private readonly host: FontHost) {
    const data = fontData();
    for (const key of Object.keys(FONT_FILES) as FontKey[]) host.registerFont(key, data[key]);
  }

  /**
   * The pdfkit font for a face, parsed on first use: parsing a face costs more than laying out a short
   * document, and most documents never use italics. Loading leaves the document's current font alone.
   */
  private face(key: FontKey): PdfkitFont {
    let f = this.fonts[key];
    if (!f) {
      const internals = this.host as unknown as FontHostInternals;
      const previous = internals._font;
      this.host.font(key);
      f = internals._font!;
      internals._font = previous;
      this.fonts[key] = f;
    }
    return f;
  }

  /** Advance width of `text` in points at `size`. */
  width(text: string, font: FontKey, size: number): number {
    const cache = this.widths[font];
    let w = cache.get(text);
    if (w === undefined) {
      // pdfkit shapes and caches text in space-terminated chunks ("word "), which is how it will draw a
      // word inside a line. Measuring the same chunk means each word is shaped by fontkit once, not twice.
      const f = this.face(font);
      w = text.endsWith(' ') ? f.widthOfString(text, 1) : f.widthOfString(text + ' ', 1) - this.spaceWidth(font);
      cache.set(text, w);
    }
    return w * size;
  }

  /** Width of a space at 1pt. */
  spaceWidth(font: FontKey): number {
    let w = this.spaces[font];
    if (w === undefined) {
      w = this.face(font).widthOfString(' ', 1);
      this.spaces[font] = w;
    }
    return w;
  }

  /** Characters replaced so far, in order of first appearance. */
  substitutions(): Substitution[] {
    return [...this.missing].map(([text, count]) => ({
      text,
      codePoints: [...text].map((c) => 'U+' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join(' '),
      count,
    }));
  }

  /**
   * Makes author text safe to draw: strips invisible controls, folds exotic spaces, composes accents
   * (NFC) so "é" is one glyph. Returns the text with `\n` kept as the only line break.
   */
  normalise(text: string): string {
    if (PLAIN.test(text)) return text;
    return text.replace(/\r\n?/g, '\n').replace(SPACES, ' ').replace(INVISIBLE, '').normalize('NFC');
  }

  /**
   * Splits a word into pieces the font can draw. Each grapheme cluster the face lacks (an emoji with its
   * modifiers, a CJK character) becomes one visible REPLACEMENT_GLYPH whose `actual` keeps the original,
   * so copy-paste and screen readers still get the real text.
   */
  pieces(word: string, font: FontKey, record = true): Piece[] {
    if (this.canDraw(word, font)) return [{ text: word, font }];
    const out: Piece[] = [];
    let plain = '';
    for (const { segment } of segmenter.segment(word)) {
      if (this.covers(segment, font)) {
        plain += segment;
        continue;
      }
      const drawable = this.stripUnsupportedModifiers(segment, font);
      if (drawable !== null) {
        plain += drawable;
        continue;
      }
      if (plain) out.push({ text: plain, font });
      plain = '';
      out.push({ text: REPLACEMENT_GLYPH, font, actual: segment });
      if (record) this.missing.set(segment, (this.missing.get(segment) ?? 0) + 1);
    }
    if (plain) out.push({ text: plain, font });
    return out;
  }

  /** Text safe to draw as decoration (running heads): normalised, with stand-ins for missing glyphs. */
  drawable(text: string, font: FontKey): string {
    const clean = this.normalise(text).replace(/\n/g, ' ');
    return this.pieces(clean, font, false)
      .map((p) => p.text)
      .join('');
  }

  /** True when the face has a glyph for every character of `text` (the common case, checked first). */
  canDraw(text: string, font: FontKey): boolean {
    return PLAIN.test(text) || this.covers(text, font);
  }

  private covers(text: string, font: FontKey): boolean {
    const cache = this.coverage[font];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x7f) continue;
      let ok = cache.get(cp);
      if (ok === undefined) {
        ok = this.face(font).font.hasGlyphForCodePoint(cp);
        cache.set(cp, ok);
      }
      if (!ok) return false;
    }
    return true;
  }

  /**
   * "❤️" is a drawable heart plus an emoji-presentation selector the font lacks: drop the selector (and a
   * joiner) rather than replace the whole cluster. Returns null when a real character is still missing.
   */
  private stripUnsupportedModifiers(cluster: string, font: FontKey): string | null {
    const stripped = cluster.replace(/[\uFE0E\uFE0F\u200D]/g, '');
    if (stripped === cluster || stripped.length === 0) return null;
    return [...stripped].length === 1 && this.covers(stripped, font) ? stripped : null;
  }
}
