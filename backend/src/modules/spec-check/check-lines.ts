import { checkTender, parseLines, type Finding } from '@openbrief/spec-check';

export interface CheckedLine {
  line: number;
  text: string;
  findings: Finding[];
}

export interface TextCheck {
  requirements: CheckedLine[];
  summary: { requirements: number; findings: number; findingsShown: number; openness: number };
  /** True when more findings were found than returned (SPEC_CHECK_MAX_FINDINGS): "showing the first N". */
  truncated: boolean;
}

/**
 * Checks free text, one requirement per line or list item; the same shape as the command line's JSON,
 * plus the cap on findings returned. Free of Nest: runs on the event loop or in a worker (check-text.worker.ts).
 */
export function checkLines(text: string, estimatedValue: number | undefined, maxFindings: number): TextCheck {
  const lines = parseLines(text);
  const result = checkTender({ requirements: lines.map((l) => ({ id: String(l.line), text: l.text })), estimatedValue });
  let found = 0;
  let shown = 0;
  const requirements = result.requirements.map((r, i) => {
    found += r.findings.length;
    const findings = r.findings.slice(0, Math.max(0, maxFindings - shown));
    shown += findings.length;
    return { line: lines[i].line, text: r.text, findings };
  });
  return {
    requirements,
    summary: { requirements: requirements.length, findings: found, findingsShown: shown, openness: result.openness.score },
    truncated: shown < found,
  };
}
