import { parseProse } from './prose';

describe('author text', () => {
  it('splits paragraphs at blank lines and turns marked lines into lists', () => {
    expect(parseProse('One\ntwo.\n\nWe buy:\n- a\n- b\n  continued\n\n1. first\n2) second\n\nEnd.')).toEqual([
      { kind: 'paragraph', text: 'One two.' },
      { kind: 'paragraph', text: 'We buy:' },
      { kind: 'list', ordered: false, items: ['a', 'b continued'] },
      { kind: 'list', ordered: true, items: ['first', 'second'] },
      { kind: 'paragraph', text: 'End.' },
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(parseProse('')).toEqual([]);
    expect(parseProse('  \n\n ')).toEqual([]);
    expect(parseProse(null)).toEqual([]);
  });
});
