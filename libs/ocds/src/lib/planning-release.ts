import type { EngagementNoticeInput } from './inputs';
import { RELEASE_IDS } from './mappings';
import { instant } from './ocds-errors';
import type { OcdsRelease } from './ocds.types';
import { party, partyReference } from './parties';

/**
 * The `planning` release of a preliminary market engagement notice (UK2): the tender is being considered
 * (`planning`), the notice is a market engagement notice (the UK profile's document type), and the engagement event,
 * if any, is an engagement milestone. It shares the tender's ocid, so the record holds the engagement and the tender.
 */
export function planningRelease(notice: EngagementNoticeInput): OcdsRelease {
  const date = instant(notice.publishedAt);
  return {
    ocid: notice.ocid,
    id: RELEASE_IDS.engagement(notice.ocid, notice.id),
    date,
    tag: ['planning'],
    initiationType: 'tender',
    language: 'en',
    parties: [party(notice.buyer, ['buyer', 'procuringEntity'])],
    buyer: partyReference(notice.buyer),
    planning: {
      ...(notice.summary.trim() ? { rationale: notice.summary.trim() } : {}),
      documents: [
        {
          id: `engagement-notice-${notice.id}`,
          documentType: 'marketEngagementNotice',
          title: `Preliminary market engagement notice: ${notice.title}`,
          description: `Feedback is taken until ${instant(notice.feedbackCloses)}.`,
          url: notice.url,
          datePublished: date,
          format: 'text/html',
          language: 'en',
          noticeType: 'UK2',
        },
      ],
      ...(notice.event
        ? {
            milestones: [
              {
                id: `engagement-event-${notice.id}`,
                title: notice.event.title,
                type: 'engagement',
                dueDate: instant(notice.event.startsAt),
              },
            ],
          }
        : {}),
    },
    tender: { id: notice.tenderId, title: notice.title, status: 'planning' },
  };
}
