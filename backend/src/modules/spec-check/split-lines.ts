/** One requirement per non-empty line or list item; Markdown headings and list markers are not part of it. */
export function splitRequirementLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (/^\s*#/.test(raw)) return;
    const stripped = raw.replace(/^\s*(?:[-*+•]|\d+[.)]|\(?[a-z]\))\s+/i, '').trim();
    if (stripped) out.push({ line: i + 1, text: stripped });
  });
  return out;
}
