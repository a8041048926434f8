import type { TenderContent } from '@openbrief/contracts';
import { type EntityManager, In, QueryFailedError } from 'typeorm';
import { ConflictError } from '../../common/errors/domain.error';
import { Criterion } from './entities/criterion.entity';
import { Lot } from './entities/lot.entity';
import { Requirement } from './entities/requirement.entity';
import { childRows } from './tender.mapper';

/** Rows per INSERT: SQLite limits the number of bound parameters in one statement. */
const CHUNK = 50;

/**
 * A save removed a lot, requirement or criterion that another record (a bid's answer, a score…) points
 * at: the database refuses the delete, and the whole save is refused with it.
 */
export class ChildRowInUseError extends ConflictError {
  constructor() {
    super(
      'Something you removed (a lot, requirement or evaluation criterion) is still referred to elsewhere, so it cannot be removed. Nothing was saved.',
    );
  }
}

/**
 * Brings a tender's lot, requirement and criterion rows to `content` in place, so their ids stay the
 * same across saves, live projections and publication and other tables can hold foreign keys to them:
 * rows whose id is gone are deleted, rows whose values changed are updated (only the changed columns),
 * new ids are inserted and rows that did not change are not written at all. A requirement or criterion
 * may move to another lot, including a new one or away from one being deleted: new lots are inserted
 * first and deletions come last, children before parents (a lot's deletion cascades to its children).
 * Deleting a row that something else refers to throws ChildRowInUseError (see isForeignKeyViolation).
 */
export async function writeChildRows(tx: EntityManager, tenderId: string, content: TenderContent): Promise<void> {
  const wanted = childRows(tenderId, content);
  const lots = await tx.findBy(Lot, { tenderId });
  const [requirements, criteria] = await Promise.all([
    tx.findBy(Requirement, { tenderId }),
    lots.length ? tx.findBy(Criterion, { lotId: In(lots.map((l) => l.id)) }) : Promise.resolve([] as Criterion[]),
  ]);
  const lotPlan = plan(lots, wanted.lots);
  const requirementPlan = plan(requirements, wanted.requirements);
  const criterionPlan = plan(criteria, wanted.criteria);

  for (const [entity, rows] of [
    [Lot, lotPlan.inserts],
    [Requirement, requirementPlan.inserts],
    [Criterion, criterionPlan.inserts],
  ] as const) {
    for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(entity, rows.slice(i, i + CHUNK) as never);
  }
  for (const [entity, updates] of [
    [Lot, lotPlan.updates],
    [Requirement, requirementPlan.updates],
    [Criterion, criterionPlan.updates],
  ] as const) {
    for (const { id, changes } of updates) await tx.update(entity, { id }, changes as never);
  }
  try {
    for (const [entity, ids] of [
      [Criterion, criterionPlan.deletes],
      [Requirement, requirementPlan.deletes],
      [Lot, lotPlan.deletes],
    ] as const) {
      for (let i = 0; i < ids.length; i += 500) await tx.delete(entity, { id: In(ids.slice(i, i + 500)) });
    }
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new ChildRowInUseError();
    throw error;
  }
}

interface Plan<T> {
  inserts: T[];
  updates: { id: string; changes: Partial<T> }[];
  deletes: string[];
}

/** What to insert, update (only the columns that differ) and delete to turn `stored` into `wanted`, matched by id. */
function plan<T extends { id: string }>(stored: T[], wanted: T[]): Plan<T> {
  const byId = new Map(stored.map((row) => [row.id, row]));
  const keep = new Set(wanted.map((row) => row.id));
  const result: Plan<T> = { inserts: [], updates: [], deletes: stored.filter((row) => !keep.has(row.id)).map((row) => row.id) };
  for (const row of wanted) {
    const before = byId.get(row.id);
    if (!before) {
      result.inserts.push(row);
      continue;
    }
    const changes: Partial<T> = {};
    for (const key of Object.keys(row) as (keyof T)[]) {
      if (!sameValue(before[key], row[key])) changes[key] = row[key];
    }
    if (Object.keys(changes).length) result.updates.push({ id: row.id, changes });
  }
  return result;
}

/** Column values as the database gives them back: undefined is NULL, decimals keep two places, JSON compares by value. */
function sameValue(stored: unknown, wanted: unknown): boolean {
  const a = stored ?? null;
  const b = wanted ?? null;
  if (typeof a === 'number' && typeof b === 'number') return Math.round(a * 100) === Math.round(b * 100);
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
  return a === b;
}

/** JSON with object keys sorted, so a stored value and an equal one built in another key order compare equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value ?? null;
}

/** PostgreSQL's foreign_key_violation / restrict_violation, or SQLite's "FOREIGN KEY constraint failed". */
export function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; message?: string } | undefined;
  return driver?.code === '23503' || driver?.code === '23001' || /FOREIGN KEY constraint failed/i.test(driver?.message ?? error.message);
}
