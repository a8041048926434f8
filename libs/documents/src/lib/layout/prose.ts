/**
 * Author-written free text (a tender summary, a problem statement) arrives as plain text with blank
 * lines between paragraphs and, often, "- " bullets. We keep that shape rather than flattening it into
 * one paragraph: lists become real tagged lists.
 */
export type ProsePart = { kind: 'paragraph'; text: string } | { kind: 'list'; ordered: boolean; items: string[] };

const BULLET = /^\s*(?:[-*\u2022\u2013])\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

export function parseProse(text: string | null | undefined): ProsePart[] {
  if (!text || text.trim() === '') return [];
  const parts: ProsePart[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) parts.push({ kind: 'paragraph', text: paragraph.join(' ').trim() });
      paragraph = [];
    };
    for (const line of lines) {
      const bullet = BULLET.exec(line);
      const numbered = bullet ? null : NUMBERED.exec(line);
      const item = bullet?.[1] ?? numbered?.[1];
      if (item === undefined) {
        // A line that follows a list item without a marker continues that item.
        const last = parts[parts.length - 1];
        if (paragraph.length === 0 && last?.kind === 'list' && /^\s/.test(line)) last.items[last.items.length - 1] += ' ' + line.trim();
        else paragraph.push(line.trim());
        continue;
      }
      flush();
      const ordered = !bullet;
      const last = parts[parts.length - 1];
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(item.trim());
      else parts.push({ kind: 'list', ordered, items: [item.trim()] });
    }
    flush();
    // Blank lines separate blocks, so two lists separated by a blank line stay two lists.
    parts.push({ kind: 'paragraph', text: '' });
  }
  return parts.filter((p) => p.kind === 'list' || p.text !== '');
}
