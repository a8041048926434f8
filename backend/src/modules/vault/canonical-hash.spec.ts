import { createHash } from 'node:crypto';
import { canonicalJson, canonicalSha256 } from './canonical-hash';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts members by UTF-16 code units, at every depth, whatever the insertion order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    // RFC 8785 §3.2.3's example: "\u20ac" (€) sorts after "\r" and "1", and "\ud83d\ude00" by its code units.
    expect(canonicalJson({ '€': 1, '\r': 2, '1': 3, '😀': 4, ö: 5 })).toBe('{"\\r":2,"1":3,"ö":5,"€":1,"😀":4}');
  });

  it('writes numbers in their shortest ECMAScript form', () => {
    expect(canonicalJson([1.0, -0, 1e21, 1e-7, 0.1 + 0.2, 333333333.3333333, 100, 4.5])).toBe(
      '[1,0,1e+21,1e-7,0.30000000000000004,333333333.3333333,100,4.5]',
    );
  });

  it('escapes strings minimally and leaves non-ASCII as it is', () => {
    expect(canonicalJson('a"\\\n\u0001é')).toBe('"a\\"\\\\\\n\\u0001é"');
  });

  it('drops undefined members, writes dates as ISO strings', () => {
    expect(canonicalJson({ a: undefined, b: new Date('2026-01-02T03:04:05.000Z') })).toBe('{"b":"2026-01-02T03:04:05.000Z"}');
  });

  it.each([
    ['NaN', { a: NaN }],
    ['Infinity', [Infinity]],
    ['a bigint', { a: 1n }],
    ['a function', { a: () => 1 }],
    ['a symbol', [Symbol('s')]],
    ['undefined', undefined],
  ])('refuses %s rather than hash less than it was given', (_what, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('hashes the canonical UTF-8 bytes with SHA-256 (hex)', () => {
    const expected = createHash('sha256').update('{"a":1,"b":"£"}', 'utf8').digest('hex');
    expect(canonicalSha256({ b: '£', a: 1 })).toBe(expected);
    expect(canonicalSha256({ b: '£', a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});
