import { resolve } from 'node:path';
import type { RawResponse } from './raw-http';

const repoRoot = resolve(__dirname, '../../..');

/** What a stack trace or an internal path looks like when it leaks into a response. */
const LEAKS: RegExp[] = [
  /^\s+at \S+/m, // a stack frame line
  /\.[cm]?[jt]s:\d+/, // file.ts:12
  /node_modules/,
  /\b[A-Z]\w*Error:/, // TypeError: …, QueryFailedError: …
  /\bError: /,
  /SQLITE_[A-Z]+/,
  new RegExp(repoRoot.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')),
];

/** A response's problems against the API's promises; an empty list means it kept them. */
export function responseProblems(res: RawResponse): string[] {
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`answered ${res.status} ${res.text.slice(0, 300)}`);
  const type = String(res.headers['content-type'] ?? '');
  if (!type.includes('application/pdf')) {
    for (const leak of LEAKS) {
      const m = leak.exec(res.text);
      if (m) problems.push(`the response shows internals (${leak}): …${res.text.slice(Math.max(0, m.index - 80), m.index + 120)}…`);
    }
  }
  if (res.status >= 400 && res.status < 500) {
    let body: unknown;
    try {
      body = JSON.parse(res.text);
    } catch {
      body = undefined;
    }
    const b = body as { statusCode?: unknown; error?: unknown; message?: unknown; details?: unknown } | undefined;
    const shaped =
      !!b &&
      typeof b === 'object' &&
      b.statusCode === res.status &&
      typeof b.error === 'string' &&
      typeof b.message === 'string' &&
      (b.details === undefined || Array.isArray(b.details));
    if (!shaped) problems.push(`a ${res.status} not in the error shape {statusCode, error, message}: ${res.text.slice(0, 300)}`);
  }
  return problems;
}
