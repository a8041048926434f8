import type { ConflictDeclaration, EvaluationPanel, EvaluatorScore, ModerationView } from '@openbrief/contracts';
import {
  defaultSpreadThreshold,
  evaluatorOffsets,
  type IndividualScore,
  itemSpreads,
  krippendorffAlphaOrdinal,
  readAgreement,
} from '@openbrief/scoring';
import type { ConflictDeclarationRow, IndividualScoreRow } from './entities';
import { gateResults } from './panel-gates';
import { consensusOf, moderationItems, progress, stageOf } from './panel-progress';
import { bidder, type PanelState } from './panel-state';

const nameOf = (state: PanelState, id: string | null) => (id ? (state.names.get(id) ?? 'Someone who has left') : null);

export function scoreView(state: PanelState, s: IndividualScoreRow): EvaluatorScore {
  return {
    responseId: s.responseId,
    criterionId: s.criterionId,
    evaluatorId: s.evaluatorId,
    evaluatorName: nameOf(state, s.evaluatorId)!,
    score: s.score,
    justification: s.justification,
    submittedAt: s.submittedAt?.toISOString() ?? null,
    revision: s.revision,
  };
}

export function declarationView(state: PanelState, d: ConflictDeclarationRow): ConflictDeclaration {
  return {
    id: d.id,
    evaluatorId: d.memberId,
    evaluatorName: nameOf(state, d.memberId)!,
    responseId: d.responseId,
    supplierName: bidder(state, d.responseId)?.submission.supplierName ?? 'A withdrawn bidder',
    conflict: d.conflict,
    details: d.details,
    declaredAt: d.declaredAt.toISOString(),
    handling: d.handling,
    handledBy: nameOf(state, d.handledBy),
    handledAt: d.handledAt?.toISOString() ?? null,
  };
}

/** The panel as the buying team sees it: real names, every declaration and gate, and how far it has got. */
export function panelView(state: PanelState): EvaluationPanel {
  const { row, lot } = state;
  return {
    id: row.id,
    tenderId: row.tenderId,
    lotId: row.lotId,
    lotNumber: lot.number,
    lotTitle: lot.title,
    stage: stageOf(state),
    moderator: { userId: row.moderatorId, name: nameOf(state, row.moderatorId)! },
    evaluators: row.evaluators.map((e) => ({ userId: e.userId, name: nameOf(state, e.userId)!, criterionIds: e.criterionIds })),
    bidders: state.bidders.map((b) => ({ responseId: b.responseId, supplierName: b.submission.supplierName, label: b.label })),
    declarations: state.declarations.map((d) => declarationView(state, d)),
    gates: gateResults(state),
    progress: progress(state),
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
  };
}

export function spreadThreshold(state: PanelState): number {
  return state.rules.moderationSpread ?? defaultSpreadThreshold(state.scaleMax);
}

/** Every submitted score of qualifying responses, with spreads, flags, evaluator offsets and agreement per criterion. */
export function moderationView(state: PanelState): ModerationView {
  const threshold = spreadThreshold(state);
  const items = moderationItems(state);
  const submitted = state.scores.filter(
    (s) => s.submittedAt && items.some((i) => i.responseId === s.responseId && i.criterionId === s.criterionId),
  );
  const individual: IndividualScore[] = submitted.map((s) => ({
    responseId: s.responseId,
    criterionId: s.criterionId,
    evaluatorId: s.evaluatorId,
    score: s.score,
  }));
  const spreads = itemSpreads(individual, threshold);
  const criterionName = (id: string) => state.scored.find((c) => c.id === id)?.name ?? '';
  return {
    panelId: state.row.id,
    spreadThreshold: threshold,
    scale: state.lot.evaluationModel.scale,
    descriptors: state.lot.evaluationModel.descriptors,
    items: items.map(({ responseId, criterionId }) => {
      const spread = spreads.find((x) => x.responseId === responseId && x.criterionId === criterionId);
      const consensus = consensusOf(state, responseId, criterionId);
      return {
        responseId,
        label: bidder(state, responseId)!.label,
        criterionId,
        criterionName: criterionName(criterionId),
        scores: submitted.filter((s) => s.responseId === responseId && s.criterionId === criterionId).map((s) => scoreView(state, s)),
        spread: spread?.spread ?? null,
        flagged: spread?.flagged ?? false,
        consensus: consensus
          ? {
              score: consensus.score,
              note: consensus.note,
              moderatedBy: nameOf(state, consensus.moderatedBy)!,
              moderatedAt: consensus.moderatedAt.toISOString(),
            }
          : null,
      };
    }),
    offsets: evaluatorOffsets(individual, threshold).map((o) => ({ ...o, evaluatorName: nameOf(state, o.evaluatorId)! })),
    agreement: state.scored.map((c) => {
      const units = items
        .filter((i) => i.criterionId === c.id)
        .map((i) => individual.filter((s) => s.responseId === i.responseId && s.criterionId === c.id).map((s) => s.score));
      const alpha = krippendorffAlphaOrdinal(units);
      return { criterionId: c.id, criterionName: c.name, alpha, reading: readAgreement(alpha) };
    }),
  };
}
