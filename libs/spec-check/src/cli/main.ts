/* Command line: npm run -s spec-check -- [--format json|text] [--value N] FILE */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { checkTender } from '../index';
import type { Finding } from '../lib/types';
import { parseDocxHtml, parseLines, type ParsedRequirement } from '../lib/parse';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

export const USAGE = `Usage: spec-check [--format text|json] [--value AMOUNT] FILE

Checks each requirement in FILE for over-prescription (brands, dictated solutions and methods,
standards without equivalents, disproportionate thresholds, vague wording, readability).

FILE       .txt or .md (one requirement per non-empty line or list item; # headings are skipped)
           or .docx (one requirement per paragraph or list item; headings are skipped)
--format   text (default): one line per finding, FILE:line:col: severity rule: message — suggestion
           json: {"requirements": [...], "summary": {...}}
--value    estimated contract value (e.g. 1500000 or 1.5m), used to check turnover requirements
-h, --help show this help

Exit status: 0 when the file was checked (even with findings); 1 for a bad file or bad arguments.
`;

class UsageError extends Error {}

function parseValue(s: string): number {
  const m = /^\s*[£€$]?\s*(\d+(?:,\d{3})*(?:\.\d+)?)\s*(k|m|bn)?\s*$/i.exec(s);
  if (!m) throw new UsageError(`--value must be an amount such as 1500000 or 1.5m (got "${s}")`);
  let v = parseFloat(m[1].replace(/,/g, ''));
  const unit = (m[2] ?? '').toLowerCase();
  if (unit === 'k') v *= 1e3;
  else if (unit === 'm') v *= 1e6;
  else if (unit === 'bn') v *= 1e9;
  return v;
}

interface Args {
  format: 'text' | 'json';
  value?: number;
  file?: string;
  help: boolean;
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { format: 'text', help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const take = (name: string): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') args.help = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = take('--format');
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be "text" or "json" (got "${f}")`);
      args.format = f;
    } else if (a === '--value' || a.startsWith('--value=')) args.value = parseValue(take('--value'));
    else if (a === '--') continue;
    else if (a.startsWith('-') && a.length > 1) throw new UsageError(`unknown option ${a}`);
    else if (args.file !== undefined) throw new UsageError(`only one FILE may be given (got "${args.file}" and "${a}")`);
    else args.file = a;
  }
  return args;
}

export async function readRequirements(file: string): Promise<ParsedRequirement[]> {
  if (!existsSync(file)) throw new UsageError(`cannot read ${file}: no such file`);
  if (!statSync(file).isFile()) throw new UsageError(`cannot read ${file}: not a file`);
  const ext = extname(file).toLowerCase();
  if (ext === '.txt' || ext === '.md' || ext === '.markdown') {
    const buf = readFileSync(file);
    if (buf.includes(0)) throw new UsageError(`cannot read ${file}: it looks like a binary file, not text`);
    return parseLines(buf.toString('utf8'));
  }
  if (ext === '.docx') {
    // Loaded lazily so that text files do not pay for it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mammoth = require('mammoth') as typeof import('mammoth');
    let html: string;
    try {
      const result = await mammoth.convertToHtml({ path: file });
      html = result.value;
    } catch (e) {
      throw new UsageError(`cannot read ${file}: not a valid .docx file (${(e as Error).message.split('\n')[0]})`);
    }
    return parseDocxHtml(html);
  }
  throw new UsageError(`cannot read ${file}: unsupported file type "${ext || '(none)'}" (use .txt, .md or .docx)`);
}

function jsonFinding(f: Finding) {
  return {
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    message: f.message,
    start: f.start,
    end: f.end,
    suggestion: f.suggestion,
    reference: f.reference,
  };
}

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
    if (args.help) {
      io.out(USAGE);
      return 0;
    }
    if (args.file === undefined) throw new UsageError('no FILE given');
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`spec-check: ${e.message}\n\n${USAGE}`);
      return 1;
    }
    throw e;
  }
  const file = args.file;
  let reqs: ParsedRequirement[];
  try {
    reqs = await readRequirements(file);
  } catch (e) {
    io.err(`spec-check: ${(e as Error).message}\n`);
    return 1;
  }
  const result = checkTender({
    requirements: reqs.map((r, i) => ({ id: String(i + 1), text: r.text })),
    estimatedValue: args.value,
  });
  const findingsCount = result.requirements.reduce((n, r) => n + r.findings.length, 0);
  if (args.format === 'json') {
    const doc = {
      requirements: reqs.map((r, i) => ({
        line: r.line,
        text: r.text,
        findings: result.requirements[i].findings.map(jsonFinding),
      })),
      summary: { requirements: reqs.length, findings: findingsCount, openness: result.openness.score },
    };
    io.out(JSON.stringify(doc, null, 2) + '\n');
    return 0;
  }
  const lines: string[] = [];
  reqs.forEach((r, i) => {
    for (const f of result.requirements[i].findings) {
      lines.push(`${file}:${r.line}:${r.column + f.start + 1}: ${f.severity} ${f.rule}: ${f.message} — ${f.suggestion}`);
    }
  });
  for (const f of result.tenderFindings) lines.push(`${file}: ${f.severity} ${f.rule}: ${f.message} — ${f.suggestion}`);
  const s = result.summary;
  lines.push(
    `${file}: ${reqs.length} requirement${reqs.length === 1 ? '' : 's'}, ${findingsCount} finding${findingsCount === 1 ? '' : 's'} ` +
      `(${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info), ` +
      `openness ${result.openness.score}/100` +
      (result.readingAge !== null ? `, reading age ${Math.round(result.readingAge)}` : ''),
  );
  io.out(lines.join('\n') + '\n');
  return 0;
}
