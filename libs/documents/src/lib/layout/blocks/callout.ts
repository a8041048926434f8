import type { StructNode } from '../display';
import { breakLines, inlineRuns, type Inline, type Run } from '../text';
import { COLOURS, type TextStyle } from '../theme';
import { linesToUnits, type LayoutContext, type Unit } from '../unit';
import type { Block } from './block';

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
