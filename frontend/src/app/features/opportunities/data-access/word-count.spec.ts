import { questionWordCount } from '@openbrief/contracts';
import { describe, expect, it } from 'vitest';
import { wordsLeftMessage } from './word-count';

describe('the question word count', () => {
  it('counts nothing in an empty or blank box', () => {
    expect(questionWordCount('')).toBe(0);
    expect(questionWordCount('   \n\t ')).toBe(0);
  });

  it('counts runs of characters between any whitespace, as the server does', () => {
    expect(questionWordCount('Is TUPE likely to apply?')).toBe(5);
    expect(questionWordCount('  two\n\nlines\tand tabs  ')).toBe(4);
    // Punctuation and hyphenated words are part of the word they touch.
    expect(questionWordCount('e-mail, SMS - or both?')).toBe(5);
    // Non-breaking and other Unicode spaces separate words too.
    expect(questionWordCount('one\u00a0two\u2003three')).toBe(3);
  });
});

describe('wordsLeftMessage', () => {
  it('says how many words are left, or how many too many', () => {
    expect(wordsLeftMessage(0, 500)).toBe('You have 500 words remaining');
    expect(wordsLeftMessage(499, 500)).toBe('You have 1 word remaining');
    expect(wordsLeftMessage(500, 500)).toBe('You have 0 words remaining');
    expect(wordsLeftMessage(501, 500)).toBe('You have 1 word too many');
    expect(wordsLeftMessage(520, 500)).toBe('You have 20 words too many');
  });
});
