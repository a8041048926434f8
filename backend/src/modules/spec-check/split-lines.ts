export interface SpecificationLine {
  /** 1-based line number in the source text. */
  line: number;
  text: string;
  /** The Markdown heading the line sits under, if any. */
  heading: string | null;
}

/** One requirement per non-empty line or list item; Markdown headings group them and are not requirements. */
export function splitSpecification(text: string): SpecificationLine[] {
  const out: SpecificationLine[] = [];
  let heading: string | null = null;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const h = /^\s*#{1,6}\s+(.*)$/.exec(raw);
    if (h) {
      heading = h[1].trim() || null;
      return;
    }
    const stripped = raw.replace(/^\s*(?:[-*+•]|\d+[.)]|\(?[a-z]\))\s+/i, '').trim();
    if (stripped) out.push({ line: i + 1, text: stripped, heading });
  });
  return out;
}
