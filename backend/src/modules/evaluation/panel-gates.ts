import { type GateResult, RequirementKind } from '@openbrief/contracts';
import type { PanelState } from './panel-state';

/**
 * Pass/fail gates as published: a requirement the supplier declared it does not meet fails by itself; the buying
 * team's recorded decision on the evidence (fail, or restore) counts over it. Only outcomes that differ from a
 * plain pass, or that someone decided, are listed.
 */
export function gateResults(state: PanelState): GateResult[] {
  const mandatory = state.lot.requirements.filter((r) => r.kind === RequirementKind.Mandatory);
  const out: GateResult[] = [];
  for (const b of state.bidders) {
    for (const r of mandatory) {
      const decision = state.gateRows.find((g) => g.responseId === b.responseId && g.requirementId === r.id);
      if (decision) {
        out.push({
          responseId: b.responseId,
          requirementId: r.id,
          gate: 'pass-fail',
          passed: decision.passed,
          reason: decision.reason,
          decidedBy: state.names.get(decision.decidedBy) ?? null,
          decidedAt: decision.decidedAt.toISOString(),
        });
        continue;
      }
      const declared = b.submission.content.declarations.find((d) => d.requirementId === r.id);
      if (declared?.meets === false) {
        out.push({
          responseId: b.responseId,
          requirementId: r.id,
          gate: 'pass-fail',
          passed: false,
          reason: `The supplier declared it does not meet: ${r.outcome}`,
          decidedBy: null,
          decidedAt: b.submission.submittedAt,
        });
      }
    }
  }
  return out;
}

/** Why the response is not scored further (its first failed gate), or null. */
export function disqualification(state: PanelState, responseId: string, gates = gateResults(state)): string | null {
  return gates.find((g) => g.responseId === responseId && !g.passed)?.reason ?? null;
}
