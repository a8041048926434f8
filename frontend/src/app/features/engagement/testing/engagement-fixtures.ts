import type { EngagementFeedback, EngagementNotice } from '@openbrief/contracts';

export const ENGAGEMENT_ID = '0b7a3c52-7d1e-4c1a-9a55-1f3f5e0d2a10';
export const REQUIREMENT_ID = '5a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';

/** A notice as the public API answers it, open for another week. */
export function aNotice(patch: Partial<EngagementNotice> = {}): EngagementNotice {
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
  return {
    id: ENGAGEMENT_ID,
    tenderId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6',
    reference: 'OB-2026-0042',
    title: 'School transport booking',
    buyerName: 'Northshire County Council',
    summary: 'Parents arrange school transport online.',
    questions: 'Is the timescale realistic?',
    outcomes: [
      {
        requirementId: REQUIREMENT_ID,
        lotTitle: 'Lot 1',
        number: '1.1',
        outcome: 'Parents can apply online.',
        measure: 'Share applying online',
      },
    ],
    event: {
      title: 'Supplier briefing',
      startsAt: inDays(3),
      endsAt: null,
      format: 'online',
      place: 'Joining details are sent to those registered.',
      capacity: 30,
    },
    feedbackCloses: inDays(7),
    status: 'open',
    publishedAt: inDays(-1),
    registrations: 2,
    ...patch,
  };
}

export function aFeedback(patch: Partial<EngagementFeedback> = {}): EngagementFeedback {
  return {
    id: 'f0a1b2c3-d4e5-4f60-8a7b-8c9d0e1f2a3b',
    requirementId: REQUIREMENT_ID,
    kind: 'alternative',
    text: 'Measure the result, not the channel.',
    proposedOutcome: 'Every eligible child has transport arranged before term starts.',
    createdAt: '2026-12-01T10:00:00.000Z',
    supplierName: 'Shah Transport Ltd',
    adoptedAt: null,
    adoptedBy: null,
    ...patch,
  };
}
