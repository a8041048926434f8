import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Helpers for the frozen corpus checks: they report ids, counts and hashes only, never a statement's text. */

export const LABELS = ['good', 'vague', 'brand', 'solution', 'method', 'standard', 'threshold'] as const;
export type Label = (typeof LABELS)[number];

export interface Entry {
  id: string;
  text: string;
  label: Label;
  sector: string;
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Case, punctuation and spacing do not make two statements different. */
export function normalisedHash(text: string): string {
  const norm = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return sha256(norm);
}

/** Parses JSON lines without letting a parse error echo the line's text. */
export function parseLines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        throw new Error(`${file}: line ${i + 1} is not valid JSON`);
      }
    });
}

/** How many items have each key. */
export function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
