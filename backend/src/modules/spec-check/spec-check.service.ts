import { Inject, Injectable } from '@nestjs/common';
import { CriterionType, RequirementKind, type TenderDetail } from '@openbrief/contracts';
import {
  checkTender,
  parseLines,
  type CriterionInput,
  type RuleId,
  type TenderCheckInput,
  type TenderCheckResult,
} from '@openbrief/spec-check';
import { SETTINGS, type Settings } from '../../config/settings';

const KIND: Record<CriterionType, CriterionInput['kind']> = {
  [CriterionType.Quality]: 'quality',
  [CriterionType.Price]: 'price',
  [CriterionType.SocialValue]: 'social-value',
};

/** Tender-level rules that publishing already enforces with its own, more specific message. */
const ENFORCED_BY_PUBLISH: string[] = ['tender.weights-sum', 'tender.single-lot'];

/** Runs the shared checker (the same code the editor runs in the browser) on the server. */
@Injectable()
export class SpecCheckService {
  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  /** Checks free text, one requirement per line or list item; the same shape as the command line's JSON. */
  checkLines(text: string, estimatedValue?: number) {
    const lines = parseLines(text);
    const result = checkTender({ requirements: lines.map((l) => ({ id: String(l.line), text: l.text })), estimatedValue });
    const requirements = result.requirements.map((r, i) => ({ line: lines[i].line, text: r.text, findings: r.findings }));
    return {
      requirements,
      summary: { requirements: requirements.length, findings: requirements.reduce((n, r) => n + r.findings.length, 0), openness: result.openness.score },
    };
  }

  checkTender(t: TenderDetail): TenderCheckResult {
    return checkTender(this.input(t));
  }

  /** The check run on every save: the openness score and counts, for the editor and the audit trail. */
  summary(t: TenderDetail): { openness: number; findings: number; blockingFindings: number } {
    const result = this.checkTender(t);
    const all = [...result.requirements.flatMap((r) => r.findings), ...result.tenderFindings];
    return {
      openness: result.openness.score,
      findings: all.length,
      blockingFindings: all.filter((f) => f.severity === 'error' && !f.justified).length,
    };
  }

  /** Unjustified `error` findings: these block publication. */
  unjustifiedErrors(t: TenderDetail): { requirementId: string | null; rule: string; message: string }[] {
    const result = this.checkTender(t);
    const numbers = new Map(t.lots.flatMap((l) => l.requirements.map((r, i) => [r.id, `${l.number}.${i + 1}`] as const)));
    const out: { requirementId: string | null; rule: string; message: string }[] = [];
    for (const r of result.requirements) {
      for (const f of r.findings) {
        if (f.severity === 'error' && !f.justified) {
          out.push({ requirementId: r.id, rule: f.rule, message: `Requirement ${numbers.get(r.id) ?? ''}: ${f.message}` });
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
          .map((c) => ({ id: c.id, title: c.name, weight: c.weight, kind: KIND[c.type], description: c.description, children: build(c.id) }));
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
