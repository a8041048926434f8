import { opennessScore } from './openness';
import { checkBrand } from './rules/brand';
import { checkMeasure } from './rules/measure';
import { checkLearned } from './rules/learned';
import { checkMethod } from './rules/method';
import { checkPrescription } from './rules/prescription';
import { checkReadability, readingAge } from './rules/readability';
import { checkSolution } from './rules/solution';
import { checkStandard } from './rules/standard';
import { checkScoringText, checkTenderRules } from './rules/tender';
import { checkThreshold } from './rules/threshold';
import { makeDoc } from './text/doc';
import { attachDropIn } from './text/drop-in';
import type {
  CheckContext,
  Finding,
  Justification,
  JustificationMap,
  RequirementResult,
  RuleId,
  TenderCheckInput,
  TenderCheckResult,
} from './types';

const EMPTY: CheckContext = {};

/**
 * Check one requirement. Pure and synchronous; safe to call on every keystroke.
 * Findings are sorted by position; `start`/`end` are offsets into `text`.
 */
export function checkRequirement(text: string, context: CheckContext = EMPTY): Finding[] {
  if (typeof text !== 'string' || text.trim().length === 0) return [];
  const doc = makeDoc(text, context);
  // Order matters a little: later rules skip spans an earlier, more specific rule already explained.
  checkStandard(doc);
  checkBrand(doc);
  checkSolution(doc);
  checkMethod(doc);
  // after the named rules: the grammar finds the hows they have no names for
  checkPrescription(doc);
  checkThreshold(doc);
  checkMeasure(doc);
  // after every named and grammar rule: the learned model adds only what they did not find
  checkLearned(doc);
  checkScoringText(doc);
  checkReadability(doc);
  const out = doc.out;
  for (const f of out) attachDropIn(f, text);
  if (out.length > 1) out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

function justificationLookup(j: TenderCheckInput['justifications']): (reqId: string, rule: RuleId) => string | undefined {
  if (!j) return () => undefined;
  if (Array.isArray(j)) {
    const map = new Map<string, string>();
    for (const x of j as Justification[]) {
      if (x && typeof x.text === 'string' && x.text.trim()) map.set(`${x.requirementId}\u0000${x.rule}`, x.text.trim());
    }
    return (id, rule) => map.get(`${id}\u0000${rule}`);
  }
  const m = j as JustificationMap;
  return (id, rule) => {
    const t = m[id]?.[rule];
    return typeof t === 'string' && t.trim() ? t.trim() : undefined;
  };
}

const ACRONYM_DEF_RE = /\(([A-Z][A-Z0-9&]{1,6})\)|\b([A-Z][A-Z0-9&]{1,6})\s+\([a-z]/g;

/**
 * Check a whole tender: every requirement (in order), then the tender-level rules.
 * Justified findings are kept, marked `justified: true` with the buyer's text, and do not block publishing.
 */
export function checkTender(input: TenderCheckInput): TenderCheckResult {
  const justify = justificationLookup(input.justifications);
  const known = new Set<string>();
  const base: CheckContext = {
    estimatedValue: input.estimatedValue,
    currency: input.currency,
    knownAcronyms: known,
    disabled: input.disabled,
  };
  const requirements: RequirementResult[] = [];
  const perReq: Finding[][] = [];
  let allText = '';
  for (const req of input.requirements) {
    const text = req.text ?? '';
    const findings = checkRequirement(text, base);
    // acronyms defined here count as explained for the rest of the tender
    ACRONYM_DEF_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ACRONYM_DEF_RE.exec(text)) !== null) known.add(m[1] ?? m[2]);
    for (const f of findings) {
      const t = justify(req.id, f.rule);
      if (t !== undefined) {
        f.justified = true;
        f.justification = t;
      }
    }
    const blocking = findings.some((f) => f.severity === 'error' && !f.justified);
    requirements.push({ id: req.id, text, findings, blocking });
    perReq.push(findings);
    if (text.trim()) allText += (/[.!?]\s*$/.test(text) ? text : text + '.') + '\n';
  }
  const age = readingAge(allText);
  const tenderFindings = checkTenderRules(input, age);
  const disabled = input.disabled;
  const tf =
    disabled && disabled.length
      ? tenderFindings.filter((f) => !disabled.includes(f.rule) && !disabled.includes(f.category))
      : tenderFindings;
  for (const f of tf) {
    const t = justify('tender', f.rule) ?? (f.target !== undefined ? justify(f.target, f.rule) : undefined);
    if (t !== undefined) {
      f.justified = true;
      f.justification = t;
    }
  }
  const openness = opennessScore(perReq, tf);
  let findings = 0,
    errors = 0,
    warnings = 0,
    infos = 0,
    justified = 0,
    blocking = 0;
  for (const list of [...perReq, tf]) {
    for (const f of list) {
      findings++;
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
      if (f.justified) justified++;
      else if (f.severity === 'error') blocking++;
    }
  }
  return {
    requirements,
    tenderFindings: tf,
    openness,
    readingAge: age,
    blocking: blocking > 0,
    summary: { requirements: requirements.length, findings, errors, warnings, infos, justified, blocking },
  };
}
