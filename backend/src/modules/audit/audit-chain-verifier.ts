import { type EntityManager, MoreThan } from 'typeorm';
import { digestOf, entryHash, GENESIS_HASH } from './audit-chain';
import { AuditEvent } from './entities/audit-event.entity';

export type ChainBreakReason = 'gap' | 'prev_hash mismatch' | 'hash mismatch';

export interface ChainBreak {
  seq: number;
  id: string;
  reason: ChainBreakReason;
  /** What is wrong, in words, for the person running the check. */
  explanation: string;
}

export type ChainReport =
  { ok: true; count: number; headSeq: number; headHash: string } | { ok: false; checked: number; broken: ChainBreak };

const BATCH = 500;

/**
 * Walks the whole audit log in `seq` order and reports the first entry that breaks the chain: a missing
 * number before it (an entry deleted), a prev_hash that is not the previous entry's hash (an entry
 * rewritten or removed before it), or a hash or digest that its own fields no longer give (an entry altered).
 *
 * Removing the newest entries leaves a shorter chain that is still whole; to notice that, keep the
 * head (`headSeq`, `headHash`) somewhere else and compare (docs/audit.md).
 */
export async function verifyChain(manager: EntityManager): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expected = 1;
  for (;;) {
    const rows = await manager.find(AuditEvent, { where: { seq: MoreThan(expected - 1) }, order: { seq: 'ASC' }, take: BATCH });
    for (const row of rows) {
      const broken = check(row, expected, prevHash);
      if (broken) return { ok: false, checked: expected - 1, broken };
      prevHash = row.hash;
      expected += 1;
    }
    if (rows.length < BATCH) return { ok: true, count: expected - 1, headSeq: expected - 1, headHash: prevHash };
  }
}

function check(row: AuditEvent, expected: number, prevHash: string): ChainBreak | null {
  const at = { seq: row.seq, id: row.id };
  if (row.seq !== expected) {
    const missing = row.seq - 1 === expected ? `entry ${expected} is missing` : `entries ${expected} to ${row.seq - 1} are missing`;
    return { ...at, reason: 'gap', explanation: `${missing} before it (deleted?)` };
  }
  if (row.prevHash !== prevHash) {
    return {
      ...at,
      reason: 'prev_hash mismatch',
      explanation:
        expected === 1
          ? 'the first entry does not start from the genesis hash'
          : `its prev_hash is not the hash of entry ${expected - 1} (that entry was rewritten or replaced?)`,
    };
  }
  if (digestOf(row.details) !== row.digest) {
    return { ...at, reason: 'hash mismatch', explanation: 'its details no longer match their digest (altered?)' };
  }
  if (entryHash(row.prevHash, row) !== row.hash) {
    return { ...at, reason: 'hash mismatch', explanation: 'its fields no longer give its hash (altered?)' };
  }
  return null;
}
