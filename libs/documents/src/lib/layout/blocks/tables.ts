import type { Op, StructNode } from '../display';
import { breakLines, inlineRuns, type Inline, type Run, type TextLine } from '../text';
import { COLOURS, type TextStyle } from '../theme';
import { lineOps, textUnits, type LayoutContext, type Unit } from '../unit';
import type { Block } from './block';

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

/**
 * A table with a header row (repeated, as decoration, on each page the table continues onto), horizontal
 * rules only, right-aligned numeric columns, and tall rows split line by line across pages.
 */
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
      const cells = this.columns.map((c, i) =>
        this.cell(ctx, tr, 'TH', c.header, theme.styles.tableHeader, xs[i], ws[i], c.align, 'Column'),
      );
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
