import type { FontSet } from './fonts';
import { type Op, type StructNode, type TextOp } from './display';
import { breakLines, type Inline, type TextLine } from './text';
import type { TextStyle, Theme } from './theme';

/**
 * A unit is the smallest thing pagination moves: usually one line of text, one table row, or one band
 * of a tall row. Pagination may break the page between two units unless the first says keepWithNext —
 * that one flag gives headings their keep-with-next, paragraphs their orphan/widow control and tables
 * their header-stays-with-first-row rule.
 */
export interface Unit {
  height: number;
  /** Space above the unit; dropped when the unit starts a page. */
  spaceBefore: number;
  keepWithNext: boolean;
  /** Start a new page before this unit (unless the page is still empty). */
  breakBefore?: boolean;
  /** Ops positioned relative to the unit's top edge (x is absolute). */
  ops: Op[];
  /** Drawn again, as decoration, above this unit when it starts a continuation page (a table's header row). */
  repeatOnBreak?: Unit[];
}

/** What a block needs to lay itself out. */
export interface LayoutContext {
  fonts: FontSet;
  theme: Theme;
  /** Left edge and width of the text column. */
  left: number;
  width: number;
  /** Headings that appear in the contents, known before layout so the contents' length is too. */
  toc: TocEntry[];
}

export interface TocEntry {
  id: string;
  level: number;
  title: string;
}

/** DejaVu Sans ascent + descent as a fraction of the font size (1901 + 483 units of 2048). */
const GLYPH_BOX = 2384 / 2048;

/** Offset from a line box's top to where pdfkit should place the text so the glyphs sit centred in it. */
export function textTop(style: TextStyle): number {
  return (style.leading - GLYPH_BOX * style.size) / 2;
}

export interface LineUnitOptions {
  spaceBefore?: number;
  /** Lines kept together at the start and end of a text broken across pages. */
  orphans?: number;
  widows?: number;
  /** The last line keeps with whatever follows (headings). */
  keepLastWithNext?: boolean;
  /** Keep every line together (short headings, callout titles). */
  keepTogether?: boolean;
}

/** Ops for one laid-out line with its top at y = 0. */
export function lineOps(line: TextLine, style: TextStyle, x: number, node: StructNode | undefined): TextOp[] {
  const top = textTop(style);
  return line.segments.map((s) => {
    const op: TextOp = { k: 't', x: x + s.dx, y: top, text: s.text, font: s.font, size: style.size, color: s.color };
    if (node && s.actual) {
      // A stand-in glyph gets its own Span carrying the original text, so readers get "🦄", not "□".
      const span = node.child('Span');
      span.actual = s.actual;
      op.node = span;
    } else if (node) {
      op.node = node;
    }
    return op;
  });
}

/** Turns lines into units with orphan/widow control. */
export function linesToUnits(lines: TextLine[], style: TextStyle, x: number, node: StructNode, options: LineUnitOptions = {}): Unit[] {
  const orphans = options.orphans ?? 2;
  const widows = options.widows ?? 2;
  const n = lines.length;
  return lines.map((line, i) => ({
    height: style.leading,
    spaceBefore: i === 0 ? (options.spaceBefore ?? 0) : 0,
    keepWithNext: i === n - 1 ? !!options.keepLastWithNext : !!options.keepTogether || i < orphans - 1 || i >= n - widows,
    ops: lineOps(line, style, x, node),
  }));
}

/** Convenience: break inline text and turn it into units in one go. */
export function textUnits(
  ctx: LayoutContext,
  inline: Inline,
  style: TextStyle,
  x: number,
  width: number,
  node: StructNode,
  options: LineUnitOptions = {},
): Unit[] {
  return linesToUnits(breakLines(inline, style, width, ctx.fonts), style, x, node, options);
}
