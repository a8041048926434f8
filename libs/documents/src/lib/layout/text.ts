import type { FontSet, Piece } from './fonts';
import type { FontKey, TextStyle } from './theme';

/**
 * Line breaking. We break lines ourselves (rather than letting pdfkit wrap while drawing) because the
 * layout pass has to know every line's position before anything is written: that is what lets a heading
 * stay with the text after it, lets the contents page show page numbers, and lets the footer say
 * "page X of Y" while the file still streams out page by page.
 */

/** A stretch of inline text with its own emphasis. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

/** Inline content: plain text, or runs for mixed emphasis ("**Why it matters:** because…"). */
export type Inline = string | readonly Run[];

/** Part of a laid-out line drawn in one face and colour, `dx` from the line's left edge. */
export interface LineSegment {
  dx: number;
  text: string;
  font: FontKey;
  color: string;
  /** Set when `text` stands in for characters the font cannot draw. */
  actual?: string;
}

export interface TextLine {
  width: number;
  segments: LineSegment[];
}

interface WordPiece extends Piece {
  color: string;
  width: number;
}

interface Word {
  pieces: WordPiece[];
  width: number;
  /** Width of the space that follows the word, in its last face. */
  space: number;
  /** A forced line break (from "\n") comes before this word. */
  breakBefore: boolean;
  /** Part of a longer word cut to fit: the next part follows with no space. */
  cut?: boolean;
}

const SEPARATORS = /([ \n])/;

export function inlineRuns(inline: Inline): Run[] {
  return typeof inline === 'string' ? [{ text: inline }] : [...inline];
}

export function inlineText(inline: Inline): string {
  return typeof inline === 'string' ? inline : inline.map((r) => r.text).join('');
}

export function isBlank(inline: Inline | null | undefined): boolean {
  return inline == null || inlineText(inline).trim() === '';
}

function faceFor(base: FontKey, run: Run): FontKey {
  const bold = run.bold ?? (base === 'bold' || base === 'boldItalic');
  const italic = run.italic ?? (base === 'italic' || base === 'boldItalic');
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

function toWords(inline: Inline, style: TextStyle, fonts: FontSet): Word[] {
  const runs: readonly Run[] = typeof inline === 'string' ? [{ text: inline }] : inline;
  const words: Word[] = [];
  let current: Word | null = null;
  let breakPending = false;
  for (const run of runs) {
    const font = faceFor(style.font, run);
    const color = run.color ?? style.color;
    const size = style.size;
    const space = fonts.spaceWidth(font) * size;
    const text = fonts.normalise(run.text);
    // One coverage check per run instead of per word: almost all text is drawable as it is.
    const drawable = fonts.canDraw(text, font);
    // Split on spaces and newlines but keep them as separators; a run boundary inside a word glues pieces.
    for (const part of text.split(SEPARATORS)) {
      if (part === '') continue;
      if (part === ' ') {
        current = null;
        continue;
      }
      if (part === '\n') {
        current = null;
        breakPending = true;
        continue;
      }
      if (!current) {
        current = { pieces: [], width: 0, space: 0, breakBefore: breakPending };
        breakPending = false;
        words.push(current);
      }
      // Objects are built field by field: spreading them was the hottest line of a render (V8 slow path).
      if (drawable || fonts.canDraw(part, font)) {
        const width = fonts.width(part, font, size);
        current.pieces.push({ text: part, font, color, width });
        current.width += width;
      } else {
        for (const piece of fonts.pieces(part, font)) {
          const width = fonts.width(piece.text, font, size);
          const wp: WordPiece = { text: piece.text, font, color, width };
          if (piece.actual) wp.actual = piece.actual;
          current.pieces.push(wp);
          current.width += width;
        }
      }
      current.space = space;
    }
  }
  return words;
}

/** Cuts a word wider than the line (a URL, a run of digits) into chunks that fit, character by character. */
function splitLongWord(word: Word, maxWidth: number, size: number, fonts: FontSet): Word[] {
  const out: Word[] = [];
  let chunk: Word = { pieces: [], width: 0, space: word.space, breakBefore: word.breakBefore };
  const push = (p: WordPiece) => {
    const last = chunk.pieces[chunk.pieces.length - 1];
    if (last && !last.actual && !p.actual && last.font === p.font && last.color === p.color) {
      last.text += p.text;
      last.width += p.width;
    } else {
      chunk.pieces.push({ ...p });
    }
    chunk.width += p.width;
  };
  for (const piece of word.pieces) {
    const units = piece.actual ? [piece.text] : [...piece.text];
    for (const unit of units) {
      const width = piece.actual ? piece.width : fonts.width(unit, piece.font, size);
      if (chunk.width + width > maxWidth && chunk.pieces.length > 0) {
        out.push(chunk);
        chunk = { pieces: [], width: 0, space: word.space, breakBefore: false };
      }
      push({ ...piece, text: unit, width });
    }
  }
  if (chunk.pieces.length > 0) out.push(chunk);
  for (let i = 0; i < out.length - 1; i++) out[i].cut = true;
  return out;
}

/**
 * Greedy, left-aligned line breaking at spaces (GOV.UK text is ragged-right; justification hurts
 * readability for dyslexic readers). Each wrapped line keeps its trailing space so text extraction and
 * screen readers do not run the last word of one line into the first of the next.
 */
export function breakLines(inline: Inline, style: TextStyle, maxWidth: number, fonts: FontSet): TextLine[] {
  const words = toWords(inline, style, fonts);
  const lines: Word[][] = [];
  let line: Word[] = [];
  let width = 0;
  const flush = () => {
    lines.push(line);
    line = [];
    width = 0;
  };
  const place = (word: Word) => {
    const prev = line[line.length - 1];
    const needed = prev ? width + prev.space + word.width : word.width;
    if (prev && needed > maxWidth) {
      flush();
      width = word.width;
    } else {
      width = needed;
    }
    line.push(word);
  };
  for (const word of words) {
    if (word.breakBefore && (line.length > 0 || lines.length > 0)) flush();
    if (word.width > maxWidth) for (const part of splitLongWord(word, maxWidth, style.size, fonts)) place(part);
    else place(word);
  }
  if (line.length > 0) flush();
  // No trailing space after a hard break or inside a word cut across lines (a URL must copy intact).
  return lines.map((ws, i) => toLine(ws, i < lines.length - 1 && !nextStartsWithBreak(lines, i) && !ws[ws.length - 1].cut));
}

function nextStartsWithBreak(lines: Word[][], i: number): boolean {
  return lines[i + 1]?.[0]?.breakBefore ?? false;
}

/** Merges a line's words into as few drawable segments as possible: one per change of face or colour. */
function toLine(words: Word[], trailingSpace: boolean): TextLine {
  const segments: LineSegment[] = [];
  let x = 0;
  let open: LineSegment | null = null;
  words.forEach((word, wi) => {
    // The space between words is drawn (not just skipped over) so extracted text keeps it.
    let gap = 0;
    if (wi > 0) {
      gap = words[wi - 1].space;
      if (open) open.text += ' ';
      x += gap;
    }
    let spaceOwed = wi > 0 && !open;
    for (const p of word.pieces) {
      if (open && !p.actual && open.font === p.font && open.color === p.color) {
        open.text += p.text;
      } else {
        if (spaceOwed) segments.push({ dx: x - gap, text: ' ', font: p.font, color: p.color });
        const segment: LineSegment = { dx: x, text: p.text, font: p.font, color: p.color };
        segments.push(segment);
        if (p.actual) {
          segment.actual = p.actual;
          open = null;
        } else {
          open = segment;
        }
      }
      spaceOwed = false;
      x += p.width;
    }
  });
  if (trailingSpace && segments.length > 0) {
    const last = segments[segments.length - 1];
    if (!last.actual) last.text += ' ';
    else segments.push({ dx: x, text: ' ', font: last.font, color: last.color });
  }
  return { width: x, segments };
}
