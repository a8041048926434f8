import type { StructNode } from '../display';
import type { Run } from '../text';
import { COLOURS } from '../theme';
import type { LayoutContext, Unit } from '../unit';
import type { Block } from './block';

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

/** Starts a new page (unless the current one is still empty). */
export class PageBreakBlock implements Block {
  textRuns(): Run[] {
    return [];
  }

  layout(): Unit[] {
    return [{ height: 0, spaceBefore: 0, keepWithNext: false, breakBefore: true, ops: [] }];
  }
}

/** Vertical space before the next block; dropped at the top of a page. */
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
