import type {
  Budget,
  ConflictDeclaration,
  EvaluationPanel,
  EvaluatorScore,
  GateResult,
  Jurisdiction,
  Lot,
  ModerationView,
  PanelStage,
  PriceLine,
  TenderStatus,
} from '@openbrief/contracts';

/** A bidder on a panel: an opened response's counted submission, as the award module needs it. */
export interface PanelBidderRecord {
  responseId: string;
  organisationId: string;
  supplierName: string;
  /** "Response A"…: stable for the panel. */
  label: string;
  submittedAt: string;
  sha256: string;
  price: { total: number; currency: string; lines: PriceLine[] };
  /** The supplier's answer per criterion id, for drafting assessment summaries. */
  answers: Record<string, string>;
}

/**
 * Everything recorded about one lot's evaluation, for the award module (results, award, summaries, report): the
 * contract between the evaluation module (which owns these tables and writes them) and the award module (which
 * reads them through `PanelRecords` and never touches the tables). Access is the caller's to check
 * (`evaluation.read` / `evaluation.manage` with `tenderFacts`).
 */
export interface PanelRecord {
  panelId: string;
  tender: {
    id: string;
    reference: string;
    title: string;
    buyerName: string;
    organisationId: string;
    status: TenderStatus;
    budget: Budget;
    contractLengthMonths: number | null;
    jurisdiction: Jurisdiction;
    /** The published version the responses were evaluated against. */
    version: number;
  };
  /** The lot as published, with its evaluation model (criteria, scale, rules, price method). */
  lot: Lot;
  stage: PanelStage;
  /** The panel as the buying team sees it (members, bidders, declarations, gates, progress). */
  panel: EvaluationPanel;
  bidders: PanelBidderRecord[];
  /** Failed pass/fail gates (and any other gate recorded by the evaluation module). */
  gates: GateResult[];
  declarations: ConflictDeclaration[];
  /** Submitted individual scores only. */
  scores: EvaluatorScore[];
  /** Consensus per response × criterion. */
  moderated: { responseId: string; criterionId: string; score: number; note: string; moderatedBy: string; moderatedAt: string }[];
  /** The moderation view (every score, spread, flags, offsets, agreement), for the report. */
  moderation: ModerationView;
}
