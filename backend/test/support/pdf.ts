import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Opens a PDF with poppler's real readers, not pdfkit's own objects. */
export function readPdf(pdf: Buffer): { text: string; info: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'openbrief-pdf-'));
  try {
    const file = join(dir, 'x.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const info = Object.fromEntries(
      execFileSync('pdfinfo', [file], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => l.includes(':'))
        .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    return { text, info };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
