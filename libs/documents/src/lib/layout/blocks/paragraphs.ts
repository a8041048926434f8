import type { StructNode } from '../display';
import { breakLines, inlineRuns, type Inline, type Run } from '../text';
import { lineOps, textUnits, type LayoutContext, type Unit } from '../unit';
import type { Block } from './block';

export type ParagraphStyle = 'body' | 'lead' | 'small' | 'secondary' | 'kicker';

export interface ParagraphOptions {
  style?: ParagraphStyle;
  /** Extra left indent in points (e.g. to align with numbered paragraph text). */
  indent?: number;
  spaceBefore?: number;
  keepWithNext?: boolean;
}

/** A paragraph of body text (or a lead, small or secondary line), optionally indented. */
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

/** A bulleted or numbered list, tagged L > LI > Lbl + LBody. */
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
