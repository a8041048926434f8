import {
  CriterionType,
  type EvaluatorResponseView,
  type EvaluatorScore,
  type EvaluatorWorkspace,
  type ModerationView,
  PanelStage,
  type ScaleDescriptor,
  ScoringScale,
} from '@openbrief/contracts';

export const DESCRIPTORS: ScaleDescriptor[] = [
  { score: 0, label: 'Unacceptable', description: 'Does not answer the question.' },
  { score: 1, label: 'Poor', description: 'Answers part of the question, with little evidence.' },
  { score: 2, label: 'Acceptable', description: 'Answers the question with some evidence.' },
  { score: 3, label: 'Good', description: 'A full answer with evidence.' },
  { score: 4, label: 'Excellent', description: 'A full answer with strong evidence and added value.' },
];

export function workspace(change: Partial<EvaluatorWorkspace> = {}): EvaluatorWorkspace {
  return {
    panelId: 'p-1',
    tenderReference: 'OB-2026-0042',
    tenderTitle: 'Patient transport',
    lotNumber: 1,
    lotTitle: 'Whole service',
    stage: PanelStage.Scoring,
    toDeclare: [],
    declared: true,
    scale: ScoringScale.ZeroToFour,
    descriptors: DESCRIPTORS,
    minJustificationChars: 20,
    blindMarking: true,
    criteria: [
      { id: 'c-1', name: 'Approach', type: CriterionType.Quality, description: '', wordLimit: 5, submitted: false },
      { id: 'c-2', name: 'Social value', type: CriterionType.SocialValue, description: '', wordLimit: null, submitted: true },
    ],
    responses: [
      { responseId: 'r-1', label: 'Response A', scored: 1, toScore: 2 },
      { responseId: 'r-2', label: 'Response B', scored: 2, toScore: 2 },
    ],
    ...change,
  };
}

export function score(change: Partial<EvaluatorScore> = {}): EvaluatorScore {
  return {
    responseId: 'r-1',
    criterionId: 'c-1',
    evaluatorId: 'u-1',
    evaluatorName: 'Dr Tom Evans',
    score: 3,
    justification: 'The response sets out a clear weekly plan.',
    submittedAt: null,
    revision: 2,
    ...change,
  };
}

export function responseView(change: Partial<EvaluatorResponseView> = {}): EvaluatorResponseView {
  return {
    responseId: 'r-1',
    label: 'Response A',
    answers: [
      {
        criterionId: 'c-1',
        criterionName: 'Approach',
        wordLimit: 5,
        considered: 'We collect patients on time.',
        notConsidered: 'And we also wash the vans.',
      },
    ],
    declarations: [{ requirementId: 'q-1', requirementOutcome: 'Drivers hold a DBS check', meets: true, evidence: 'Policy HR-7' }],
    price: null,
    scores: [],
    ...change,
  };
}

export function moderationView(): ModerationView {
  const s = (evaluatorId: string, evaluatorName: string, value: number, responseId = 'r-1') =>
    score({ evaluatorId, evaluatorName, score: value, responseId, submittedAt: '2026-12-07T10:00:00Z' });
  return {
    panelId: 'p-1',
    spreadThreshold: 2,
    scale: ScoringScale.ZeroToFour,
    descriptors: DESCRIPTORS,
    items: [
      {
        responseId: 'r-1',
        label: 'Response A',
        criterionId: 'c-1',
        criterionName: 'Approach',
        scores: [s('u-1', 'Dr Tom Evans', 4), s('u-2', 'Sam Okoro', 1)],
        spread: 3,
        flagged: true,
        consensus: null,
      },
      {
        responseId: 'r-2',
        label: 'Response B',
        criterionId: 'c-1',
        criterionName: 'Approach',
        scores: [s('u-1', 'Dr Tom Evans', 2, 'r-2'), s('u-2', 'Sam Okoro', 2, 'r-2')],
        spread: 0,
        flagged: false,
        consensus: null,
      },
    ],
    offsets: [
      { evaluatorId: 'u-1', evaluatorName: 'Dr Tom Evans', meanOffset: 1.5, items: 2, outOfLine: true },
      { evaluatorId: 'u-2', evaluatorName: 'Sam Okoro', meanOffset: -1.5, items: 2, outOfLine: true },
    ],
    agreement: [
      { criterionId: 'c-1', criterionName: 'Approach', alpha: 0.12, reading: 'The evaluators barely agree: discuss every score.' },
    ],
  };
}
