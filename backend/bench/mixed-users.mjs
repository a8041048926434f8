// The simulated users of the mixed-load bench. Each is a loop: think, then one operation, timed from
// the moment it is sent to the moment its answer (or, for a live edit, the server's acknowledgement) is in.
export const KINDS = {
  read: 'read one public tender',
  list: 'list page (public)',
  check: 'text check',
  save: 'REST edit (saved)',
  stale: 'REST edit (409 stale, retried)',
  live: 'live edit (WebSocket)',
};

const LIVE_ACK_MS = 10_000;
const MAX_SUMMARY = 1500; // the summary allows 2,000 characters: live typists trim so it stays valid
const MAX_RETRIES = 10;
const WORDS = ['outcome ', 'patients ', 'within ', 'a year ', 'fewer ', 'missed ', 'visits ', 'measured ', 'monthly '];

const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** Runs `op` after each think time (uniform in [0, 2 × thinkMs], so `thinkMs` on average) until `until`. */
export async function runUser(op, thinkMs, until) {
  // Staggered starts: the first think time is drawn like the others, so 200 users do not all begin at once.
  while (performance.now() < until) {
    await sleep(Math.random() * 2 * thinkMs);
    if (performance.now() >= until) break;
    await op();
  }
}

async function timed(rec, kind, request, accept = (s) => s >= 200 && s < 300) {
  const t0 = performance.now();
  try {
    const res = await request();
    const ms = performance.now() - t0;
    if (accept(res.status)) rec.ok(kind, ms);
    else rec.error(kind, `HTTP ${res.status} ${res.text.slice(0, 160)}`);
    return { res, ms };
  } catch (error) {
    rec.error(kind, `socket: ${error.message}`);
    return { res: null };
  }
}

/** Reads one published tender, as a supplier arriving from a search engine does. */
export const reader = (client, rec, publishedIds) => () =>
  timed(rec, KINDS.read, () => client.request('GET', `/api/v1/public/tenders/${pick(publishedIds)}`));

/**
 * Pages through the public list, 20 at a time: half the time reads on to the next page, otherwise starts
 * again at the first. Takes the paged shape ({ items, nextCursor }) or the older whole-list array.
 */
export function lister(client, rec) {
  let cursor = null;
  return async () => {
    const path = `/api/v1/public/tenders?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const { res } = await timed(rec, KINDS.list, () => client.request('GET', path));
    const next = res?.json && !Array.isArray(res.json) ? (res.json.nextCursor ?? null) : null;
    cursor = next && Math.random() < 0.5 ? next : null;
  };
}

/** Checks a short specification (several requirements from the labelled corpus), as on the public checker page. */
export const checker = (client, rec, requirements) => () => {
  const text = Array.from({ length: 8 }, () => pick(requirements)).join('\n');
  return timed(rec, KINDS.check, () => client.request('POST', '/api/v1/spec-check', { text }));
};

/** The content a save sends, from a tender as read (the same fields the frontend's form holds). */
export function toContent(d) {
  return {
    title: d.title,
    summary: d.summary,
    problem: d.problem,
    users: d.users,
    workDone: d.workDone,
    constraints: d.constraints,
    budget: d.budget,
    contract: d.contract,
    estimatedValue: d.estimatedValue,
    location: d.location,
    procedure: d.procedure,
    singleLotReason: d.singleLotReason,
    timetable: d.timetable,
    // Absent from builds before issue 12 (the bench may run against an older build).
    ...(d.responseRules ? { responseRules: d.responseRules } : {}),
    // Absent from builds before issue 15.
    ...(d.mainCategory
      ? {
          mainCategory: d.mainCategory,
          regions: d.regions,
          engagementSummary: d.engagementSummary,
          noEngagementReason: d.noEngagementReason,
        }
      : {}),
    contact: d.contact,
    lots: d.lots.map((l) => ({
      id: l.id,
      title: l.title,
      description: l.description,
      estimatedValue: l.estimatedValue,
      evaluationModel: { ...l.evaluationModel, criteria: l.evaluationModel.criteria.map(({ order: _o, ...c }) => c) },
      requirements: l.requirements.map(({ lotId: _l, order: _o, ...r }) => r),
    })),
    justifications: d.justifications,
  };
}

/**
 * A buyer saving a draft over REST with the revision it last read. Two editors share each draft, so some
 * saves meet a newer revision: the 409 carries the current tender, and the editor saves again on top of it
 * (as the frontend's merge does). Those 409s are counted apart, not as errors.
 */
export function restEditor(client, rec, tender, editorNo) {
  let current = tender;
  let edits = 0;
  return async () => {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const content = toContent(current);
      content.summary = `${tender.summary.slice(0, 1800)} Edit ${++edits} by editor ${editorNo}.`;
      const t0 = performance.now();
      let res;
      try {
        res = await client.request('PUT', `/api/v1/tenders/${tender.id}`, { revision: current.revision, content });
      } catch (error) {
        rec.error(KINDS.save, `socket: ${error.message}`);
        return;
      }
      const ms = performance.now() - t0;
      if (res.status === 200) {
        rec.ok(KINDS.save, ms);
        current = res.json;
        return;
      }
      if (res.status === 409 && res.json?.current) {
        rec.expected(KINDS.stale, ms);
        current = res.json.current;
        continue;
      }
      rec.error(KINDS.save, `HTTP ${res.status} ${res.text.slice(0, 160)}`);
      return;
    }
    rec.error(KINDS.save, `still stale after ${MAX_RETRIES} tries`);
  };
}

/**
 * A buyer typing into a draft's summary live: each operation inserts a word (trimming the start so the
 * summary stays within its limit), timed until the server acknowledges that update (Hocuspocus's sync
 * status, sent once the update is logged and applied), which is when the editor shows "saved". The
 * acknowledgements come in order, one per update, so each is matched to its own insert: an update answered
 * too late counts as an error once and does not hold up the timing of the next ones.
 */
export function liveEditor(yClient, rec) {
  const { doc, provider } = yClient;
  const text = yClient.text('summary');
  const waiting = [];
  let unsynced = provider.unsyncedChanges;
  provider.on('unsyncedChanges', ({ number }) => {
    for (let n = number; n < unsynced; n++) waiting.shift()?.();
    unsynced = number;
  });
  let closed = false;
  provider.on('close', () => {
    if (!closed) rec.error(KINDS.live, 'socket: the WebSocket closed');
    closed = true;
  });
  return async () => {
    if (closed) return;
    const t0 = performance.now();
    const acknowledged = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), LIVE_ACK_MS);
      waiting.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
      doc.transact(() => {
        text.insert(Math.floor(Math.random() * (text.length + 1)), pick(WORDS));
        if (text.length > MAX_SUMMARY) text.delete(0, text.length - MAX_SUMMARY);
      });
    });
    if (acknowledged) rec.ok(KINDS.live, performance.now() - t0);
    else rec.error(KINDS.live, `no acknowledgement within ${LIVE_ACK_MS / 1000} s`);
  };
}
