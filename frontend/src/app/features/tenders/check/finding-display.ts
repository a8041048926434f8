import type { FindingJustification } from '@openbrief/contracts';
import { type Finding, type FindingCategory, RULES, type RuleId, type Severity } from '@openbrief/spec-check';

/** Words, not colours, carry the severity (WCAG 1.4.1). */
export const SEVERITY_LABEL: Record<Severity, string> = {
  error: 'Problem',
  warning: 'Check',
  info: 'Advice',
};

export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

export const CATEGORY_LABEL: Record<FindingCategory, string> = {
  brand: 'Brands and products',
  solution: 'Solution or technology',
  method: 'How the work is done',
  standard: 'Standards and certificates',
  threshold: 'Supplier thresholds',
  measure: 'Measures of success',
  readability: 'Plain English',
  tender: 'The tender as a whole',
};

/** Key used to match a finding with a buyer's justification. */
export function justificationKey(requirementId: string, rule: string): string {
  return `${requirementId}\u0000${rule}`;
}

export function justificationMap(list: readonly FindingJustification[] | null | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const j of list ?? []) {
    if (j && typeof j.text === 'string' && j.text.trim()) map.set(justificationKey(j.requirementId, j.rule), j.text.trim());
  }
  return map;
}

export function ruleTitle(rule: RuleId): string {
  return RULES[rule]?.title ?? rule;
}

export function ruleExplanation(rule: RuleId): string {
  return RULES[rule]?.explanation ?? '';
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A stretch of text with the worst severity of the findings that cover it (none for plain text). */
export interface TextSegment {
  readonly text: string;
  readonly severity: Severity | null;
}

/**
 * Splits text into runs for the highlight backdrop. Findings may overlap ("built in Java" and "Java"):
 * each run takes the most severe finding covering it.
 */
export function highlightSegments(text: string, findings: readonly Finding[]): TextSegment[] {
  const spans = findings
    .map((f) => ({
      start: Math.max(0, Math.min(f.start, text.length)),
      end: Math.max(0, Math.min(f.end, text.length)),
      rank: SEVERITY_RANK[f.severity],
    }))
    .filter((s) => s.end > s.start);
  if (spans.length === 0) return [{ text, severity: null }];
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const bySeverity: (Severity | null)[] = [null, 'info', 'warning', 'error'];
  const out: { text: string; severity: Severity | null }[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    let rank = 0;
    for (const s of spans) if (s.start <= a && s.end >= b && s.rank > rank) rank = s.rank;
    const severity = bySeverity[rank];
    const last = out[out.length - 1];
    if (last && last.severity === severity) last.text += text.slice(a, b);
    else out.push({ text: text.slice(a, b), severity });
  }
  return out;
}

const QUOTED = /"([^"]+)"/g;

/** Capitalises the replacement when it starts a sentence, as the word it replaces did. */
function matchCase(replacement: string, text: string, start: number): string {
  if (!replacement) return replacement;
  const first = text.charAt(start);
  const sentenceStart = /(?:^|[.!?:]\s+|\n\s*)$/.test(text.slice(0, start));
  if (sentenceStart && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

/**
 * The text to put in place of the finding's span when the library's suggestion is a drop-in
 * replacement (for example `write "Dell Latitude 7450 or equivalent"` or `Use the generic term: "vacuum cleaner"`),
 * or null when the suggestion is advice that needs the buyer's own words.
 *
 * The library gives suggestions as prose, so this recognises its few drop-in forms; a structured
 * `replacement` field, if the library adds one, takes precedence.
 */
export function dropInReplacement(finding: Finding, text: string): string | null {
  const structured = (finding as Finding & { replacement?: unknown }).replacement;
  if (typeof structured === 'string') return structured;
  if (finding.end <= finding.start || finding.end > text.length) return null;
  const span = text.slice(finding.start, finding.end);
  const suggestion = finding.suggestion ?? '';

  // Standards, brands, qualifications: `write "<span> or equivalent…"`
  for (const m of suggestion.matchAll(QUOTED)) {
    const quoted = m[1];
    if (quoted.includes('…') || quoted.includes('...')) continue;
    const before = suggestion.slice(Math.max(0, (m.index ?? 0) - 7), m.index).toLowerCase();
    if (!/write\s$/.test(before)) continue;
    if (quoted.length > span.length && quoted.startsWith(span) && /^\s+or\s/.test(quoted.slice(span.length))) {
      return quoted;
    }
  }

  // `Adding "or equivalent" after "<span>" costs nothing`
  const after = /Adding "([^"]+)" after "([^"]+)"/.exec(suggestion);
  if (after && after[2] === span) return `${span} ${after[1]}`;

  if (finding.rule === 'brand.genericised-trade-mark') {
    const generic = /generic term: "([^"]+)"/.exec(suggestion);
    if (generic) return matchCase(generic[1], text, finding.start);
  }

  if (finding.rule === 'readability.jargon') {
    if (/^Remove "[^"]+"\.?$/.test(suggestion.trim())) return '';
    const plain = /^Use "([^"]+)" instead\.?$/.exec(suggestion.trim());
    // Only a single plain word or phrase is a drop-in; "help, run or make possible" is a choice for the buyer,
    // and an inflected word ("leveraging") cannot simply become "use".
    if (plain && !/,|\sor\s/.test(plain[1]) && !/(?:ing|ed|es)$/i.test(span) && !/[a-z]s$/i.test(span)) {
      return matchCase(plain[1], text, finding.start);
    }
  }
  return null;
}

/** Puts `replacement` in place of text[start, end), tidying the spaces a deletion leaves behind. */
export function applyReplacement(text: string, start: number, end: number, replacement: string): { text: string; caret: number } {
  let before = text.slice(0, start);
  let rest = text.slice(end);
  // A generic word replacing a trade mark loses the mark's ™ or ® too.
  if (/^[™®]/.test(rest) && !/[™®]/.test(replacement)) rest = rest.slice(1);
  if (replacement === '') {
    if (/\s$/.test(before) && /^\s/.test(rest)) rest = rest.replace(/^\s+/, '');
    else if (/\s$/.test(before) && /^[.,;:!?]/.test(rest)) before = before.replace(/\s+$/, '');
  }
  return { text: before + replacement + rest, caret: before.length + replacement.length };
}
