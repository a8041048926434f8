import type { StructNode, TextOp } from '../display';
import { inlineText, type Run } from '../text';
import { COLOURS, type TextStyle } from '../theme';
import { textTop, textUnits, type LayoutContext, type Unit } from '../unit';
import type { Block } from './block';

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
      entryUnits[0].ops.push({
        k: 'link',
        x,
        y: 0,
        w: ctx.left + ctx.width - x,
        h: height,
        node: link,
        contents: `Go to ${inlineText(entry.title)}`,
      });
      units.push(...entryUnits);
    });
    return units;
  }
}
