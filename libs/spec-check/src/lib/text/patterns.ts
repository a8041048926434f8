/** Shared regex fragments and helpers. All regexes are compiled once, at module load. */

export const NUM_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  double: 2,
  twice: 2,
  triple: 3,
  treble: 3,
};

/** A count: digits or a number word. */
export const NUM =
  '(?:\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a\\s+hundred|hundred)';

/** "at least", "a minimum of", "no fewer than" … */
export const AT_LEAST =
  '(?:(?:at\\s+least|a\\s+minimum\\s+of|minimum\\s+of|min\\.?|no\\s+(?:fewer|less)\\s+than|not\\s+(?:fewer|less)\\s+than|more\\s+than|over|in\\s+excess\\s+of|greater\\s+than|exceeding|upwards\\s+of|a\\s+full)\\s+)?';

/** Modal or obligation phrase. */
export const MODAL = '(?:must|shall|will|should|(?:is|are)\\s+(?:required|expected|to)|needs?\\s+to|has\\s+to|have\\s+to)';

export function parseCount(s: string): number {
  const t = s.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^\d/.test(t)) return parseFloat(t.replace(/,/g, ''));
  if (t === 'a hundred') return 100;
  return NUM_WORDS[t] ?? NaN;
}

const MONEY_RE =
  /(?:(£|€|\$|GBP\s?|EUR\s?|USD\s?)\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s?(k|m|mn|bn|b|million|billion|thousand)?\b|(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s?(k|m|mn|million|bn|billion|thousand)?\s?(?:pounds|GBP|sterling|euros?)\b)/gi;

export interface Money {
  value: number;
  start: number;
  end: number;
}

/** All amounts of money in [from, to). */
export function findMoney(text: string, from: number, to: number, out: Money[]): Money[] {
  out.length = 0;
  MONEY_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = MONEY_RE.exec(text)) !== null && m.index < to) {
    const whole = m[2] ?? m[5];
    const frac = m[3] ?? m[6];
    const unit = (m[4] ?? m[7] ?? '').toLowerCase();
    let v = parseFloat(whole.replace(/,/g, '') + (frac ? '.' + frac : ''));
    if (unit === 'k' || unit === 'thousand') v *= 1e3;
    else if (unit === 'm' || unit === 'mn' || unit === 'million') v *= 1e6;
    else if (unit === 'b' || unit === 'bn' || unit === 'billion') v *= 1e9;
    out.push({ value: v, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function formatMoney(v: number, currency = 'GBP'): string {
  const sym = currency === 'GBP' ? '£' : currency === 'EUR' ? '€' : currency === 'USD' ? '$' : currency + ' ';
  if (v >= 1e9) return `${sym}${+(v / 1e9).toFixed(2)}bn`;
  if (v >= 1e6) return `${sym}${+(v / 1e6).toFixed(2)}m`;
  if (v >= 1e3) return `${sym}${Math.round(v).toLocaleString('en-GB')}`;
  return `${sym}${v}`;
}

/** Build an alternation regex source from a list of sources, longest first. */
export function alternation(sources: readonly string[]): string {
  return [...sources].sort((a, b) => b.length - a.length).join('|');
}

/**
 * A non-capturing group of alternatives, in the order given (the order matters where one alternative is a
 * prefix of another). Long patterns are written as commented word lists joined with this and `pattern`,
 * rather than as one line a reviewer cannot read.
 */
export function oneOf(...alternatives: readonly string[]): string {
  return `(?:${alternatives.join('|')})`;
}

/** A regex from source parts written one per line (each part a regex source, not a literal string). */
export function pattern(flags: string, ...parts: readonly string[]): RegExp {
  return new RegExp(parts.join(''), flags);
}
