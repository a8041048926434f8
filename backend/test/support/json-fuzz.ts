import fc from 'fast-check';

/**
 * JSON bodies as a prober writes them, not as JSON.stringify would: numbers spelt `-0` or `1e-7`, keys such
 * as `__proto__` kept as ordinary keys, nesting thousands deep. Objects are entry lists so no key is special here.
 */
export type JsonNode = null | boolean | number | string | JsonNode[] | JsonObject | RawToken | LiveValue;

export class JsonObject {
  constructor(readonly entries: [string, JsonNode][]) {}
}

/** Written into the body verbatim: odd number spellings, deep nesting, broken JSON. */
export class RawToken {
  constructor(readonly text: string) {}
}

/** Filled in when the request is sent (a tender's current revision), so a valid-looking body stays valid. */
export class LiveValue {
  constructor(readonly name: string) {}
}

export function fromPlain(value: unknown): JsonNode {
  if (value === null || value === undefined) return null;
  if (value instanceof RawToken || value instanceof LiveValue || value instanceof JsonObject) return value;
  if (Array.isArray(value)) return value.map(fromPlain);
  if (typeof value === 'object') return new JsonObject(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fromPlain(v)]));
  return value as JsonNode;
}

export function render(node: JsonNode, live: (name: string) => JsonNode = () => null): string {
  if (node instanceof RawToken) return node.text;
  if (node instanceof LiveValue) return render(live(node.name), live);
  if (node instanceof JsonObject) return `{${node.entries.map(([k, v]) => `${JSON.stringify(k)}:${render(v, live)}`).join(',')}}`;
  if (Array.isArray(node)) return `[${node.map((v) => render(v, live)).join(',')}]`;
  // JSON.stringify escapes a lone surrogate as \udXXX, which is how one reaches the server intact.
  return JSON.stringify(node) ?? 'null';
}

/** A short description for failure messages: bodies can be hundreds of kilobytes. */
export function summarise(text: string, max = 300): string {
  // Runs of the same few characters (deep nesting, huge strings) shown as a count: "[×5000".
  const short = text.replace(/([^]{1,6}?)\1{9,}/g, (run, unit: string) => `${unit}×${run.length / unit.length}`);
  return short.length <= max ? short : `${short.slice(0, max)}… (${text.length} characters)`;
}

/** How many values a body holds: big bodies get more runs, as one run changes only one to three of them. */
export function sizeOf(node: JsonNode): number {
  if (node instanceof JsonObject) return 1 + node.entries.reduce((n, [, v]) => n + sizeOf(v), 0);
  if (Array.isArray(node)) return 1 + node.reduce((n: number, v) => n + sizeOf(v), 0);
  return 1;
}

const nested =
  (open: string, close: string, inner = '') =>
  (depth: number) =>
    new RawToken(open.repeat(depth) + inner + close.repeat(depth));

export const numberSpellings = [
  '-0',
  '1e-7',
  '1E-7',
  '1e308',
  '1E+308',
  '-1e308',
  '1e999',
  '-1e999',
  '1e-400',
  '0.1e1',
  '5e-324',
  '4.5e15',
  '123456789012345678901234567890',
  '-99999999999999999',
  '0.30000000000000004',
  '1.0',
  '-0.0',
  '0e0',
];

export const oddStrings = [
  '',
  ' ',
  '\u0000',
  'NUL\u0000byte',
  '\ud800',
  'lone\udfffsurrogate',
  '\u202eRTL override',
  '\u200f\u200e',
  '\ufeffBOM',
  '😀👨‍👩‍👧‍👦🏳️‍🌈',
  'Z̤̔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '../../etc/passwd',
  '..\\..\\windows',
  '<script>alert(1)</script>',
  'javascript:alert(document.domain)//',
  "'; DROP TABLE tender; --",
  '${7*7}{{7*7}}',
  'not a date',
  '2025-02-30T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '-1',
  'NaN',
  'Infinity',
  'true',
  'null',
  '__proto__',
  'constructor',
  'GBP',
  'javascript:',
  '00000000-0000-0000-0000-000000000000',
  'a@b',
  'a'.repeat(255) + '@example.test',
];

const prototypeObject = fc.constantFrom(
  new JsonObject([
    [
      '__proto__',
      new JsonObject([
        ['isAdmin', true],
        ['role', 'admin'],
      ]),
    ],
  ]),
  new JsonObject([['constructor', new JsonObject([['prototype', new JsonObject([['polluted', true]])]])]]),
  new JsonObject([['prototype', new JsonObject([['polluted', true]])]]),
  new JsonObject([['__proto__', null]]),
  new JsonObject([
    ['toString', 'x'],
    ['valueOf', 1],
    ['hasOwnProperty', 'x'],
  ]),
);

/** Strings that reach length limits: just over the usual maxLengths, and far over. */
const hugeString = fc
  .tuple(fc.constantFrom(201, 255, 2_001, 5_001, 20_000, 100_001, 300_000), fc.constantFrom('a', 'é', '😀', 'word ', 'x\n'))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

/** Any value a field might receive: wrong types, odd numbers and strings, prototype keys, deep nesting. */
export const oddValue: fc.Arbitrary<JsonNode> = fc.oneof(
  { arbitrary: fc.constantFrom(...numberSpellings).map((t) => new RawToken(t)), weight: 4 },
  { arbitrary: fc.constantFrom(...oddStrings), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: hugeString, weight: 1 },
  {
    arbitrary: fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 + 1, Number.MAX_VALUE),
    ),
    weight: 2,
  },
  { arbitrary: fc.constantFrom(null, true, false), weight: 2 },
  { arbitrary: fc.constantFrom<JsonNode>([], new JsonObject([]), [null], ['a', 1, true]), weight: 2 },
  { arbitrary: prototypeObject, weight: 2 },
  { arbitrary: fc.integer({ min: 20, max: 6_000 }).map(nested('[', ']')), weight: 1 },
  { arbitrary: fc.integer({ min: 20, max: 3_000 }).map(nested('{"a":', '}', '1')), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map(fromPlain), weight: 2 },
);

/** Bodies that are not JSON at all, or JSON too deep to walk. */
export const brokenJson = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"a":1,}',
    "{'a':1}",
    '[1,2',
    '{"a":undefined}',
    'NaN',
    '\u0000',
    '{"a":"\\ud800"}',
    '{"a":1}{"b":2}',
    '{"__proto__":{"x":1},"__proto__":2}',
    'null',
    '"string"',
    '12',
  ),
  fc.integer({ min: 1_000, max: 6_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 1_000, max: 6_000 }).map((n) => '['.repeat(n)),
  fc.integer({ min: 500, max: 2_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
);

type PathStep = string | number;

function pathsOf(node: JsonNode, at: PathStep[] = [], out: PathStep[][] = []): PathStep[][] {
  out.push(at);
  if (node instanceof JsonObject) node.entries.forEach(([k, v]) => pathsOf(v, [...at, k], out));
  else if (Array.isArray(node)) node.forEach((v, i) => pathsOf(v, [...at, i], out));
  return out;
}

type Edit = { kind: 'replace'; value: JsonNode } | { kind: 'remove' } | { kind: 'add'; key: string; value: JsonNode } | { kind: 'wrap' };

function edit(node: JsonNode, path: PathStep[], change: Edit): JsonNode {
  if (path.length === 0) {
    if (change.kind === 'replace') return change.value;
    if (change.kind === 'wrap') return [node];
    if (change.kind === 'add' && node instanceof JsonObject) return new JsonObject([...node.entries, [change.key, change.value]]);
    if (change.kind === 'add' && Array.isArray(node)) return [...node, change.value];
    return node;
  }
  const [step, ...rest] = path;
  if (node instanceof JsonObject) {
    if (rest.length === 0 && change.kind === 'remove') return new JsonObject(node.entries.filter(([k]) => k !== step));
    return new JsonObject(node.entries.map(([k, v]) => [k, k === step ? edit(v, rest, change) : v]));
  }
  if (Array.isArray(node)) {
    if (rest.length === 0 && change.kind === 'remove') return node.filter((_, i) => i !== step);
    return node.map((v, i) => (i === step ? edit(v, rest, change) : v));
  }
  return node;
}

/** Odd values of the same kind as the one replaced: these pass a type check and test the rules behind it. */
const oddNumber: fc.Arbitrary<JsonNode> = fc.oneof(
  { arbitrary: fc.constantFrom(...numberSpellings).map((t) => new RawToken(t)), weight: 4 },
  {
    arbitrary: fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(-1, 0.5, 100.0001, 2 ** 31, -(2 ** 53) - 1),
    ),
    weight: 2,
  },
  { arbitrary: fc.constantFrom('1e-7', '12', ''), weight: 1 },
);
const oddText: fc.Arbitrary<JsonNode> = fc.oneof(
  { arbitrary: fc.constantFrom(...oddStrings), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
  { arbitrary: hugeString, weight: 1 },
);

const anEdit = (kind: 'number' | 'string' | 'other'): fc.Arbitrary<Edit> =>
  fc.oneof(
    {
      arbitrary: (kind === 'number' ? oddNumber : kind === 'string' ? oddText : oddValue).map((value) => ({
        kind: 'replace' as const,
        value,
      })),
      weight: 4,
    },
    { arbitrary: oddValue.map((value) => ({ kind: 'replace' as const, value })), weight: 4 },
    { arbitrary: fc.constant({ kind: 'remove' as const }), weight: 2 },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'organisationId', 'role', 'status', 'extra', 'isAdmin'),
          oddValue,
        )
        .map(([key, value]) => ({ kind: 'add' as const, key, value })),
      weight: 2,
    },
    { arbitrary: fc.constant({ kind: 'wrap' as const }), weight: 1 },
  );

function nodeAt(node: JsonNode, path: PathStep[]): JsonNode {
  return path.reduce<JsonNode>(
    (n, step) =>
      n instanceof JsonObject ? (n.entries.find(([k]) => k === step)?.[1] ?? null) : Array.isArray(n) ? n[step as number] : null,
    node,
  );
}

/**
 * The valid-looking body with one to three values changed: these get past the first checks and find deeper bugs.
 * Half the edits aim at non-text values (numbers, flags, nulls: dates and amounts), where the probe found most.
 */
export function mutated(base: JsonNode): fc.Arbitrary<JsonNode> {
  const paths = pathsOf(base);
  const nonText = paths.filter((p) => {
    const n = nodeAt(base, p);
    return n === null || typeof n === 'number' || typeof n === 'boolean';
  });
  const target = nonText.length ? fc.oneof(fc.constantFrom(...paths), fc.constantFrom(...nonText)) : fc.constantFrom(...paths);
  const oneEdit = target.chain((path) => {
    const n = nodeAt(base, path);
    return anEdit(typeof n === 'number' ? 'number' : typeof n === 'string' ? 'string' : 'other').map((change) => [path, change] as const);
  });
  // Paths are taken from the original body; an earlier edit may have removed one, which edit() then skips.
  return fc
    .array(oneEdit, { minLength: 1, maxLength: 3 })
    .map((edits) => edits.reduce<JsonNode>((node, [path, change]) => edit(node, path, change), base));
}
