import { describe, expect, it } from 'vitest';
import { countWords, splitAtWordLimit, wordCountMessage } from './word-count';

describe('countWords', () => {
  it('counts runs of non-space characters, as the server does', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   \n\t ')).toBe(0);
    expect(countWords('one')).toBe(1);
    expect(countWords('  two   words ')).toBe(2);
    expect(countWords('line one\nline two\r\n\tthree')).toBe(5);
  });

  it('counts punctuation, numbers and hyphenated words as the text splits at spaces', () => {
    expect(countWords('Social value – 10% of the score, co-designed.')).toBe(8);
    expect(countWords('£1,200.50 per month')).toBe(3);
  });

  it('splits at non-breaking and other Unicode spaces too', () => {
    expect(countWords('a\u00a0b\u2003c')).toBe(3);
  });

  it('counts a very long answer quickly and exactly', () => {
    expect(countWords('word '.repeat(100_000))).toBe(100_000);
  });
});

describe('splitAtWordLimit', () => {
  it('finds the limit where the shared word count puts it', () => {
    for (const text of ['', ' a ', 'a\u00a0b\u2003c d', 'tab\tnew\nline\r\nend', 'x '.repeat(50)]) {
      for (const limit of [0, 1, 3, 100]) {
        const split = splitAtWordLimit(text, limit);
        expect(split.wordCount).toBe(countWords(text));
        expect(countWords(split.notConsidered)).toBe(split.wordsOver);
      }
    }
  });

  it('marks nothing when within the limit or without one', () => {
    expect(splitAtWordLimit('one two three', 3)).toEqual({ wordCount: 3, wordsOver: 0, notConsidered: '' });
    expect(splitAtWordLimit('one two three', null)).toEqual({ wordCount: 3, wordsOver: 0, notConsidered: '' });
  });

  it('keeps the text from the first word past the limit', () => {
    expect(splitAtWordLimit('one two  three\nfour five', 3)).toEqual({ wordCount: 5, wordsOver: 2, notConsidered: 'four five' });
    expect(splitAtWordLimit('  only', 0)).toEqual({ wordCount: 1, wordsOver: 1, notConsidered: 'only' });
  });

  it('gives the same result when called twice (no state left behind)', () => {
    expect(splitAtWordLimit('a b c', 1).notConsidered).toBe('b c');
    expect(splitAtWordLimit('a b c', 1).notConsidered).toBe('b c');
  });
});

describe('wordCountMessage', () => {
  it('says how many words are left, or how many are over and not considered', () => {
    expect(wordCountMessage(0, 500)).toBe('0 words of 500: 500 words left');
    expect(wordCountMessage(499, 500)).toBe('499 words of 500: 1 word left');
    expect(wordCountMessage(1501, 1500)).toBe(
      '1 word over the limit of 1,500: evaluators stop reading at the limit, so the words past it will not be considered',
    );
    expect(wordCountMessage(1, null)).toBe('1 word (no word limit)');
  });
});
