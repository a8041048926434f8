import type { TenderContent, TenderDetail } from '@openbrief/contracts';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import type { TestClient } from './test-app';

const DAY = 86_400_000;
export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** Creates a tender from a template and fills what publication needs. */
export async function createReadyTender(c: TestClient, title = 'Better school transport'): Promise<TenderDetail> {
  const created = await c.post('/api/v1/tenders', { title, templateId: 'digital-service' });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const content = readyContent(created.body);
  const saved = await c.put(`/api/v1/tenders/${created.body.id}`, { revision: created.body.revision, content });
  if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${JSON.stringify(saved.body)}`);
  return saved.body;
}

export function readyContent(t: TenderDetail): TenderContent {
  const content = toTenderContent(t);
  content.summary = 'Parents can arrange school transport for their children online.';
  content.problem = 'Applications are on paper and take weeks.';
  content.contact = { name: 'Alex', email: 'alex@council.test', phone: null };
  content.timetable = { ...content.timetable, clarificationDeadline: inDays(10), submissionDeadline: inDays(20) };
  content.estimatedValue = 200_000;
  return content;
}
