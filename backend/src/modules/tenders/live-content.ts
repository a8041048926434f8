import { type TenderContent, defaultEvaluationRules } from '@openbrief/contracts';
import { type ContentProblem, fieldName, validateTenderContent } from './content-validation';

/** A live value that was not written to the tables, and why (the previous valid value stays). */
export interface LiveRefusal {
  field: string;
  message: string;
}

export interface AcceptedContent {
  content: TenderContent;
  refused: LiveRefusal[];
}

/** Lists whose items carry an id: an item is matched with its previous version by id, never by place. */
const KEYED_LISTS = new Set(['lots', 'requirements', 'criteria']);

type Node = Record<string, unknown> | unknown[];
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !(v instanceof Uint8Array);

/**
 * Live edits arrive as a Yjs document, where any client can put any value anywhere. Before the document
 * is projected into the tables, its content goes through the REST API's own validation
 * (content-validation.ts); every value it refuses is replaced with the value the tables hold now (the
 * last valid one), field by field, and the rest is projected, so valid typing is never lost. When putting
 * back one field does not make the content valid (a rule between fields: weights, timetable order), the
 * next round puts back the enclosing part (the criterion, then the lot's criteria, the lot…), and at worst
 * everything: the tables never take an invalid value. Problems the tables already had (content written
 * before these rules) are not live refusals and do not block the rest.
 */
export function acceptLiveContent(live: TenderContent, previous: TenderContent): AcceptedContent {
  const known = new Set(validateTenderContent(previous).map(key));
  const refused = new Map<string, LiveRefusal>();
  /** How many times each field has been put back already: each time, the next enclosing part goes back. */
  const tries = new Map<string, number>();
  let content = withLaterFields(withoutReservedKeys(live, [], refused) as TenderContent, previous);
  for (let round = 0; ; round++) {
    const problems = validateTenderContent(content).filter((p) => !known.has(key(p)));
    if (!problems.length) break;
    // One message per field (a string in a number field breaks several rules; the first says it best).
    for (const p of problems) if (!refused.has(p.field)) refused.set(p.field, { field: p.field, message: p.message });
    const depths = problems.map((p) => p.path.length - (tries.get(p.field) ?? 0));
    problems.forEach((p) => tries.set(p.field, (tries.get(p.field) ?? 0) + 1));
    if (round >= MAX_ROUNDS || depths.some((d) => d <= 0)) {
      content = structuredClone(previous);
      break;
    }
    const removals = new Map<unknown[], Set<number>>();
    problems.forEach((p, i) => restore(content, previous, p.path.slice(0, depths[i]), removals));
    for (const [list, indices] of removals) [...indices].sort((a, b) => b - a).forEach((i) => list.splice(i, 1));
  }
  return { content, refused: [...refused.values()] };
}

/**
 * A live document written before a field existed (stored, or held by an editor opened before an upgrade) does not
 * have it at all: the field is taken from the tables rather than refused, as nobody typed anything wrong. A value
 * that is present, of whatever type, is checked like any other.
 */
function withLaterFields(content: TenderContent, previous: TenderContent): TenderContent {
  if (!isNode(content) || Array.isArray(content)) return content;
  const out = { ...content };
  if (out.responseRules === undefined) out.responseRules = structuredClone(previous.responseRules);
  if (out.mainCategory === undefined) out.mainCategory = previous.mainCategory;
  if (out.regions === undefined) out.regions = [...previous.regions];
  if (out.noEngagementReason === undefined) out.noEngagementReason = previous.noEngagementReason;
  if (isNode(out.timetable) && !Array.isArray(out.timetable) && out.timetable.answersPublishedBy === undefined)
    out.timetable = { ...out.timetable, answersPublishedBy: previous.timetable.answersPublishedBy };
  if (isNode(out.contract) && !Array.isArray(out.contract) && out.contract.jurisdiction === undefined)
    out.contract = { ...out.contract, jurisdiction: previous.contract.jurisdiction };
  if (Array.isArray(out.lots)) out.lots = out.lots.map((lot) => withEvaluationRules(lot, previous));
  return out;
}

/** A lot's rules, if its model has none: the tables' for a lot they hold, the defaults for a new one. */
function withEvaluationRules(lot: TenderContent['lots'][number], previous: TenderContent): TenderContent['lots'][number] {
  if (!isNode(lot) || Array.isArray(lot)) return lot;
  const model = lot.evaluationModel as unknown;
  if (!isNode(model) || Array.isArray(model) || (model as Record<string, unknown>)['rules'] !== undefined) return lot;
  const stored = previous.lots.find((l) => l.id === lot.id)?.evaluationModel.rules;
  return { ...lot, evaluationModel: { ...lot.evaluationModel, rules: stored ? structuredClone(stored) : defaultEvaluationRules() } };
}

/** Keys no DTO has, which the REST API refuses when it parses a body (common/middleware/body-parsing.ts). */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A copy without reserved keys, each dropped key recorded as refused. Left in, an object with an own
 * "constructor" makes class-transformer throw, which no path can be found for, and the whole content would
 * go back to its previous state, typing included, for one bad value.
 */
function withoutReservedKeys(value: unknown, path: string[], refused: Map<string, LiveRefusal>): unknown {
  if (Array.isArray(value)) return value.map((v, i) => withoutReservedKeys(v, [...path, String(i)], refused));
  if (!isNode(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (RESERVED_KEYS.has(k)) {
      const field = fieldName([...path, k]);
      refused.set(field, { field, message: `"${field}" is not a field we accept here.` });
      continue;
    }
    copy[k] = withoutReservedKeys(v, [...path, k], refused);
  }
  return copy;
}

/** Enough for the deepest field (lots[0].evaluationModel.criteria[0].weight) to go back to its lot, twice over. */
const MAX_ROUNDS = 16;

const key = (p: ContentProblem) => `${p.field}\u0000${p.message}`;

/** The previous version of a list item: by id in lists of identified items, by place in the others. */
function counterpart(listName: string, list: unknown[], index: number, previous: unknown): unknown {
  if (!Array.isArray(previous)) return undefined;
  if (!KEYED_LISTS.has(listName)) return previous[index];
  const id = isNode(list[index]) ? (list[index] as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' ? previous.find((p) => isNode(p) && (p as Record<string, unknown>)['id'] === id) : undefined;
}

/**
 * Puts the previous value back at `path`; a key with no previous value is removed, and so is a list item
 * with no previous version (a new item that is not valid yet is left out until it is). Removals from lists
 * are collected and made after the round, so the other problems' indices still point at their items.
 */
function restore(root: unknown, previous: unknown, path: string[], removals: Map<unknown[], Set<number>>): void {
  let node: unknown = root;
  let prev: unknown = previous;
  for (let i = 0; i < path.length; i++) {
    const last = i === path.length - 1;
    if (Array.isArray(node)) {
      const index = Number(path[i]);
      const match = counterpart(path[i - 1] ?? '', node, index, prev);
      if (match === undefined) {
        if (!removals.has(node)) removals.set(node, new Set());
        removals.get(node)!.add(index);
        return;
      }
      if (last) {
        node[index] = structuredClone(match);
        return;
      }
      node = node[index];
      prev = match;
      continue;
    }
    if (!isNode(node)) return;
    const record = node as Record<string, unknown>;
    const before = isNode(prev) && !Array.isArray(prev) ? (prev as Record<string, unknown>) : undefined;
    if (last) {
      if (before && path[i] in before) record[path[i]] = structuredClone(before[path[i]]);
      else delete record[path[i]];
      return;
    }
    node = record[path[i]];
    prev = before?.[path[i]];
  }
}
