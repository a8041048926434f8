import type { ImportedRequirement } from '@openbrief/contracts';
import { parseDocxHtml, parseLines, type ParsedRequirement } from '@openbrief/spec-check';
import mammoth from 'mammoth';
import { ValidationFailedError } from '../../../common/errors/domain.error';

const MAX_REQUIREMENT = 2000;

const toImported = (parsed: ParsedRequirement[]): ImportedRequirement[] =>
  parsed.map((p) => ({ outcome: p.text.slice(0, MAX_REQUIREMENT), heading: p.heading?.slice(0, 200) ?? null }));

/** Plain text or Markdown: headings group what follows; each other non-empty line or list item is a requirement. */
export function splitText(text: string): ImportedRequirement[] {
  return toImported(parseLines(text));
}

/** A Word document: headings group what follows; paragraphs and list items are requirements. */
export async function splitDocx(buffer: Buffer): Promise<ImportedRequirement[]> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer })).value;
  } catch {
    throw new ValidationFailedError('That file could not be read as a Word document (.docx). Save it again as .docx, or paste the text instead.');
  }
  return toImported(parseDocxHtml(html));
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
