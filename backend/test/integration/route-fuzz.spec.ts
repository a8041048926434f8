import { CSRF_HEADER } from '@openbrief/contracts';
import fc from 'fast-check';
import { baseBody, bodyBytes, type FuzzCase, fuzzCase } from '../support/fuzz-requests';
import { buildFuzzWorld, type FuzzWorld, ROLES, type RoleName } from '../support/fuzz-world';
import { sizeOf, summarise } from '../support/json-fuzz';
import { danglingRequestRefs, listOperations, type OpenApiDocument, type Operation, operationKey } from '../support/openapi-operations';
import { rawRequest, type RawRequest } from '../support/raw-http';
import { responseProblems } from '../support/response-checks';
import { countChanges, rowCounter } from '../support/row-counts';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Property-based probe of every operation in the OpenAPI document, as nobody and as every role, with bad bodies,
 * path parameters and query strings. Deterministic: FUZZ_SEED (default below) and FUZZ_RUNS per operation and role;
 * a failure names its seed and path so it replays. FUZZ_SHRINK=1 shrinks a failure to its smallest form (slower).
 */
const BASE_SEED = Number(process.env['FUZZ_SEED'] ?? 20_251_010);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 5);
const SHRINK = process.env['FUZZ_SHRINK'] === '1';

/** A seed per operation and role, so adding a route does not change what the others are sent. */
function seedFor(op: Operation, role: RoleName): number {
  let h = BASE_SEED | 0;
  for (const ch of `${operationKey(op)} ${role}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

describe('every documented route, as every role, with bad input', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let operations: Operation[];
  let world: FuzzWorld;
  let countRows: () => Promise<Record<string, number>>;

  // Every route Fastify registers while Nest sets up its controllers: method and path, as Fastify will answer them.
  const served: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(
      {
        // Limits that would only throttle the fuzzer's own sign-ins; 429s the fuzz provokes still count as refusals.
        SIGN_IN_LIMIT_PER_ADDRESS: '100000',
        SIGN_IN_LIMIT_PER_ACCOUNT: '100000',
        SPEC_CHECK_RATE_LIMIT: '100000',
        SPEC_CHECK_RATE_LIMIT_SIGNED_IN: '100000',
        ...(process.env['FUZZ_LOG_LEVEL'] ? { LOG_LEVEL: process.env['FUZZ_LOG_LEVEL'] } : {}),
      },
      {
        beforeInit: (app) =>
          app
            .getHttpAdapter()
            .getInstance()
            .addHook('onRoute', (route) => {
              for (const method of ([] as string[]).concat(route.method)) {
                // Fastify adds a HEAD route beside each GET by itself; the Swagger UI and the document are not API operations.
                if (method !== 'HEAD' && !route.url.startsWith('/api/docs'))
                  served.push(`${method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
              }
            }),
      },
    );
    const res = await rawRequest(t.url, { method: 'GET', path: '/api/docs-json' });
    doc = JSON.parse(res.text) as OpenApiDocument;
    operations = listOperations(doc);
    world = await buildFuzzWorld(t);
    countRows = rowCounter(t.dataSource);
  }, 120_000);
  // FUZZ_STATS=1 prints how often each operation answered each status, to see how deep the generated requests reach.
  const stats: string[] = [];
  afterAll(async () => {
    if (process.env['FUZZ_STATS'] === '1') {
      const tally = new Map<string, number>();
      for (const s of stats) tally.set(s, (tally.get(s) ?? 0) + 1);
      console.log(
        [...tally]
          .sort()
          .map(([k, n]) => `${k} ×${n}`)
          .join('\n'),
      );
    }
    await t?.close();
  });

  it('documents every route Nest serves, so none escapes the fuzzer', () => {
    // Fastify's routes are what actually answer (collected above as Nest registered them).
    const documented = operations.map(operationKey);
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((r) => !served.includes(r))).toEqual([]);
  });

  it('describes every request body it mentions (no reference points nowhere)', () => {
    expect(danglingRequestRefs(doc)).toEqual([]);
  });

  async function probe(op: Operation, role: RoleName, c: FuzzCase): Promise<void> {
    const headers = world.jars[role].headersFor(op.method);
    if (!c.withCsrf) delete headers[CSRF_HEADER];
    const revision = await world.revisionOf(c.params['id'] ?? c.params['tenderId']);
    const body = bodyBytes(c, (name) => (name === 'revision' ? revision : null));
    if (body !== undefined && c.contentType) headers['content-type'] = c.contentType;
    const req: RawRequest = { method: op.method, path: c.path + c.query, headers, body };

    const before = await countRows();
    let problems: string[];
    try {
      const res = await rawRequest(t.url, req);
      const after = await countRows();
      stats.push(`${operationKey(op)} ${role} ${res.status}`);
      problems = responseProblems(res);
      // A refused sign-in (401) is still recorded in the audit log, by design (identity.sign-in-failed).
      const audited = operationKey(op) === 'POST /api/v1/auth/sign-in' && res.status === 401;
      const changed = countChanges(before, after).filter((c) => !(audited && c.startsWith('audit_event:')));
      if (res.status >= 400 && changed.length) problems.push(`refused with ${res.status} yet changed rows: ${changed.join(', ')}`);
    } catch (error) {
      problems = [`no answer: ${(error as Error).message}`];
    }
    await world.keepSignedIn(role);
    if (problems.length) throw new Error(`${describeRequest(req, role)}\n  → ${problems.join('\n  → ')}`);
  }

  it.each(ROLES)(
    'as %s: no route answers 5xx or shows internals, every refusal is in the error shape and writes nothing',
    async (role) => {
      const failures: string[] = [];
      for (const op of operations) {
        const details = await fc.check(
          fc.asyncProperty(fuzzCase(doc, op, world), (c) => probe(op, role, c)),
          // A tender's content has over a hundred values where a sign-in has two: it gets more runs to reach them.
          { seed: seedFor(op, role), numRuns: sizeOf(baseBody(doc, op, world)) > 40 ? RUNS * 4 : RUNS, endOnFailure: !SHRINK },
        );
        if (details.failed) {
          const why = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          failures.push(`${operationKey(op)} — replay with seed ${details.seed}, path "${details.counterexamplePath}":\n  ${why}`);
        }
      }
      expect(failures).toEqual([]);
    },
    900_000,
  );
});

function describeRequest(req: RawRequest, role: RoleName): string {
  const type = req.headers?.['content-type'] ?? '(none)';
  const body = req.body === undefined ? '(no body)' : Buffer.isBuffer(req.body) ? `${req.body.length} bytes` : summarise(req.body);
  return `${req.method} ${summarise(req.path, 200)} as ${role}, content-type ${type}, body ${body}`;
}
