import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real PDF readers for the tests: poppler (pdftotext, pdfinfo, pdffonts, pdftoppm) and qpdf. What they
 * read is what a supplier's viewer or screen reader gets — not pdfkit's own objects.
 */

/** Lines of the tender pack's running header and footer (any reference, version, buyer). */
const RUNNING_HEAD =
  /^(Page \d+ of \d+|.*· Version \d+( · DRAFT)?|Community wellbeing navigation service|.*tender title.*|NHS Northmoor Integrated Care Board \(with Northmoor Borough Council\))$/;

export class PdfFile {
  readonly dir = mkdtempSync(join(tmpdir(), 'openbrief-documents-'));
  readonly path = join(this.dir, 'pack.pdf');

  constructor(
    readonly bytes: Buffer,
    private readonly runningHead: RegExp = RUNNING_HEAD,
  ) {
    writeFileSync(this.path, bytes);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Text in reading order; pages are separated by form feeds. */
  text(...args: string[]): string {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, this.path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  }

  /** Text of each page (1-based index = page number - 1), keeping the physical layout. */
  pages(): string[] {
    return this.text('-layout').split('\f').slice(0, -1);
  }

  /**
   * The text of every page without its running header and footer, flattened to single spaces — for
   * checks on text that may cross a page break.
   */
  bodyText(): string {
    return flat(
      this.text()
        .split('\f')
        .map((page) =>
          page
            .split('\n')
            .filter((line) => !this.runningHead.test(line))
            .join('\n'),
        )
        .join('\n'),
    );
  }

  info(): Record<string, string> {
    const out = execFileSync('pdfinfo', [this.path], { encoding: 'utf8' });
    return Object.fromEntries(
      out
        .split('\n')
        .filter((l) => l.includes(':'))
        .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
    );
  }

  /** The logical structure tree with its text, as poppler reads it. */
  structure(): string {
    return execFileSync('pdfinfo', ['-struct-text', this.path], { encoding: 'utf8', maxBuffer: 64 << 20 });
  }

  fonts(): string {
    return execFileSync('pdffonts', [this.path], { encoding: 'utf8' });
  }

  qpdfCheck(): { status: number | null; output: string } {
    const r = spawnSync('qpdf', ['--check', this.path], { encoding: 'utf8' });
    return { status: r.status, output: r.stdout + r.stderr };
  }

  /** Renders one page to PNG at low resolution; returns the PNG bytes. */
  png(page: number, dpi = 60): Buffer {
    const prefix = join(this.dir, `page-${page}`);
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', this.path, prefix]);
    return readFileSync(`${prefix}.png`);
  }

  /** All objects, via qpdf's JSON (v2), for checks poppler does not expose (outline, attributes, XMP). */
  objects(): QpdfObjects {
    const json = JSON.parse(
      execFileSync('qpdf', ['--json', '--json-key=qpdf', '--decode-level=all', '--json-stream-data=inline', this.path], {
        encoding: 'utf8',
        maxBuffer: 256 << 20,
      }),
    );
    return new QpdfObjects(json.qpdf[1] as Record<string, QpdfEntry>);
  }
}

interface QpdfEntry {
  value?: unknown;
  stream?: { dict: Record<string, unknown>; data?: string };
}

export class QpdfObjects {
  constructor(private readonly entries: Record<string, QpdfEntry>) {}

  get(ref: unknown): Record<string, unknown> {
    const e = this.entries[`obj:${ref as string}`];
    if (!e) throw new Error(`No object ${String(ref)}`);
    return (e.value ?? e.stream?.dict) as Record<string, unknown>;
  }

  streamText(ref: unknown): string {
    const e = this.entries[`obj:${ref as string}`];
    return Buffer.from(e?.stream?.data ?? '', 'base64').toString('utf8');
  }

  /** Follows a value that may be an indirect reference ("12 0 R"). */
  resolve(value: unknown): unknown {
    return typeof value === 'string' && /^\d+ \d+ R$/.test(value) ? this.get(value) : value;
  }

  all(): Record<string, unknown>[] {
    return Object.values(this.entries).map((e) => (e.value ?? e.stream?.dict) as Record<string, unknown>);
  }

  trailer(): Record<string, unknown> {
    return this.entries['trailer'].value as Record<string, unknown>;
  }

  root(): Record<string, unknown> {
    return this.get(this.trailer()['/Root']);
  }
}

/** qpdf JSON strings are prefixed "u:" (text) or "b:" (bytes). */
export function pdfString(value: unknown): string {
  return typeof value === 'string' ? value.replace(/^[ub]:/, '') : '';
}

/** Collapses whitespace so text broken across lines can be searched for. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
