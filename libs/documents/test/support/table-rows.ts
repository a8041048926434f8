import { flat, type PdfFile } from './readers';

/**
 * Table rows as a screen reader meets them: the cells of each TR in the structure tree, joined with " | ". Unlike
 * pdftotext's reading order, this does not depend on how poppler guesses columns on a page.
 */
export function tableRows(file: PdfFile): string[] {
  const rows: string[][] = [];
  let row: string[] | null = null;
  for (const line of file.structure().split('\n')) {
    if (/^\s+TR\b/.test(line)) rows.push((row = []));
    else if (/^\s+(Table|Caption|THead|TBody|P|H\d|Sect|Div|L|LI)\b/.test(line)) row = null;
    else if (row && /^\s+T[HD]\b/.test(line)) row.push('');
    else if (row && row.length > 0) {
      const m = line.match(/^\s+"(.*)"$/);
      if (m) row[row.length - 1] = flat(`${row[row.length - 1]} ${m[1]}`);
    }
  }
  return rows.map((cells) => cells.join(' | '));
}

/** Words whose box leaves the text column, from poppler's word bounding boxes (A4, 56 pt margins). */
export function wordsOutsideColumn(file: PdfFile, left = 56, right = 595.28 - 56): string[] {
  const out: string[] = [];
  for (const m of file.text('-bbox').matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g))
    if (Number(m[1]) < left - 0.5 || Number(m[2]) > right + 0.5) out.push(m[3]);
  return out;
}
