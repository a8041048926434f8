import type { LotContent, Measure, RequirementContent, TenderContent } from '@openbrief/contracts';
import * as Y from 'yjs';

/**
 * A tender's content as a Yjs document, for live co-editing. Free text is Y.Text, so concurrent typing
 * in one field merges character by character; structure (lots, requirements) is Y.Array of Y.Map;
 * everything else (dates, weights, budget…) is a plain value, last writer wins.
 *
 *   doc.getMap('tender')   title, summary, problem, users, workDone, constraints, engagementSummary: Y.Text;
 *                          other fields: plain (regions: a JSON list of codes, replaced whole, read as a copy)
 *   doc.getArray('lots')   Y.Map { id, position, title: Y.Text, description: Y.Text, estimatedValue, evaluationModel,
 *                                  requirements: Y.Array<Y.Map { id, position, heading, kind, priority, outcome: Y.Text,
 *                                  whyItMatters: Y.Text, measure: Y.Text (description) + measureBaseline/…,
 *                                  roomForProposals: Y.Text, justification }> }
 */

const TENDER_TEXT = ['title', 'summary', 'problem', 'users', 'workDone', 'constraints', 'engagementSummary'] as const;
const TENDER_PLAIN = [
  'budget',
  'contract',
  'estimatedValue',
  'location',
  'mainCategory',
  'regions',
  'procedure',
  'singleLotReason',
  'noEngagementReason',
  'timetable',
  'responseRules',
  'contact',
  'justifications',
] as const;
const REQUIREMENT_TEXT = ['outcome', 'whyItMatters', 'roomForProposals'] as const;

type YMap = Y.Map<unknown>;

/** Changes a Y.Text to `value` by replacing only the part that differs, so edits elsewhere in it survive a merge. */
export function setText(text: Y.Text, value: string): void {
  const current = text.toString();
  if (current === value) return;
  let start = 0;
  const max = Math.min(current.length, value.length);
  while (start < max && current.charCodeAt(start) === value.charCodeAt(start)) start++;
  // Never split a surrogate pair: Y.Text counts UTF-16 units, and half a pair would corrupt the character.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < max - start && current.charCodeAt(current.length - 1 - end) === value.charCodeAt(value.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = value.slice(start, value.length - end);
  if (inserted) text.insert(start, inserted);
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Equal as JSON; a value JSON cannot write (a client can store a BigInt) is never equal, so it gets replaced. */
function same(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/** Any client can put anything into the shared document: lists of items are read as the maps they should hold. */
const isMap = (value: unknown): value is YMap => value instanceof Y.Map;

/**
 * Plain data, as Yjs stores it: Yjs refuses objects that are not plain `Object`s, such as the DTO class
 * instances a validated REST save holds (a changed budget or timetable then never reached the document).
 */
function plainData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainData);
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value === undefined ? null : value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainData(v)]));
}

function setPlain(map: YMap, key: string, value: unknown): void {
  if (!map.has(key) || !same(map.get(key), value)) map.set(key, plainData(value));
}

function textIn(map: YMap, key: string): Y.Text {
  let text = map.get(key);
  if (!(text instanceof Y.Text)) {
    text = new Y.Text();
    map.set(key, text);
  }
  return text as Y.Text;
}

/**
 * Brings the list of maps in line with `items` by id: keeps, updates, inserts and removes. Order is not
 * the array's: each map carries a `position` number and readers sort by it, because Yjs has no move, and
 * moving by delete + insert would lose what someone else was typing in the moved item at that moment.
 */
function syncList<T extends { id: string }>(list: Y.Array<YMap>, items: T[], write: (map: YMap, item: T) => void): void {
  const wanted = new Set(items.map((i) => i.id));
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list.get(i);
    if (!isMap(item) || !wanted.has(item.get('id') as string)) list.delete(i, 1);
  }
  const byId = new Map(list.toArray().map((m) => [m.get('id') as string, m]));
  const fresh = new Set<YMap>();
  for (const item of items) {
    if (byId.has(item.id)) continue;
    const map = new Y.Map<unknown>();
    map.set('id', item.id);
    list.push([map]);
    byId.set(item.id, map);
    fresh.add(map);
  }
  const maps = items.map((item) => byId.get(item.id)!);
  const all = list.toArray();
  const positions = orderedPositions(maps.map((m) => (fresh.has(m) ? NaN : positionOf(m, all))));
  maps.forEach((map, i) => {
    if (map.get('position') !== positions[i]) map.set('position', positions[i]);
    write(map, items[i]);
  });
}

/** A map's place in the list: its `position`, or (in a document written before positions) its index. */
function positionOf(map: YMap, all: YMap[]): number {
  const position = map.get('position');
  return typeof position === 'number' ? position : all.indexOf(map);
}

/**
 * Positions for the wanted order that change as few items as possible: the longest run of items
 * already in increasing order keeps its numbers; every other item gets a number between its neighbours.
 */
export function orderedPositions(current: number[]): number[] {
  const keep = longestIncreasing(current);
  const result: number[] = [];
  for (let i = 0; i < current.length; i++) {
    if (keep.has(i)) {
      result.push(current[i]);
      continue;
    }
    const lower = i > 0 ? result[i - 1] : -Infinity;
    const nextKept = current.find((p, j) => j > i && keep.has(j));
    const upper = nextKept ?? Infinity;
    const position = lower === -Infinity ? (upper === Infinity ? 0 : upper - 1) : upper === Infinity ? lower + 1 : (lower + upper) / 2;
    // Halving a gap again and again runs out of precision: then number everything afresh.
    if (!(position > lower && position < upper)) return current.map((_, j) => j);
    result.push(position);
  }
  return result;
}

/** Indices of a longest strictly increasing subsequence of the finite numbers (n is small: a lot's requirements). */
function longestIncreasing(values: number[]): Set<number> {
  const length: number[] = [];
  const previous: number[] = [];
  let best = -1;
  values.forEach((v, i) => {
    length[i] = Number.isFinite(v) ? 1 : 0;
    previous[i] = -1;
    if (!length[i]) return;
    for (let j = 0; j < i; j++) {
      if (length[j] && values[j] < v && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
    if (best < 0 || length[i] > length[best]) best = i;
  });
  const keep = new Set<number>();
  for (let i = best; i >= 0; i = previous[i]) keep.add(i);
  return keep;
}

/** The list's maps in reading order: by position, then id, so every replica reads the same order. */
function ordered(list: unknown): YMap[] {
  if (!(list instanceof Y.Array)) return [];
  return (list.toArray() as unknown[])
    .filter(isMap)
    .map((map, index) => ({ map, position: Number.isFinite(map.get('position')) ? (map.get('position') as number) : index }))
    .sort((a, b) => a.position - b.position || String(a.map.get('id')).localeCompare(String(b.map.get('id'))))
    .map((entry) => entry.map);
}

function writeRequirement(map: YMap, r: RequirementContent): void {
  for (const key of REQUIREMENT_TEXT) setText(textIn(map, key), r[key]);
  setText(textIn(map, 'measure'), r.measure.description);
  setPlain(map, 'measureBaseline', r.measure.baseline);
  setPlain(map, 'measureTarget', r.measure.target);
  setPlain(map, 'measureUnit', r.measure.unit);
  setPlain(map, 'heading', r.heading);
  setPlain(map, 'kind', r.kind);
  setPlain(map, 'priority', r.priority);
  setPlain(map, 'justification', r.justification);
}

function writeLot(map: YMap, lot: LotContent): void {
  setText(textIn(map, 'title'), lot.title);
  setText(textIn(map, 'description'), lot.description);
  setPlain(map, 'estimatedValue', lot.estimatedValue);
  setPlain(map, 'evaluationModel', lot.evaluationModel);
  let requirements = map.get('requirements');
  if (!(requirements instanceof Y.Array)) {
    requirements = new Y.Array<YMap>();
    map.set('requirements', requirements);
  }
  syncList(requirements as Y.Array<YMap>, lot.requirements, writeRequirement);
}

/** Makes the document say `content`, with the smallest changes, in one transaction. */
export function writeContent(doc: Y.Doc, content: TenderContent, origin: unknown = null): void {
  doc.transact(() => {
    const tender = doc.getMap<unknown>('tender');
    for (const key of TENDER_TEXT) setText(textIn(tender, key), content[key]);
    for (const key of TENDER_PLAIN) setPlain(tender, key, content[key]);
    syncList(doc.getArray<YMap>('lots'), content.lots, writeLot);
  }, origin);
}

const str = (map: YMap, key: string) => (map.get(key) instanceof Y.Text ? (map.get(key) as Y.Text).toString() : '');

/**
 * A plain value as JSON-like data. A client may have put a shared type where a plain value belongs: it is
 * read as its JSON, so whoever reads the content gets data to validate, never a live part of the document.
 */
function plainOf(map: YMap, key: string): unknown {
  const value = map.get(key);
  if (value instanceof Y.AbstractType) return value.toJSON() as unknown;
  // A plain list is the document's own object: a copy, so a reader that changes it cannot change the document unseen.
  return Array.isArray(value) ? plainData(value) : value;
}

/** The content the document holds now. */
export function readContent(doc: Y.Doc): TenderContent {
  const tender = doc.getMap<unknown>('tender');
  // Values are cast to their types here; the server validates them before using them (tenders/live-content.ts).
  const plain = <K extends (typeof TENDER_PLAIN)[number]>(key: K) => plainOf(tender, key) as TenderContent[K];
  return {
    title: str(tender, 'title'),
    summary: str(tender, 'summary'),
    problem: str(tender, 'problem'),
    users: str(tender, 'users'),
    workDone: str(tender, 'workDone'),
    constraints: str(tender, 'constraints'),
    engagementSummary: str(tender, 'engagementSummary'),
    budget: plain('budget'),
    contract: plain('contract'),
    estimatedValue: plain('estimatedValue'),
    location: plain('location'),
    mainCategory: plain('mainCategory'),
    regions: plain('regions'),
    procedure: plain('procedure'),
    singleLotReason: plain('singleLotReason'),
    noEngagementReason: plain('noEngagementReason'),
    timetable: plain('timetable'),
    responseRules: plain('responseRules'),
    contact: plain('contact'),
    justifications: plain('justifications'),
    lots: ordered(doc.getArray<YMap>('lots')).map((lot) => ({
      id: plainOf(lot, 'id') as string,
      title: str(lot, 'title'),
      description: str(lot, 'description'),
      estimatedValue: plainOf(lot, 'estimatedValue') as number | null,
      evaluationModel: plainOf(lot, 'evaluationModel') as LotContent['evaluationModel'],
      requirements: ordered(lot.get('requirements')).map((r): RequirementContent => ({
        id: plainOf(r, 'id') as string,
        heading: plainOf(r, 'heading') as string | null,
        kind: plainOf(r, 'kind') as RequirementContent['kind'],
        priority: plainOf(r, 'priority') as RequirementContent['priority'],
        outcome: str(r, 'outcome'),
        whyItMatters: str(r, 'whyItMatters'),
        measure: {
          description: str(r, 'measure'),
          baseline: plainOf(r, 'measureBaseline') as Measure['baseline'],
          target: plainOf(r, 'measureTarget') as Measure['target'],
          unit: plainOf(r, 'measureUnit') as Measure['unit'],
        },
        roomForProposals: str(r, 'roomForProposals'),
        justification: plainOf(r, 'justification') as string | null,
      })),
    })),
  };
}
