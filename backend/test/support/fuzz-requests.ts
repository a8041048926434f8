import fc from 'fast-check';
import type { FuzzWorld } from './fuzz-world';
import { brokenJson, fromPlain, type JsonNode, LiveValue, mutated, oddStrings, oddValue, RawToken, render } from './json-fuzz';
import { exampleFor, type OpenApiDocument, type Operation } from './openapi-operations';
import { docx } from './zip-writer';

/** One generated request, before the live values (a tender's revision) are filled in. */
export interface FuzzCase {
  /** The path parameters as sent, by name. */
  params: Record<string, string>;
  path: string;
  query: string;
  contentType: string | null;
  /** undefined: no body at all (JSON null is a body). */
  body: JsonNode | Buffer | undefined;
  withCsrf: boolean;
}

/** Path segments a prober tries, already in the form they travel in (percent-encoded where need be). */
const oddSegments = [
  'not-a-uuid',
  '..',
  '.',
  '%2e%2e',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2F',
  'a%2Fb',
  '%00',
  '%',
  '%zz',
  '%E2%80%AE',
  '%F0%9F%98%80',
  '%ED%A0%80',
  '-1',
  '0',
  '1e308',
  '1.5',
  'NaN',
  'Infinity',
  '99999999999999999999999',
  '__proto__',
  'constructor',
  'x'.repeat(4_000),
  '00000000-0000-0000-0000-000000000000',
  'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ',
  '%20',
  'null',
  'undefined',
  '[object%20Object]',
];

/** Percent-encodes the UTF-8 bytes (encodeURIComponent throws on a lone surrogate; this sends U+FFFD's bytes instead). */
const enc = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

function realValues(world: FuzzWorld, param: string): string[] {
  if (param === 'id' || param === 'tenderId') return world.tenderIds;
  if (param === 'threadId') return world.threadIds;
  if (param === 'token') return world.invitationTokens;
  if (param === 'version') return ['1', '2'];
  return [];
}

function pathSegment(world: FuzzWorld, param: string): fc.Arbitrary<string> {
  const real = realValues(world, param);
  return fc.oneof(
    { arbitrary: real.length ? fc.constantFrom(...real) : fc.constant('1'), weight: 8 },
    // Real ids, spelt differently: upper case, with a trailing dot or space.
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...(real.length ? real : ['x'])), fc.constantFrom('upper', '.', '%20', '%00'))
        .map(([v, how]) => (how === 'upper' ? v.toUpperCase() : v + how)),
      weight: 1,
    },
    { arbitrary: fc.uuid({ version: 4 }), weight: 1 },
    { arbitrary: fc.constantFrom(...oddSegments), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map(enc), weight: 1 },
  );
}

function validQueryValue(op: Operation, name: string): string[] {
  const schema = op.queryParams.find((p) => p.name === name)?.schema ?? {};
  if (schema.enum?.length) return schema.enum.map(String);
  if (schema.type === 'number' || schema.type === 'integer') return ['1', '2'];
  return ['Changed the deadline'];
}

const oddQueryValue = fc.oneof(
  fc.constantFrom(...oddStrings).map(enc),
  fc.constantFrom('%', '%zz', '%00', '-1', '1e308', '1e-7', '-0', 'x'.repeat(4_000), '', '[]', '{}'),
);

function queryString(op: Operation): fc.Arbitrary<string> {
  const documented = op.queryParams.map((p) =>
    fc.option(
      fc.oneof(
        { arbitrary: fc.constantFrom(...validQueryValue(op, p.name)).map((v) => [`${p.name}=${enc(v)}`]), weight: 6 },
        oddQueryValue.map((v) => [`${p.name}=${v}`]),
        // The same name twice arrives as an array; bracket forms as objects, under some parsers.
        fc.tuple(oddQueryValue, oddQueryValue).map(([a, b]) => [`${p.name}=${a}`, `${p.name}=${b}`]),
        fc.constantFrom(`${p.name}[]=1`, `${p.name}[a]=1`, p.name).map((v) => [v]),
      ),
      { freq: 3 },
    ),
  );
  const unknown = fc.oneof(
    { arbitrary: fc.constant([] as string[]), weight: 3 },
    fc.array(
      fc.constantFrom(
        '__proto__[polluted]=1',
        'constructor[prototype][polluted]=1',
        'a[b][c][d]=1',
        'limit=1000000',
        'page=-1',
        'cursor=%00',
        'sort=__proto__',
        `x=${'y'.repeat(4_000)}`,
        '&&=&',
        'q[]=1&q[]=2',
      ),
      { minLength: 1, maxLength: 2 },
    ),
  );
  return fc.tuple(fc.tuple(...documented), unknown).map(([docd, extra]) => {
    const parts = [...docd.flatMap((p) => p ?? []), ...extra];
    return parts.length ? `?${parts.join('&')}` : '';
  });
}

/** Real values for fields the schema cannot describe well enough: ids that exist, a live revision, a template. */
function knownField(world: FuzzWorld) {
  return (field: string): unknown => {
    switch (field) {
      case 'revision':
        return new LiveValue('revision');
      case 'content':
        return world.draftContent;
      case 'templateId':
        return 'digital-service';
      case 'requirementId':
        return world.requirementIds[0];
      case 'mentions':
        return Object.values(world.userIds).slice(0, 2);
      case 'token':
        return world.invitationTokens[0];
      case 'password':
        // Strong enough for sign-up and invitations; sign-in's documented example (the demo password) comes first.
        return 'Quarterly-Tender-Review-1987';
      case 'title':
        return 'Fuzzed tender';
      default:
        return undefined;
    }
  };
}

const jsonTypes = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 12 },
  {
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=utf-16le',
      'application/merge-patch+json',
      'application/json; charset=latin1',
      'multipart/form-data',
    ),
    weight: 1,
  },
  { arbitrary: fc.constant(null), weight: 1 },
);

function jsonBody(doc: OpenApiDocument, op: Operation, world: FuzzWorld): fc.Arbitrary<JsonNode | undefined> {
  if (!op.bodySchema) {
    // No body expected: mostly none, sometimes one anyway.
    return fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: oddValue, weight: 1 });
  }
  const base = baseBody(doc, op, world);
  return fc.oneof(
    { arbitrary: fc.constant(base), weight: 2 },
    { arbitrary: mutated(base), weight: 8 },
    { arbitrary: oddValue, weight: 1 },
    { arbitrary: brokenJson.map((text) => new RawToken(text)), weight: 1 },
  );
}

/** A multipart upload as a browser or a script might send one, well-formed or not. */
function multipartBody(): fc.Arbitrary<{ contentType: string; body: Buffer }> {
  const content = fc.oneof(
    fc.constant(docx(['The supplier shall answer within a day.', 'Calls are recorded.'])),
    fc.constant(docx(['x']).subarray(0, 200)),
    fc.uint8Array({ maxLength: 3_000 }).map((a) => Buffer.from(a)),
    fc.constantFrom(...oddStrings).map((s) => Buffer.from(`# Heading\n- ${s}\n`)),
    fc.constant(Buffer.alloc(0)),
  );
  const filename = fc.constantFrom(
    'spec.docx',
    'spec.md',
    'notes.txt',
    'spec.DOCX',
    'spec.pdf',
    '../../etc/passwd.txt',
    '..\\..\\x.docx',
    '',
    'a"b.txt',
    `${'x'.repeat(300)}.md`,
    'naïve.md',
    '.docx',
  );
  return fc
    .record({
      field: fc.constantFrom('file', 'file', 'file', 'upload', '__proto__'),
      filename,
      content,
      secondFile: fc.boolean(),
      extraField: fc.boolean(),
      broken: fc.constantFrom('none', 'none', 'none', 'no-boundary', 'truncated', 'no-closing'),
    })
    .map(({ field, filename: name, content: data, secondFile, extraField, broken }) => {
      const boundary = 'fuzzBoundary7MA4YWxkTrZu0gW';
      const part = (f: string, n: string, d: Buffer) =>
        Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${f}"; filename="${n}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
          ),
          d,
          Buffer.from('\r\n'),
        ]);
      const parts = [part(field, name, data)];
      if (secondFile) parts.push(part('file', 'second.txt', Buffer.from('Second file.')));
      if (extraField)
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="constructor"\r\n\r\n{"prototype":{}}\r\n`));
      if (broken !== 'no-closing') parts.push(Buffer.from(`--${boundary}--\r\n`));
      let body = Buffer.concat(parts);
      if (broken === 'truncated') body = body.subarray(0, Math.floor(body.length / 2));
      return { contentType: broken === 'no-boundary' ? 'multipart/form-data' : `multipart/form-data; boundary=${boundary}`, body };
    });
}

const fillPath = (op: Operation, params: Record<string, string>) =>
  op.pathParams.reduce((p, { name }) => p.replace(`{${name}}`, params[name]), op.path);

/** The valid-looking body the generators start from for `op` (null when it takes no JSON body). */
export function baseBody(doc: OpenApiDocument, op: Operation, world: FuzzWorld): JsonNode {
  return op.bodySchema ? fromPlain(exampleFor(doc, op.bodySchema, knownField(world))) : null;
}

/** Everything a request to `op` can be made of: path values, query, body, content type, CSRF echo or not. */
export function fuzzCase(doc: OpenApiDocument, op: Operation, world: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const params = fc
    .tuple(...op.pathParams.map((p) => pathSegment(world, p.name)))
    .map((values) => Object.fromEntries(op.pathParams.map((p, i) => [p.name, values[i]])));
  const withCsrf = fc.nat({ max: 19 }).map((n) => n > 0);
  if (op.bodyKind === 'multipart') {
    return fc
      .record({
        params,
        query: queryString(op),
        withCsrf,
        upload: fc.oneof(
          { arbitrary: multipartBody(), weight: 6 },
          { arbitrary: jsonBody(doc, op, world).map((b) => ({ contentType: 'application/json', body: b })), weight: 1 },
        ),
      })
      .map(({ upload, ...rest }) => ({ ...rest, path: fillPath(op, rest.params), contentType: upload.contentType, body: upload.body }));
  }
  return fc
    .record({ params, query: queryString(op), withCsrf, contentType: jsonTypes, body: jsonBody(doc, op, world) })
    .map((c) => ({ ...c, path: fillPath(op, c.params) }));
}

/** The bytes to send: JSON nodes rendered (with live values filled), raw strings and buffers as they are. */
export function bodyBytes(c: FuzzCase, live: (name: string) => JsonNode): string | Buffer | undefined {
  if (c.body === undefined) return undefined;
  if (Buffer.isBuffer(c.body)) return c.body;
  return render(c.body, live);
}
