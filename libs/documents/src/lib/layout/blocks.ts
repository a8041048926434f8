import { type Op, type StructNode, type StructType, type TextOp } from './display';
import { breakLines, inlineRuns, inlineText, type Inline, type Run, type TextLine } from './text';
import { COLOURS, type TextStyle } from './theme';
import { lineOps, linesToUnits, textTop, textUnits, type LayoutContext, type Unit } from './unit';

/**
 * The building blocks. Each block knows how to turn itself into units (lines, rows) under a structure
 * node; pagination, tagging and painting are shared. A tender pack, an evaluation report or an assessment
 * summary is just a different list of these.
 */
export interface Block {
  layout(ctx: LayoutContext, parent: StructNode): Unit[];
  /**
   * The block's text in reading order with its emphasis, without layout (plain-text export, search
   * indexing, and the benchmark floor, which writes the same runs with plain pdfkit).
   */
  textRuns(): Run[];
}

export type HeadingLevel = 1 | 2 | 3;

export interface HeadingOptions {
  /** List the heading in the contents (default: levels 1 and 2). */
  toc?: boolean;
  /** Add a bookmark (outline entry) (default: levels 1 and 2). */
  bookmark?: boolean;
  /** Use the large title style (cover pages); still tagged as a heading of `level`. */
  display?: boolean;
  /** Start the heading on a new page. */
  newPage?: boolean;
}

export class HeadingBlock implements Block {
  /** Filled in by PdfLayout before layout, so the contents can refer to it. */
  id = '';

  constructor(
    readonly level: HeadingLevel,
    readonly text: string,
    readonly options: HeadingOptions = {},
  ) {}

  textRuns(): Run[] {
    return [{ text: this.text, bold: true }];
  }

  get inToc(): boolean {
    return this.options.toc ?? this.level <= 2;
  }

  layout(ctx: LayoutContext, parent: StructNode): Unit[] {
    const { theme } = ctx;
    const style = this.options.display ? theme.styles.display : theme.styles[`h${this.level}`];
    const space = this.options.display ? theme.spacing.display : theme.spacing[`h${this.level}`];
    const node = parent.child(`H${this.level}` as StructType);
    const units = textUnits(ctx, this.text, style, ctx.left, ctx.width, node, {
      spaceBefore: space,
      keepTogether: true,
      // Keep-with-next: the heading's last line chains to the first lines of what follows (which keep
      // with each other through orphan control), so a heading is never left alone at the foot of a page.
      keepLastWithNext: true,
    });
    if (units.length === 0) return [];
    units[0].ops.unshift({
      k: 'a',
      y: 0,
      id: this.id,
      title: ctx.fonts.normalise(this.text),
      level: this.level,
      bookmark: this.options.bookmark ?? this.level <= 2,
    });
    if (this.options.newPage) units[0].breakBefore = true;
    // A short rule under top-level headings gives sections a clear start, as on GOV.UK guidance pages.
    if (this.level === 1 && !this.options.display) {
      const last = units[units.length - 1];
      last.height += 6;
      last.ops.push({ k: 'r', x: ctx.left, y: last.height - 2.5, w: 40, h: 2.5, color: COLOURS.brand });
    }
    return units;
  }
}

export type ParagraphStyle = 'body' | 'lead' | 'small' | 'secondary' | 'kicker';

export interface ParagraphOptions {
  style?: ParagraphStyle;
  /** Extra left indent in points (e.g. to align with numbered paragraph text). */
  indent?: number;
  spaceBefore?: number;
  keepWithNext?: boolean;
}

export class ParagraphBlock implements Block {
  constructor(
    readonly content: Inline,
    readonly options: ParagraphOptions = {},
  ) {}

  textRuns(): Run[] {
    return inlineRuns(this.content);
  }

  layout(ctx: LayoutContext, parent: StructNode): Unit[] {
    const style = ctx.theme.styles[this.options.style ?? 'body'];
    const indent = this.options.indent ?? 0;
    return textUnits(ctx, this.content, style, ctx.left + indent, ctx.width - indent, parent.child('P'), {
      spaceBefore: this.options.spaceBefore ?? ctx.theme.spacing.paragraph,
      keepLastWithNext: this.options.keepWithNext,
    });
  }
}

/**
 * A paragraph with its number in a left gutter ("1.3  The service…"), so responses can cite it. The
 * number is part of the paragraph's tagged text, so it is also read out first.
 */
export class NumberedParagraphBlock implements Block {
  constructor(
    readonly number: string,
    readonly content: Inline,
    readonly options: { keepWithNext?: boolean; spaceBefore?: number } = {},
  ) {}

  textRuns(): Run[] {
    return [{ text: this.number, bold: true }, ...inlineRuns(this.content)];
  }

  layout(ctx: LayoutContext, parent: StructNode): Unit[] {
    const { theme } = ctx;
    const style = theme.styles.body;
    const gutter = theme.numberGutter;
    const node = parent.child('P');
    const units = textUnits(ctx, this.content, style, ctx.left + gutter, ctx.width - gutter, node, {
      spaceBefore: this.options.spaceBefore ?? theme.spacing.paragraph,
      keepLastWithNext: this.options.keepWithNext,
    });
    if (units.length === 0) return [];
    const label = breakLines([{ text: this.number, bold: true }], style, gutter * 2, ctx.fonts)[0];
    // The space keeps "1.3" and the first word apart in extracted and spoken text.
    label.segments[label.segments.length - 1].text += ' ';
    units[0].ops.unshift(...lineOps(label, style, ctx.left, node));
    return units;
  }
}

export class ListBlock implements Block {
  constructor(
    readonly items: Inline[],
    readonly options: { ordered?: boolean; indent?: number } = {},
  ) {}

  textRuns(): Run[] {
    return this.items.flatMap(inlineRuns);
  }

  layout(ctx: LayoutContext, parent: StructNode): Unit[] {
    const { theme } = ctx;
    const style = theme.styles.body;
    const indent = this.options.indent ?? 0;
    const textX = ctx.left + indent + theme.listIndent;
    const list = parent.child('L');
    if (this.options.ordered) list.attributes = { O: 'List', ListNumbering: 'Decimal' };
    else list.attributes = { O: 'List', ListNumbering: 'Disc' };
    const units: Unit[] = [];
    this.items.forEach((item, i) => {
      const li = list.child('LI');
      const lbl = li.child('Lbl');
      const body = li.child('LBody');
      const itemUnits = textUnits(ctx, item, style, textX, ctx.width - indent - theme.listIndent, body, {
        spaceBefore: i === 0 ? theme.spacing.list : theme.spacing.listItem,
      });
      if (itemUnits.length === 0) return;
      const marker = this.options.ordered ? `${i + 1}.` : '\u2022';
      const label = breakLines(marker, style, theme.listIndent * 2, ctx.fonts)[0];
      itemUnits[0].ops.unshift(...lineOps(label, style, ctx.left + indent, lbl));
      units.push(...itemUnits);
    });
    return units;
  }
}

export interface TableColumn {
  header: string;
  /** Relative width (default 1). */
  width?: number;
  align?: 'left' | 'right';
}

export interface TableOptions {
  /** A visible caption, tagged as the table's Caption. */
  caption?: string;
  /** Draw and tag the column headers (default true). */
  headerRow?: boolean;
  /** The first cell of each row heads that row (tagged TH with Scope Row). */
  rowHeaders?: boolean;
}

/** Rows taller than this are split into one unit per line so they can cross a page break. */
const MAX_UNSPLIT_ROW = 150;

interface CellLayout {
  node: StructNode;
  lines: TextLine[];
  style: TextStyle;
  x: number;
  width: number;
  align: 'left' | 'right';
}

export class TableBlock implements Block {
  constructor(
    readonly columns: TableColumn[],
    readonly rows: Inline[][],
    readonly options: TableOptions = {},
  ) {}

  textRuns(): Run[] {
    const runs: Run[] = [];
    if (this.options.caption) runs.push({ text: this.options.caption, bold: true });
    if (this.options.headerRow ?? true) for (const c of this.columns) runs.push({ text: c.header, bold: true });
    for (const row of this.rows) for (const cell of row) runs.push(...inlineRuns(cell));
    return runs;
  }

  layout(ctx: LayoutContext, parent: StructNode): Unit[] {
    const { theme } = ctx;
    if (this.rows.length === 0) return [];
    const table = parent.child('Table');
    const units: Unit[] = [];
    const total = this.columns.reduce((s, c) => s + (c.width ?? 1), 0);
    const xs: number[] = [];
    const ws: number[] = [];
    let x = ctx.left;
    for (const c of this.columns) {
      const w = (ctx.width * (c.width ?? 1)) / total;
      xs.push(x);
      ws.push(w);
      x += w;
    }
    if (this.options.caption) {
      const caption = textUnits(ctx, this.options.caption, theme.styles.h3, ctx.left, ctx.width, table.child('Caption'), {
        spaceBefore: theme.spacing.table,
        keepTogether: true,
        keepLastWithNext: true,
      });
      units.push(...caption);
    }
    let header: Unit[] = [];
    if (this.options.headerRow ?? true) {
      const tr = table.child('THead').child('TR');
      const cells = this.columns.map((c, i) => this.cell(ctx, tr, 'TH', c.header, theme.styles.tableHeader, xs[i], ws[i], c.align, 'Column'));
      header = this.rowUnits(ctx, cells, true);
      header.forEach((u) => (u.keepWithNext = true));
    }
    const body = table.child('TBody');
    const bodyUnits: Unit[] = [];
    for (const row of this.rows) {
      const tr = body.child('TR');
      const cells = this.columns.map((c, i) => {
        const isRowHeader = i === 0 && !!this.options.rowHeaders;
        const style = isRowHeader ? theme.styles.tableHeader : theme.styles.tableCell;
        return this.cell(ctx, tr, isRowHeader ? 'TH' : 'TD', row[i] ?? '', style, xs[i], ws[i], c.align, isRowHeader ? 'Row' : undefined);
      });
      bodyUnits.push(...this.rowUnits(ctx, cells, false));
    }
    if (header.length > 0) {
      // Pagination moves the header's own ops onto the page, so the repeat works from an untouched copy.
      const repeat = header.map((u) => ({ ...u, ops: u.ops.map((op) => ({ ...op })) }));
      for (const u of bodyUnits) u.repeatOnBreak = repeat;
    }
    const all = [...units, ...header, ...bodyUnits];
    all[0].spaceBefore = theme.spacing.table;
    return all;
  }

  private cell(
    ctx: LayoutContext,
    tr: StructNode,
    type: 'TH' | 'TD',
    content: Inline,
    style: TextStyle,
    x: number,
    width: number,
    align: 'left' | 'right' = 'left',
    scope?: 'Row' | 'Column',
  ): CellLayout {
    const pad = ctx.theme.table.cellPaddingX;
    const node = tr.child(type);
    node.reentrant = true;
    if (scope) node.attributes = { O: 'Table', Scope: scope };
    const lines = breakLines(content, style, width - 2 * pad, ctx.fonts);
    return { node, lines, style, x: x + pad, width: width - 2 * pad, align };
  }

  private cellLineOps(cell: CellLayout, i: number, y: number): Op[] {
    const line = cell.lines[i];
    if (!line) return [];
    const dx = cell.align === 'right' ? cell.width - line.width : 0;
    const ops = lineOps(line, cell.style, cell.x + dx, cell.node);
    for (const op of ops) op.y += y;
    return ops;
  }

  private rowUnits(ctx: LayoutContext, cells: CellLayout[], isHeader: boolean): Unit[] {
    const { cellPaddingY: padY } = ctx.theme.table;
    const leading = Math.max(...cells.map((c) => c.style.leading));
    const count = Math.max(1, ...cells.map((c) => c.lines.length));
    const height = count * leading + 2 * padY;
    const rule = (y: number): Op => ({
      k: 'l',
      x1: ctx.left,
      y1: y,
      x2: ctx.left + ctx.width,
      y2: y,
      width: isHeader ? 1 : 0.5,
      color: isHeader ? COLOURS.borderStrong : COLOURS.border,
    });
    // Empty cells still need their TD in the structure tree so columns line up for screen readers.
    const touch = (c: CellLayout): Op[] => (c.lines.length === 0 ? [{ k: 'n', y: 0, node: c.node }] : []);
    if (height <= MAX_UNSPLIT_ROW) {
      const ops: Op[] = [];
      if (isHeader) ops.push({ k: 'r', x: ctx.left, y: 0, w: ctx.width, h: height, color: COLOURS.panel });
      ops.push(rule(height));
      for (const c of cells) {
        ops.push(...touch(c));
        for (let i = 0; i < c.lines.length; i++) ops.push(...this.cellLineOps(c, i, padY + i * c.style.leading));
      }
      return [{ height, spaceBefore: 0, keepWithNext: false, ops }];
    }
    const bands: Unit[] = [];
    for (let i = 0; i < count; i++) {
      const top = i === 0 ? padY : 0;
      const h = leading + top + (i === count - 1 ? padY : 0);
      const ops: Op[] = [];
      for (const c of cells) {
        if (i === 0) ops.push(...touch(c));
        ops.push(...this.cellLineOps(c, i, top));
      }
      if (i === count - 1) ops.push(rule(h));
      bands.push({ height: h, spaceBefore: 0, keepWithNext: i === 0 || (i >= count - 2 && i < count - 1), ops });
    }
    return bands;
  }
}

/** Label/value rows (cover details, lot facts), tagged as a table whose row headers are the labels. */
export class KeyValueTableBlock implements Block {
  private readonly table: TableBlock;

  constructor(rows: [Inline, Inline][], options: { caption?: string; labelWidth?: number } = {}) {
    const label = options.labelWidth ?? 1;
    this.table = new TableBlock(
      [
        { header: 'Item', width: label },
        { header: 'Detail', width: 3 - label },
      ],
      rows,
      { caption: options.caption, headerRow: false, rowHeaders: true },
    );
  }

  textRuns(): Run[] {
    return this.table.textRuns();
  }

  layout(ctx: LayoutContext, parent: StructNode): Unit[] {
    return this.table.layout(ctx, parent);
  }
}

export type CalloutKind = 'info' | 'warning' | 'important' | 'success';

const CALLOUT_COLOURS: Record<CalloutKind, { bar: string; tint: string }> = {
  info: { bar: COLOURS.brand, tint: COLOURS.infoTint },
  warning: { bar: COLOURS.warning, tint: COLOURS.warningTint },
  important: { bar: COLOURS.important, tint: COLOURS.importantTint },
  success: { bar: COLOURS.success, tint: COLOURS.successTint },
};

/** A tinted panel with a coloured bar: notes, warnings, "how to use this pack". */
export class CalloutBlock implements Block {
  constructor(
    readonly kind: CalloutKind,
    readonly paragraphs: Inline[],
    readonly options: { title?: string } = {},
  ) {}

  textRuns(): Run[] {
    return [...(this.options.title ? [{ text: this.options.title, bold: true }] : []), ...this.paragraphs.flatMap(inlineRuns)];
  }

  layout(ctx: LayoutContext, parent: StructNode): Unit[] {
    const { theme } = ctx;
    const { barWidth, padding } = theme.callout;
    const colours = CALLOUT_COLOURS[this.kind];
    const div = parent.child('Div');
    const x = ctx.left + barWidth + padding;
    const width = ctx.width - barWidth - 2 * padding;
    const units: Unit[] = [];
    const add = (inline: Inline, style: TextStyle, gap: number) => {
      const lines = breakLines(inline, style, width, ctx.fonts);
      // Gaps inside the panel are part of unit heights (not spaceBefore) so the tint has no holes.
      linesToUnits(lines, style, x, div.child('P')).forEach((u, i) => {
        if (i === 0 && gap > 0) {
          u.height += gap;
          for (const op of u.ops) if (op.k === 't') op.y += gap;
        }
        units.push(u);
      });
    };
    if (this.options.title) add(this.options.title, { ...theme.styles.body, font: 'bold' }, 0);
    this.paragraphs.forEach((p, i) => add(p, theme.styles.body, units.length > 0 || i > 0 ? 6 : 0));
    if (units.length === 0) return [];
    units[0].height += padding;
    for (const op of units[0].ops) if (op.k === 't') op.y += padding;
    units[units.length - 1].height += padding;
    const short = units.length <= 8;
    units.forEach((u, i) => {
      u.ops.unshift(
        { k: 'r', x: ctx.left, y: 0, w: ctx.width, h: u.height, color: colours.tint },
        { k: 'r', x: ctx.left, y: 0, w: barWidth, h: u.height, color: colours.bar },
      );
      u.keepWithNext = i < units.length - 1 && (short || i === 0 || i >= units.length - 2);
    });
    units[0].spaceBefore = theme.spacing.callout;
    return units;
  }
}

/** A horizontal bar (e.g. the brand stripe on a cover). Decorative: painted as an artifact. */
export class RuleBlock implements Block {
  constructor(readonly options: { thickness?: number; color?: string; spaceBefore?: number; spaceAfter?: number } = {}) {}

  textRuns(): Run[] {
    return [];
  }

  layout(ctx: LayoutContext): Unit[] {
    const t = this.options.thickness ?? 1;
    return [
      {
        height: t + (this.options.spaceAfter ?? 0),
        spaceBefore: this.options.spaceBefore ?? 0,
        keepWithNext: false,
        ops: [{ k: 'r', x: ctx.left, y: 0, w: ctx.width, h: t, color: this.options.color ?? COLOURS.border }],
      },
    ];
  }
}

export class PageBreakBlock implements Block {
  textRuns(): Run[] {
    return [];
  }

  layout(): Unit[] {
    return [{ height: 0, spaceBefore: 0, keepWithNext: false, breakBefore: true, ops: [] }];
  }
}

export class SpacerBlock implements Block {
  constructor(readonly height: number) {}

  textRuns(): Run[] {
    return [];
  }

  layout(): Unit[] {
    return [{ height: 0, spaceBefore: this.height, keepWithNext: false, ops: [] }];
  }
}

/** A group of blocks under one structure element (Sect for a section, Div for a requirement…). */
export class GroupBlock implements Block {
  constructor(
    readonly type: 'Sect' | 'Div',
    readonly children: Block[],
  ) {}

  textRuns(): Run[] {
    return this.children.flatMap((b) => b.textRuns());
  }

  layout(ctx: LayoutContext, parent: StructNode): Unit[] {
    const node = parent.child(this.type);
    const units: Unit[] = [];
    for (const block of this.children) for (const unit of block.layout(ctx, node)) units.push(unit);
    return units;
  }
}

/**
 * The contents: every heading marked for the contents, with its page number (resolved after layout,
 * painted right-aligned) and a link to it. Tagged TOC > TOCI > Reference > Link.
 */
export class ContentsBlock implements Block {
  /** Entries are only known to the layout; PdfLayout.textRuns() lists them. */
  textRuns(): Run[] {
    return [];
  }

  layout(ctx: LayoutContext, parent: StructNode): Unit[] {
    const { theme } = ctx;
    const toc = parent.child('TOC');
    const numberColumn = 44;
    const units: Unit[] = [];
    ctx.toc.forEach((entry, i) => {
      const indent = entry.level > 1 ? 16 * (entry.level - 1) : 0;
      const style: TextStyle =
        entry.level === 1 ? { ...theme.styles.body, font: 'bold', color: COLOURS.link } : { ...theme.styles.body, color: COLOURS.link };
      const link = toc.child('TOCI').child('Reference').child('Link');
      link.linkTo = entry.id;
      const x = ctx.left + indent;
      const entryUnits = textUnits(ctx, entry.title, style, x, ctx.width - indent - numberColumn, link, {
        spaceBefore: i === 0 ? theme.spacing.paragraph : entry.level === 1 ? 9 : 3,
        keepTogether: true,
      });
      if (entryUnits.length === 0) return;
      const last = entryUnits[entryUnits.length - 1];
      const page: TextOp = {
        k: 't',
        x: ctx.left + ctx.width,
        y: textTop(style),
        text: '',
        font: style.font,
        size: style.size,
        color: COLOURS.text,
        node: link,
        pageOf: entry.id,
      };
      last.ops.push(page);
      const height = entryUnits.length * style.leading;
      entryUnits[0].ops.push({ k: 'link', x, y: 0, w: ctx.left + ctx.width - x, h: height, node: link, contents: `Go to ${inlineText(entry.title)}` });
      units.push(...entryUnits);
    });
    return units;
  }
}
