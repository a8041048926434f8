import type { ImportedRequirement } from '@openbrief/contracts';
import mammoth from 'mammoth';
import { ValidationFailedError } from '../../../common/errors/domain.error';
import { splitSpecification } from '../../spec-check/split-lines';

const MAX_REQUIREMENT = 2000;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/** Plain text or Markdown: headings group what follows; each other non-empty line or list item is a requirement. */
export function splitText(text: string): ImportedRequirement[] {
  return splitSpecification(text).map((l) => ({ outcome: l.text.slice(0, MAX_REQUIREMENT), heading: l.heading }));
}

/** A Word document: headings group what follows; paragraphs and list items are requirements. */
export async function splitDocx(buffer: Buffer): Promise<ImportedRequirement[]> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer })).value;
  } catch {
    throw new ValidationFailedError('That file could not be read as a Word document (.docx). Save it again as .docx, or paste the text instead.');
  }
  const out: ImportedRequirement[] = [];
  let heading: string | null = null;
  for (const m of html.matchAll(/<(h[1-6]|p|li)[^>]*>([\s\S]*?)<\/\1>/g)) {
    const text = m[2]
      .replace(/<[^>]+>/g, '')
      .replace(/&[a-z#0-9]+;/gi, (e) => ENTITIES[e] ?? e)
      .replace(/\s+/g, ' ')
      .trim();
    if (!text) continue;
    if (m[1].startsWith('h')) heading = text.slice(0, 200);
    else out.push({ outcome: text.slice(0, MAX_REQUIREMENT), heading });
  }
  return out;
}

export async function importSpecification(file: { originalname: string; buffer: Buffer }): Promise<ImportedRequirement[]> {
  const name = file.originalname.toLowerCase();
  if (name.endsWith('.docx')) return splitDocx(file.buffer);
  if (name.endsWith('.md') || name.endsWith('.txt') || name.endsWith('.markdown')) {
    const text = file.buffer.toString('utf8');
    if (text.includes('\u0000')) throw new ValidationFailedError('That file is not plain text. Upload a .docx, .md or .txt file.');
    return splitText(text);
  }
  throw new ValidationFailedError('Upload a Word (.docx), Markdown (.md) or text (.txt) file.', [{ field: 'file', message: `"${file.originalname}" is not a .docx, .md or .txt file.` }]);
}
