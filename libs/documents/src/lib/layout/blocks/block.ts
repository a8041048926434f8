import type { StructNode } from '../display';
import type { Run } from '../text';
import type { LayoutContext, Unit } from '../unit';

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
