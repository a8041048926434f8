import fc from 'fast-check';
import { checkRequirement } from '../src/index';
import { execIn, makeDoc, sentenceAt, sentences } from '../src/lib/text/doc';

// A 100 KB single-line requirement used to cost seconds: every brand or standard match ran the
// "or equivalent" regexes over the whole rest of the text, and looked its sentence up by walking
// every sentence. These tests pin the linear behaviour structurally (no timings, which belong in the bench).

/** A regex that records the length of every string it is asked to search. */
class RecordingRegExp extends RegExp {
  readonly searched: number[] = [];
  override exec(s: string): RegExpExecArray | null {
    this.searched.push(s.length);
    return super.exec(s);
  }
}

describe('long texts stay linear', () => {
  it('execIn searches only the window it is given and reports offsets into the whole text', () => {
    const text = `${'filler words here. '.repeat(2000)}Dell or equivalent.`;
    const re = new RecordingRegExp('or equivalent', 'g');
    expect(execIn(re, text, 0, 100)).toBeNull();
    expect(Math.max(...re.searched)).toBeLessThanOrEqual(100);
    const at = text.indexOf('or equivalent');
    const m = execIn(re, text, at - 5, text.length);
    expect(m?.index).toBe(at);
  });

  it('sentenceAt finds the same sentence as a walk over every sentence', () => {
    const linear = (bounds: number[], pos: number): [number, number] => {
      for (let i = 0; i < bounds.length; i += 2) if (pos < bounds[i + 1] || i + 2 >= bounds.length) return [bounds[i], bounds[i + 1]];
      return [0, 0];
    };
    const sentence = fc.constantFrom(
      'The supplier must deliver.',
      'Use Dell laptops!',
      'Is ISO 9001 needed?',
      'e.g. this one',
      'B. Braun pumps.',
      '',
    );
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 30 }), fc.nat(), (parts, p) => {
        const text = parts.join(' ');
        const doc = makeDoc(text, {});
        const pos = text.length ? p % text.length : 0;
        expect(sentenceAt(doc, pos)).toEqual(linear(sentences(doc), pos));
      }),
    );
  });

  it('a requirement repeated on one long line gets the findings of one copy, once per copy', () => {
    const one = 'The laptops must be Dell Latitude and certified to ISO 9001; no alternatives will be accepted. ';
    const single = checkRequirement(one.trim());
    const copies = 400;
    const long = one.repeat(copies).trim();
    expect(long.length).toBeGreaterThan(30_000);
    const findings = checkRequirement(long);
    expect(single.length).toBeGreaterThan(0);
    expect(findings).toHaveLength(single.length * copies);
    // the refusal of equivalents is cached per requirement, yet each copy keeps its own span
    const lastCopy = findings
      .slice(-single.length)
      .map((f) => ({ ...f, start: f.start - one.length * (copies - 1), end: f.end - one.length * (copies - 1) }));
    expect(lastCopy.map((f) => [f.rule, f.start, f.end])).toEqual(single.map((f) => [f.rule, f.start, f.end]));
  });
});
