import { asArtifact, shiftOp, type Op } from './display';
import type { Theme } from './theme';
import type { Unit } from './unit';

export interface Pagination {
  /** Ops of each page, in reading order, with absolute coordinates (y down from the page top). */
  pages: Op[][];
  /** Page index (0-based) of every anchor, for the contents and cross-references. */
  anchors: Map<string, number>;
}

/**
 * Places units on pages. A page break may fall between two units unless the first keeps with the next;
 * a chain of kept units moves to a new page as a whole when it does not fit, unless it is taller than a
 * page, in which case it breaks where it must (never a crash, never an overflow).
 */
export function paginate(units: Unit[], theme: Theme): Pagination {
  const top = theme.margin.top;
  const bottom = theme.page.height - theme.margin.bottom;
  const pageHeight = bottom - top;
  const pages: Op[][] = [[]];
  const anchors = new Map<string, number>();
  let y = top;
  let empty = true;

  const newPage = () => {
    pages.push([]);
    y = top;
    empty = true;
  };

  const place = (unit: Unit, decorative: boolean) => {
    if (!empty) y += unit.spaceBefore;
    const page = pages[pages.length - 1];
    for (const op of unit.ops) {
      const placed = decorative ? asArtifact(op) : op;
      if (!placed) continue;
      shiftOp(placed, y);
      page.push(placed);
      if (placed.k === 'a') anchors.set(placed.id, pages.length - 1);
    }
    y += unit.height;
    empty = false;
  };

  /** Height of unit i and everything kept with it; `fresh` = as the first thing on a page. */
  const chainHeight = (i: number, fresh: boolean): number => {
    let h = (fresh ? 0 : units[i].spaceBefore) + units[i].height;
    for (let j = i; units[j].keepWithNext && j + 1 < units.length && !units[j + 1].breakBefore; j++) {
      h += units[j + 1].spaceBefore + units[j + 1].height;
      if (h > pageHeight) break;
    }
    return h;
  };

  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (unit.breakBefore && !empty) newPage();
    if (!empty) {
      const fitsHere = y + chainHeight(i, false) <= bottom;
      const fitsOnAPage = chainHeight(i, true) <= pageHeight;
      if ((!fitsHere && fitsOnAPage) || y + unit.spaceBefore + unit.height > bottom) newPage();
    }
    // A table continuing on a new page gets its header row again, drawn as decoration (it is already
    // in the structure tree once).
    if (empty && unit.repeatOnBreak && i > 0 && units[i - 1].repeatOnBreak === unit.repeatOnBreak) {
      for (const h of unit.repeatOnBreak) place(h, true);
    }
    place(unit, false);
  }
  return { pages, anchors };
}
