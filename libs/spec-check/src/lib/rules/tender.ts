import { RULES } from '../catalogue';
import { add, type Doc } from '../text/doc';
import { formatMoney, oneOf, pattern } from '../text/patterns';
import type { CriterionInput, Finding, RuleId, TenderCheckInput } from '../types';

// Cheap tests for whether a rule has anything to look for, compiled once rather than on every check.
const SCORING_TRIGGER = /\b(?:marks?|points?|score[sd]?|scoring|marked|evaluated|assessed)\b/i;

const r = String.raw;

// Evidence a buyer might count instead of judging.
const EVIDENCE = [r`examples?`, r`case\s+stud(?:y|ies)`, r`references?`, r`contracts?`, r`projects?`, r`clients?`];
const PER_EACH = ['per', r`for\s+each`, r`for\s+every`];

const QUANTITY_SCORING_RE = pattern(
  'gi',
  r`\b`,
  oneOf(
    // "5 marks per case study", "one point for each reference"
    oneOf(r`\d+`, 'one', 'two', 'three', 'four', 'five', 'a', 'an') +
      r`\s+` +
      oneOf(r`marks?`, r`points?`) +
      r`\s+(?:will\s+be\s+)?(?:awarded\s+|given\s+)?` +
      oneOf(...PER_EACH, 'each') +
      r`\s+(?:\w+\s+)?` +
      oneOf(
        'example',
        r`case\s+study`,
        r`case\s+studies`,
        'reference',
        'contract',
        'project',
        'client',
        'testimonial',
        'accreditation',
        'certificate',
        'award',
      ) +
      's?',
    // "marks will be awarded according to the number of contracts"
    oneOf(r`marks?`, r`points?`, r`scores?`) +
      r`\s+(?:will\s+be\s+)?` +
      oneOf('awarded', 'given', 'allocated') +
      r`\s+` +
      oneOf(
        ...PER_EACH,
        r`according\s+to\s+the\s+number\s+of`,
        r`based\s+on\s+the\s+number\s+of`,
        r`in\s+proportion\s+to\s+the\s+number\s+of`,
      ) +
      r`\s+(?:\w+\s+)?` +
      oneOf(...EVIDENCE, r`testimonials?`),
    // "the more relevant examples provided, the higher the score"
    r`(?:the\s+)?` +
      oneOf('more', 'most', 'greater', 'higher', 'highest', 'larger') +
      r`\s+(?:the\s+)?(?:number\s+of\s+)?(?:relevant\s+)?` +
      oneOf(...EVIDENCE) +
      r`\s+(?:\w+\s+){0,3}?` +
      oneOf('provided', 'submitted', 'given', 'supplied', 'listed', 'cited', 'offered') +
      r`?[^.;]{0,30}?\b(?:the\s+)?` +
      oneOf('higher', 'more', 'greater', 'better') +
      r`\s+(?:the\s+)?` +
      oneOf('score', 'scores', r`marks?`, r`points?`),
    // "scored on the number of references"
    oneOf(r`scored?`, 'marked', 'evaluated', 'assessed', 'weighted') +
      r`\s+` +
      oneOf('on', 'by', r`according\s+to`) +
      r`\s+(?:the\s+)?` +
      oneOf('number', 'quantity', 'volume') +
      r`\s+of\s+(?:\w+\s+)?` +
      oneOf(...EVIDENCE),
  ),
);

const QUANTITY_SUGGESTION =
  'Ask for a fixed number of examples (for example "up to two") and score their relevance and the results achieved, not how many are provided.';

/** Requirement-level part of tender.scoring-by-quantity (requirement texts often carry scoring notes). */
export function checkScoringText(doc: Doc): void {
  if (!SCORING_TRIGGER.test(doc.text)) return;
  QUANTITY_SCORING_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUANTITY_SCORING_RE.exec(doc.text)) !== null) {
    add(
      doc,
      'tender.scoring-by-quantity',
      m.index,
      m.index + m[0].length,
      `"${m[0]}" rewards the number of examples rather than their quality, which favours large incumbents.`,
      QUANTITY_SUGGESTION,
    );
  }
}

function tf(rule: RuleId, message: string, suggestion: string, target?: string): Finding {
  const r = RULES[rule];
  const f: Finding = { rule, category: r.category, severity: r.severity, message, start: 0, end: 0, suggestion, reference: r.reference };
  if (target !== undefined) f.target = target;
  return f;
}

const MANDATORY_RE = /\b(?:must|shall|is\s+required\s+to|are\s+required\s+to|mandatory|essential)\b/i;

export function isMandatory(req: { text: string; mandatory?: boolean }): boolean {
  return req.mandatory ?? MANDATORY_RE.test(req.text);
}

export function mandatoryLimit(value: number): number {
  if (value < 100_000) return 15;
  if (value < 1_000_000) return 30;
  if (value < 5_000_000) return 50;
  if (value < 25_000_000) return 80;
  return 120;
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.01;
}

function scored(c: CriterionInput): boolean {
  return !(c.passFail || c.kind === 'pass-fail');
}

function walkWeights(nodes: CriterionInput[], parent: CriterionInput | null, out: Finding[]): void {
  const list = nodes.filter(scored);
  if (list.length > 0) {
    const sum = list.reduce((acc, c) => acc + (c.weight ?? 0), 0);
    const ok = near(sum, 100) || (parent !== null && parent.weight !== undefined && near(sum, parent.weight));
    if (!ok) {
      const where = parent ? `under "${parent.title}"` : 'at the top level';
      const expected =
        parent && parent.weight !== undefined && !near(parent.weight, 100) ? `100 (or ${parent.weight}, the parent's weight)` : '100';
      out.push(
        tf(
          'tender.weights-sum',
          `The weights ${where} add up to ${+sum.toFixed(2)}, not ${expected}.`,
          `Adjust the weights ${where} so that they add up to ${expected}.`,
          parent?.id,
        ),
      );
    }
  }
  for (const c of nodes) if (c.children && c.children.length > 0) walkWeights(c.children, c, out);
}

/** Effective percentage of the total score carried by social value. */
function socialValueShare(nodes: CriterionInput[], scale: number, parent: CriterionInput | null): number {
  const list = nodes.filter(scored);
  const sum = list.reduce((acc, c) => acc + (c.weight ?? 0), 0);
  const denom = parent && parent.weight !== undefined && near(sum, parent.weight) ? parent.weight : 100;
  let share = 0;
  for (const c of list) {
    const w = ((c.weight ?? 0) / (denom || 100)) * scale;
    if (c.kind === 'social-value' || /social\s+value/i.test(c.title)) share += w;
    else if (c.children && c.children.length > 0) share += socialValueShare(c.children, w, c);
  }
  return share;
}

function anyPassFail(nodes: CriterionInput[] | undefined): boolean {
  if (!nodes) return false;
  return nodes.some((c) => c.passFail || c.kind === 'pass-fail' || anyPassFail(c.children));
}

function walkText(nodes: CriterionInput[] | undefined, visit: (c: CriterionInput) => void): void {
  if (!nodes) return;
  for (const c of nodes) {
    visit(c);
    walkText(c.children, visit);
  }
}

export function checkTenderRules(input: TenderCheckInput, readingAgeValue: number | null): Finding[] {
  const out: Finding[] = [];
  const currency = input.currency ?? 'GBP';
  const criteria = input.criteria;

  if (criteria && criteria.length > 0) {
    walkWeights(criteria, null, out);

    const share = socialValueShare(criteria, 100, null);
    if (share < 10 - 1e-9) {
      out.push(
        tf(
          'tender.social-value-weight',
          share === 0
            ? 'No award criterion is marked as social value.'
            : `Social value carries ${+share.toFixed(1)}% of the total score, below the 10% minimum.`,
          'Add a social value criterion (kind "social-value") worth at least 10% of the total score, linked to outcomes in the contract such as local jobs, skills or net zero.',
        ),
      );
    }

    const mandatory = input.requirements.filter(isMandatory).length;
    const declared = input.passFailDeclared || anyPassFail(criteria) || input.requirements.some((r) => r.passFail);
    if (mandatory > 0 && !declared) {
      out.push(
        tf(
          'tender.pass-fail-undeclared',
          `${mandatory} requirement${mandatory === 1 ? '' : 's'} use${mandatory === 1 ? 's' : ''} mandatory wording, but no pass/fail gates are declared.`,
          'Mark the requirements that are pass/fail gates (and keep them few), and score the rest in the award criteria.',
        ),
      );
    }

    walkText(criteria, (c) => {
      const text = `${c.title}. ${c.description ?? ''}`;
      QUANTITY_SCORING_RE.lastIndex = 0;
      const m = QUANTITY_SCORING_RE.exec(text);
      if (m) {
        out.push(
          tf(
            'tender.scoring-by-quantity',
            `Criterion "${c.title}" rewards the number of examples ("${m[0]}") rather than their quality.`,
            QUANTITY_SUGGESTION,
            c.id,
          ),
        );
      }
    });
  }

  const value = input.estimatedValue;
  if (value !== undefined && value > 0) {
    const large = input.largeTenderValue ?? 2_000_000;
    const lots = input.lots?.length ?? 0;
    if (lots <= 1 && value >= large && !(input.singleLotReason && input.singleLotReason.trim())) {
      out.push(
        tf(
          'tender.single-lot',
          `This ${formatMoney(value, currency)} tender is a single lot and no reason is recorded.`,
          'Consider dividing it into lots by service, geography or phase so that SMEs can bid, or record why a single lot is needed (singleLotReason).',
        ),
      );
    }
    const mandatory = input.requirements.filter(isMandatory).length;
    const limit = mandatoryLimit(value);
    if (mandatory > limit) {
      out.push(
        tf(
          'tender.mandatory-count',
          `${mandatory} mandatory requirements for a ${formatMoney(value, currency)} contract is out of proportion (guide: no more than ${limit}).`,
          'Keep as mandatory only what you would reject a bid for; turn the rest into scored quality questions or contract obligations.',
        ),
      );
    }
  }

  if (readingAgeValue !== null && readingAgeValue > 16) {
    out.push(
      tf(
        'tender.reading-age',
        `The requirements need a reading age of about ${Math.round(readingAgeValue)}.`,
        'Use shorter sentences and everyday words; aim for a reading age of 14 or below so small suppliers can read it quickly.',
      ),
    );
  }
  return out;
}
