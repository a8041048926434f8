import { parseDocxHtml, parseLines, type ParsedRequirement } from '@openbrief/spec-check';
import mammoth from 'mammoth';
import { MAX_HEADING_CHARS, MAX_REQUIREMENT_CHARS, refuse, type ImportLimits, type ImportOutcome } from './import-refusals';
import { readWordBody } from './word-archive';

/**
 * The parsing itself, free of Nest: runs in a worker thread (import.worker.ts) for uploads and long
 * pasted text, and on the event loop only for short pasted text.
 */

function toOutcome(parsed: ParsedRequirement[], limits: ImportLimits): ImportOutcome {
  if (parsed.length > limits.maxParagraphs) return refuse.tooManyParagraphs(limits);
  const requirements = parsed.map((p) => ({
    outcome: p.text.slice(0, MAX_REQUIREMENT_CHARS),
    heading: p.heading?.slice(0, MAX_HEADING_CHARS) ?? null,
  }));
  const chars = requirements.reduce((n, r) => n + r.outcome.length + (r.heading?.length ?? 0), 0);
  if (chars > limits.maxChars) return refuse.tooMuchText(limits);
  return { ok: true, requirements };
}

/** Plain text or Markdown: headings group what follows; each other non-empty line or list item is a requirement. */
export function splitText(text: string, limits: ImportLimits): ImportOutcome {
  return toOutcome(parseLines(text), limits);
}

/** Word paragraphs (<w:p>, or <w:p …>) in the body: a cheap upper bound on the requirements, checked before mammoth's slow work. */
function countParagraphs(xml: string): number {
  let n = 0;
  for (let i = xml.indexOf('<w:p'); i !== -1; i = xml.indexOf('<w:p', i + 4)) {
    const next = xml.charCodeAt(i + 4);
    if (next === 62 /* > */ || next === 32 /* space */ || next === 47 /* / */) n++;
  }
  return n;
}

// Images are not requirements: never read them (mammoth would otherwise inline each as base64).
const SKIP_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/** A Word document: headings group what follows; paragraphs and list items are requirements. */
export async function splitDocx(buffer: Buffer, limits: ImportLimits): Promise<ImportOutcome> {
  const body = await readWordBody(buffer, limits);
  if ('ok' in body) return body;
  // Empty paragraphs are dropped later, so this over-counts: only documents far past the limit stop here.
  if (countParagraphs(body.xml) > limits.maxParagraphs * 4) return refuse.tooManyParagraphs(limits);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer }, { convertImage: SKIP_IMAGES })).value;
  } catch {
    return refuse.notWord();
  }
  return toOutcome(parseDocxHtml(html), limits);
}
