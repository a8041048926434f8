/** Splits a specification into requirements: used by the command line, the API's text check and the import flow. Pure: no Node imports. */

export interface ParsedRequirement {
  /** 1-based line in a .txt/.md file; 1-based paragraph number in a .docx. */
  line: number;
  /** 0-based column in the line where the requirement text starts (after any list marker). */
  column: number;
  text: string;
  /** The heading the requirement sits under (Markdown `#` or a Word heading), if any. */
  heading: string | null;
}

const LIST_MARKER_RE =
  /^(?:[-*+•‣▪◦–]|\d{1,3}[.)]|[a-zA-Z][.)]|\(\d{1,3}\)|\([a-zA-Z]\)|\([ivxIVX]{1,4}\)|[ivx]{1,4}[.)])\s+(?:\[[ xX]\]\s+)?/;
const HEADING_RE = /^#{1,6}(?:\s|$)/;
const FENCE_RE = /^(?:```|~~~)/;
const RULE_RE = /^([-*_])(?:\s*\1){2,}\s*$/;
const TABLE_DELIM_RE = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * Each non-empty line is one requirement. Markdown headings (#), code fences and their contents,
 * horizontal rules, table delimiter rows and HTML comments are not requirements. List markers
 * (-, *, +, 1., 1), a), (i)) and block-quote markers are stripped; the column records where the text starts.
 */
export function parseLines(content: string): ParsedRequirement[] {
  const out: ParsedRequirement[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let inFence = false;
  let inComment = false;
  let heading: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    let col = 0;
    while (col < raw.length && /\s/.test(raw[col])) col++;
    let rest = raw.slice(col);
    if (FENCE_RE.test(rest)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (inComment) {
      if (rest.includes('-->')) inComment = false;
      continue;
    }
    if (rest.startsWith('<!--')) {
      if (!rest.includes('-->')) inComment = true;
      continue;
    }
    if (HEADING_RE.test(rest)) {
      heading = rest.replace(/^#+/, '').trim() || null;
      continue;
    }
    if (rest.length === 0 || RULE_RE.test(rest) || TABLE_DELIM_RE.test(rest)) continue;
    // block quotes, then list markers (possibly nested: "> - item")
    for (;;) {
      const q = /^>\s?/.exec(rest);
      if (q) {
        col += q[0].length;
        rest = rest.slice(q[0].length);
        continue;
      }
      const m = LIST_MARKER_RE.exec(rest);
      if (m && rest.length > m[0].length) {
        col += m[0].length;
        rest = rest.slice(m[0].length);
        continue;
      }
      break;
    }
    const text = rest.replace(/\s+$/, '');
    if (!text || HEADING_RE.test(text)) continue;
    out.push({ line: i + 1, column: col, text, heading });
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/**
 * Blocks from mammoth's HTML, in document order: paragraphs, list items and headings. Headings are numbered
 * but are not requirements. Returns paragraph-numbered requirements.
 */
export function parseDocxHtml(html: string): ParsedRequirement[] {
  const out: ParsedRequirement[] = [];
  const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>|([^<]+)/g;
  let buf = '';
  let kind: 'p' | 'h' | null = null;
  let para = 0;
  let heading: string | null = null;
  const flush = (): void => {
    if (kind !== null) {
      const text = decode(buf).replace(/\s+/g, ' ').trim();
      if (text) {
        para++;
        if (kind === 'p') {
          const m = LIST_MARKER_RE.exec(text);
          const t = m && text.length > m[0].length ? text.slice(m[0].length) : text;
          out.push({ line: para, column: 0, text: t, heading });
        } else {
          heading = text;
        }
      }
    }
    buf = '';
    kind = null;
  };
  let m: RegExpExecArray | null;
  while ((m = TAG_RE.exec(html)) !== null) {
    if (m[4] !== undefined) {
      if (kind !== null) buf += m[4];
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const isBlock = tag === 'p' || tag === 'li' || /^h[1-6]$/.test(tag);
    if (isBlock) {
      flush();
      if (!closing) kind = tag[0] === 'h' ? 'h' : 'p';
    } else if (tag === 'ul' || tag === 'ol' || tag === 'table' || tag === 'tr' || tag === 'td' || tag === 'th') {
      flush();
    } else if (tag === 'br') {
      buf += ' ';
    }
  }
  flush();
  return out;
}
