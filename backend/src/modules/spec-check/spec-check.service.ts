import { Inject, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { CriterionType, RequirementKind, type TenderDetail, checkedTexts } from '@openbrief/contracts';
import {
  checkRequirement,
  checkTender,
  type CriterionInput,
  type Finding,
  type RuleId,
  type TenderCheckInput,
  type TenderCheckResult,
} from '@openbrief/spec-check';
import { WorkerPool, workerFile } from '../../common/workers/worker-pool';
import { SETTINGS, type Settings } from '../../config/settings';
import { checkLines, type TextCheck } from './check-lines';
import type { CheckTextTask } from './check-text.worker';

const WORKER = workerFile(__dirname, 'check-text.worker');

/** Texts up to a tender section's length (5,000 characters) take milliseconds: checked on the event loop. */
const INLINE_CHARS = 5000;

const KIND: Record<CriterionType, CriterionInput['kind']> = {
  [CriterionType.Quality]: 'quality',
  [CriterionType.Price]: 'price',
  [CriterionType.SocialValue]: 'social-value',
};

/** Tender-level rules that publishing already enforces with its own, more specific message. */
const ENFORCED_BY_PUBLISH: string[] = ['tender.weights-sum', 'tender.single-lot'];

/** Findings in one checked text other than a requirement's outcome (contracts' checkedTexts), for publication and the editor. */
export interface FieldCheck {
  /** The text's justification key (`problem`, `<id>/roomForProposals`…). */
  key: string;
  /** The field's name in the buyer's words. */
  label: string;
  /** Its place in the content (`lots[0].description`), as publish blockers name fields. */
  path: string;
  findings: Finding[];
}

/** An unjustified `error` finding: it blocks publication. `field` (a content path) is set for texts other than requirement outcomes. */
export interface UnjustifiedError {
  requirementId: string | null;
  field?: string;
  rule: string;
  message: string;
}

/** Runs the shared checker (the same code the editor runs in the browser) on the server. */
@Injectable()
export class SpecCheckService {
  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly workers: WorkerPool,
  ) {}

  /**
   * Checks free text, one requirement per line or list item; the same shape as the command line's JSON.
   * Bounded: SPEC_CHECK_MAX_CHARS characters (413 beyond), SPEC_CHECK_MAX_FINDINGS findings returned, and
   * a text longer than a tender section is checked in the worker pool under its time limit.
   */
  async checkText(text: string, estimatedValue?: number): Promise<TextCheck> {
    const { maxChars, maxFindings } = this.settings.specCheck;
    if (text.length > maxChars) {
      throw new PayloadTooLargeException(
        `The text is ${text.length.toLocaleString('en-GB')} characters; we check up to ${maxChars.toLocaleString('en-GB')} at a time. Split it into parts and check each.`,
      );
    }
    if (text.length <= INLINE_CHARS) return checkLines(text, estimatedValue, maxFindings);
    const task: CheckTextTask = { text, estimatedValue, maxFindings };
    return this.workers.run<TextCheck>(WORKER, task, {
      tooLong: 'Checking that text took too long, so we stopped. Split it into parts and check each.',
      tooBig: 'Checking that text needed more memory than we allow, so we stopped. Split it into parts and check each.',
    });
  }

  /** The whole tender: requirements and tender-level rules, then every other text a supplier reads (`fields`). */
  checkTender(t: TenderDetail): TenderCheckResult & { fields: FieldCheck[] } {
    const result = checkTender(this.input(t));
    const fields = this.checkFields(t);
    const blocking = fields.flatMap((f) => f.findings).filter((f) => f.severity === 'error' && !f.justified).length;
    return { ...result, fields, blocking: result.blocking || blocking > 0 };
  }

  /**
   * Every other text a supplier reads (summary, problem, lot and criterion descriptions…), checked as a
   * requirement is, each with its findings and the buyer's justifications (keyed by the text's key) applied.
   */
  checkFields(t: TenderDetail): FieldCheck[] {
    const context = { estimatedValue: t.estimatedValue ?? undefined, currency: t.budget.currency };
    const reasons = new Map(t.justifications.map((j) => [`${j.requirementId}\u0000${j.rule}`, j.text.trim()]));
    // A tender detail carries every field of its content (the checked texts read only those).
    return checkedTexts(t).map((text) => ({
      key: text.key,
      label: text.label,
      path: text.path,
      findings: checkRequirement(text.text, context).map((f) => {
        const reason = reasons.get(`${text.key}\u0000${f.rule}`);
        return reason ? { ...f, justified: true, justification: reason } : f;
      }),
    }));
  }

  /** The check run on every save: the openness score and counts, for the editor and the audit trail. */
  summary(t: TenderDetail): { openness: number; findings: number; blockingFindings: number } {
    const result = this.checkTender(t);
    const all = [...result.requirements.flatMap((r) => r.findings), ...result.tenderFindings, ...result.fields.flatMap((f) => f.findings)];
    return {
      openness: result.openness.score,
      findings: all.length,
      blockingFindings: all.filter((f) => f.severity === 'error' && !f.justified).length,
    };
  }

  /** Unjustified `error` findings: these block publication. */
  unjustifiedErrors(t: TenderDetail): UnjustifiedError[] {
    const result = this.checkTender(t);
    const numbers = new Map(t.lots.flatMap((l) => l.requirements.map((r, i) => [r.id, `${l.number}.${i + 1}`] as const)));
    const out: UnjustifiedError[] = [];
    for (const r of result.requirements) {
      for (const f of r.findings) {
        if (f.severity === 'error' && !f.justified) {
          out.push({ requirementId: r.id, rule: f.rule, message: `Requirement ${numbers.get(r.id) ?? ''}: ${f.message}` });
        }
      }
    }
    for (const field of result.fields) {
      for (const f of field.findings) {
        if (f.severity === 'error' && !f.justified) {
          out.push({ requirementId: null, field: field.path, rule: f.rule, message: `${field.label}: ${f.message}` });
        }
      }
    }
    for (const f of result.tenderFindings) {
      if (f.severity === 'error' && !f.justified && !ENFORCED_BY_PUBLISH.includes(f.rule)) {
        out.push({ requirementId: null, rule: f.rule, message: f.message });
      }
    }
    return out;
  }

  private input(t: TenderDetail): TenderCheckInput {
    const criteria: CriterionInput[] = t.lots.flatMap((lot) => {
      const all = lot.evaluationModel.criteria;
      const build = (parentId: string | null): CriterionInput[] =>
        all
          .filter((c) => c.parentId === parentId)
          .map((c) => ({
            id: c.id,
            title: c.name,
            weight: c.weight,
            kind: KIND[c.type],
            description: c.description,
            children: build(c.id),
          }));
      return build(null);
    });
    return {
      requirements: t.lots.flatMap((lot) =>
        lot.requirements.map((r) => ({
          id: r.id,
          text: r.outcome,
          lotId: lot.id,
          mandatory: r.kind === RequirementKind.Mandatory,
          passFail: r.kind === RequirementKind.Mandatory,
        })),
      ),
      estimatedValue: t.estimatedValue ?? undefined,
      currency: t.budget.currency,
      // One lot's criteria at a time is what the checker expects; with several lots, weights are checked per lot by publish rules.
      criteria: t.lots.length === 1 ? criteria : undefined,
      lots: t.lots.map((l) => ({ id: l.id, title: l.title, estimatedValue: l.estimatedValue ?? undefined })),
      singleLotReason: t.singleLotReason ?? undefined,
      passFailDeclared: t.lots.some((l) => l.requirements.some((r) => r.kind === RequirementKind.Mandatory)),
      justifications: t.justifications.map((j) => ({ requirementId: j.requirementId, rule: j.rule as RuleId, text: j.text })),
      largeTenderValue: this.settings.singleLotReasonAbove,
    };
  }
}
