import { RequirementKind, RequirementPriority, type TenderContent } from '@openbrief/contracts';
import { readContent, writeContent } from '@openbrief/tender-doc';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { CollaborationService } from '../../src/modules/collaboration/collaboration.service';
import { clampContent } from '../../src/modules/collaboration/clamp-content';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { type CollabClient, connectCollab, waitFor } from '../support/collab-client';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

/** Where in a list (0 ≤ f < 1), resolved against the replica's state when the edit is made. */
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const typed = fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom(...'abcdefghij klmnoé—.'.split('')) });

type Edit =
  | { kind: 'insert'; target: number; at: number; text: string }
  | { kind: 'delete'; target: number; at: number; length: number }
  | { kind: 'add'; at: number; id: string; outcome: string }
  | { kind: 'remove'; at: number }
  | { kind: 'move'; from: number; to: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), target: fraction, at: fraction, text: typed }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), target: fraction, at: fraction, length: fc.integer({ min: 1, max: 6 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), at: fraction, id: fc.uuid(), outcome: typed }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fraction }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), from: fraction, to: fraction }) },
);

/** Rounds of edits: in each round every client edits its own replica before anything is synced. */
const program = (clients: number, rounds: number, perRound: number) =>
  fc.array(fc.array(fc.record({ client: fc.nat({ max: clients - 1 }), edit }), { minLength: 1, maxLength: perRound }), {
    minLength: 1,
    maxLength: rounds,
  });

const TENDER_TEXTS = ['summary', 'problem', 'users'];
const REQUIREMENT_TEXTS = ['outcome', 'whyItMatters', 'measure', 'roomForProposals'];
const pick = <T>(list: T[], f: number) => list[Math.floor(f * list.length)];

/** The free-text fields the edits aim at: three of the tender's and four of every requirement's. */
function texts(doc: Y.Doc): Y.Text[] {
  const tender = doc.getMap('tender');
  const found = TENDER_TEXTS.map((k) => tender.get(k) as Y.Text);
  for (const lot of doc.getArray<Y.Map<unknown>>('lots').toArray()) {
    for (const r of (lot.get('requirements') as Y.Array<Y.Map<unknown>>).toArray()) {
      for (const k of REQUIREMENT_TEXTS) found.push(r.get(k) as Y.Text);
    }
  }
  return found.filter((t) => t instanceof Y.Text);
}

/** Applies one edit to a replica: text edits as Y.Text operations, structure edits through writeContent. */
function apply(doc: Y.Doc, e: Edit): void {
  if (e.kind === 'insert' || e.kind === 'delete') {
    const text = pick(texts(doc), e.target);
    const at = Math.floor(e.at * (text.length + (e.kind === 'insert' ? 1 : 0)));
    if (e.kind === 'insert') text.insert(at, e.text);
    else if (text.length > 0) text.delete(at, Math.min(e.length, text.length - at));
    return;
  }
  const content: TenderContent = readContent(doc);
  const requirements = content.lots[0].requirements;
  if (e.kind === 'add') {
    requirements.splice(Math.floor(e.at * (requirements.length + 1)), 0, {
      id: e.id,
      heading: null,
      kind: RequirementKind.Outcome,
      priority: RequirementPriority.Essential,
      outcome: e.outcome,
      whyItMatters: '',
      measure: { description: '', baseline: null, target: null, unit: null },
      roomForProposals: '',
      justification: null,
    });
  } else {
    if (!requirements.length) return;
    const [moved] = requirements.splice(Math.floor((e.kind === 'remove' ? e.at : e.from) * requirements.length), 1);
    if (e.kind === 'move') requirements.splice(Math.floor(e.to * (requirements.length + 1)), 0, moved);
  }
  writeContent(doc, content);
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('convergence of concurrent live edits (property-based, real clients over WebSockets)', () => {
  let t: TestApp;
  let buyer: TestClient;
  let tenderId: string;
  beforeAll(async () => {
    // Projection only on demand: the REST read below must project by itself (compaction between runs projects too).
    t = await startTestApp({ COLLAB_PROJECTION_MS: '600000' });
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    tenderId = (await buyer.post('/api/v1/tenders', { title: 'Converging tender', templateId: 'digital-service' })).body.id;
  });
  afterAll(() => t.close());

  async function run(clientCount: number, rounds: Array<Array<{ client: number; edit: Edit }>>): Promise<void> {
    const clients: CollabClient[] = await Promise.all(
      Array.from({ length: clientCount }, () => connectCollab(t.url, tenderId, buyer.cookieHeader())),
    );
    try {
      for (const round of rounds) {
        for (const { client, edit: e } of round) apply(clients[client].doc, e);
        // Let some messages through before the next round, so rounds meet part-synced replicas.
        await new Promise((r) => setImmediate(r));
      }
      await Promise.all(clients.map((c) => c.acknowledged()));
      const server = t.app.get(CollaborationService).hocuspocus.documents.get(`tender:${tenderId}`)!;
      // Deletions do not move the state vector, so the content is compared as well.
      await waitFor(() =>
        clients.every(
          (c) => sameBytes(Y.encodeStateVector(c.doc), Y.encodeStateVector(server)) && isDeepStrictEqual(c.content(), readContent(server)),
        ),
      );
      const converged = readContent(server);
      for (const c of clients) expect(c.content()).toEqual(converged);
      // The REST API answers from the tables, after projecting: they hold exactly what the document says.
      const res = await buyer.get(`/api/v1/tenders/${tenderId}`);
      expect(res.status).toBe(200);
      expect(toTenderContent(res.body)).toEqual(clampContent(converged));
    } finally {
      for (const c of clients) c.close();
    }
  }

  it('two clients converge, and the tables hold the converged document', async () => {
    await fc.assert(
      fc.asyncProperty(program(2, 4, 10), (rounds) => run(2, rounds)),
      { numRuns: 8 },
    );
  }, 120_000);

  it('ten clients converge, and the tables hold the converged document', async () => {
    await fc.assert(
      fc.asyncProperty(program(10, 3, 20), (rounds) => run(10, rounds)),
      { numRuns: 4 },
    );
  }, 120_000);
});
