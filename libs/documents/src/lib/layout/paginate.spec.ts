import type { Op } from './display';
import { paginate } from './paginate';
import { defaultTheme } from './theme';
import type { Unit } from './unit';

const theme = defaultTheme();
const pageHeight = theme.page.height - theme.margin.top - theme.margin.bottom;

function unit(id: string, height: number, keepWithNext = false, spaceBefore = 0): Unit {
  return { height, spaceBefore, keepWithNext, ops: [{ k: 'a', y: 0, id, title: id, level: 1, bookmark: false } as Op] };
}

describe('pagination', () => {
  it('moves a kept chain to the next page when it does not fit', () => {
    const units = [unit('filler', pageHeight - 50), unit('heading', 30, true), unit('line1', 15, true), unit('line2', 15)];
    const { anchors } = paginate(units, theme);
    expect(anchors.get('filler')).toBe(0);
    expect(anchors.get('heading')).toBe(1);
    expect(anchors.get('line2')).toBe(1);
  });

  it('breaks a chain taller than a page where it must instead of looping or overflowing', () => {
    const units = Array.from({ length: 100 }, (_, i) => unit(`u${i}`, 20, true));
    const { pages, anchors } = paginate(units, theme);
    expect(pages.length).toBe(Math.ceil((100 * 20) / pageHeight));
    expect(anchors.get('u0')).toBe(0);
  });

  it('drops space before a unit at the top of a page and honours page breaks', () => {
    const units = [unit('a', 10), { ...unit('b', 10, false, 100), breakBefore: true }];
    const { pages } = paginate(units, theme);
    expect(pages).toHaveLength(2);
    expect(pages[1][0]).toMatchObject({ id: 'b', y: theme.margin.top });
  });

  it('repeats a table header as artifacts above continued rows', () => {
    const header: Unit = {
      height: 20,
      spaceBefore: 0,
      keepWithNext: false,
      ops: [{ k: 't', x: 0, y: 5, text: 'Head', font: 'bold', size: 9, color: '#000' }],
    };
    const repeat = [header];
    const rows = Array.from({ length: 60 }, (_, i) => ({ ...unit(`r${i}`, 20), repeatOnBreak: repeat }));
    const { pages } = paginate(rows, theme);
    expect(pages.length).toBeGreaterThan(1);
    const head = pages[1][0];
    expect(head).toMatchObject({ k: 't', text: 'Head', y: theme.margin.top + 5 });
    expect('node' in head).toBe(false);
    // The template is untouched, so a third page gets the same position.
    expect(pages[2]?.[0] ?? head).toMatchObject({ y: theme.margin.top + 5 });
  });
});
