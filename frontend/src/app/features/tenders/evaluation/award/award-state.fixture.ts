import { AssessmentSummary, AwardDecision, AwardState, Jurisdiction } from '@openbrief/contracts';

export const DECISION: AwardDecision = {
  panelId: 'panel-1',
  responseId: 'a',
  supplierName: 'Supplier A',
  reasons: 'Highest total score and the strongest technical approach.',
  decidedBy: 'Priya Shah',
  decidedAt: '2026-12-01T10:00:00.000Z',
  noticePublishedAt: null,
  jurisdiction: Jurisdiction.EnglandAndWales,
  standstillLastDay: null,
  standstillEndsAt: null,
  contractEnteredAt: null,
};

export function summaryFixture(overrides: Partial<AssessmentSummary> = {}): AssessmentSummary {
  return {
    panelId: 'panel-1',
    responseId: 'b',
    supplierName: 'Supplier B',
    successful: false,
    criteria: [
      {
        criterionId: 'quality',
        name: 'Quality',
        weight: 60,
        scoringScheme: 'The sum of the points of its parts.',
        score: null,
        points: 30,
        explanation: '',
      },
      {
        criterionId: 'tech',
        name: 'Technical approach',
        weight: 40,
        scoringScheme: '0 to 4: 4 is excellent.',
        score: 3,
        points: 30,
        explanation: 'A clear plan with named staff.',
      },
    ],
    total: 78.2,
    rank: 2,
    whyNotSuccessful: 'Supplier A scored higher on technical approach.',
    winnerName: 'Supplier A',
    status: 'draft',
    issuedAt: null,
    sha256: null,
    revision: 4,
    ...overrides,
  };
}

export function awardStateFixture(overrides: Partial<AwardState> = {}): AwardState {
  return {
    decision: DECISION,
    summaries: [summaryFixture()],
    noticeBlockedBy: '1 assessment summary is not issued yet.',
    ...overrides,
  };
}
