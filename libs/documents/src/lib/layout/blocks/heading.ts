import type { StructNode, StructType } from '../display';
import type { Run } from '../text';
import { COLOURS } from '../theme';
import { textUnits, type LayoutContext, type Unit } from '../unit';
import type { Block } from './block';

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

/** A heading (tagged H1–H3), listed in the contents and bookmarks, kept with the text that follows it. */
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
