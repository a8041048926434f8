import { expect } from '@playwright/test';
import type { ItlRegion, Procedure, ProcurementCategory, ResponseRules, TenderDetail } from '@openbrief/contracts';
import { ApiClient } from './api-client';
import { toContent } from './tender-editor';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export interface PublishedTender {
  readonly id: string;
  readonly title: string;
  readonly revision: number;
}

export interface PublishOptions {
  /** Days from now; the defaults leave every deadline in the future. */
  questionsCloseInDays?: number;
  answersPublishedInDays?: number | null;
  responsesDueInDays?: number;
  responseRules?: ResponseRules;
  /** What is mainly bought; the template's when left out. */
  category?: ProcurementCategory;
  /** ITL 1 delivery regions; [] = anywhere in the UK; the template's when left out. */
  regions?: ItlRegion[];
  /** The template's (open) when left out: a framework call-off is not open to every supplier. */
  procedure?: Procedure;
  /** 150,000 when left out. */
  estimatedValue?: number | null;
}

/** Creates, completes and publishes a tender as the given buyer, through the API. */
export async function publishTender(buyer: ApiClient, title: string, options: PublishOptions = {}): Promise<PublishedTender> {
  const created = await buyer.post('/api/v1/tenders', { title, templateId: 'digital-service' });
  expect(created.status(), await created.text()).toBe(201);
  const draft = (await created.json()) as TenderDetail;
  const content = {
    ...toContent(draft),
    responseRules: options.responseRules ?? draft.responseRules,
    mainCategory: options.category ?? draft.mainCategory,
    regions: options.regions ?? draft.regions,
    procedure: options.procedure ?? draft.procedure,
  };
  content.summary = 'Residents can report a problem online and follow it to the end.';
  content.problem = 'Reports arrive by phone and e-mail and are lost between teams.';
  content.contact = { name: 'Alex', email: 'alex@council.test', phone: null };
  content.estimatedValue = options.estimatedValue === undefined ? 150_000 : options.estimatedValue;
  const answers = options.answersPublishedInDays === undefined ? 15 : options.answersPublishedInDays;
  content.timetable = {
    ...content.timetable,
    clarificationDeadline: inDays(options.questionsCloseInDays ?? 10),
    answersPublishedBy: answers === null ? null : inDays(answers),
    submissionDeadline: inDays(options.responsesDueInDays ?? 20),
  };
  const saved = await buyer.put(`/api/v1/tenders/${draft.id}`, { revision: draft.revision, content });
  expect(saved.status(), await saved.text()).toBe(200);
  const published = await buyer.post(`/api/v1/tenders/${draft.id}/publish`, { revision: ((await saved.json()) as TenderDetail).revision });
  expect(published.status(), await published.text()).toBe(201);
  const { tender } = (await published.json()) as { tender: TenderDetail };
  return { id: tender.id, title: tender.title, revision: tender.revision };
}

/** Cancelled tenders leave the public list, so later specs find the demo tender where they expect it. */
export async function cancelTender(buyer: ApiClient, tender: PublishedTender): Promise<void> {
  const res = await buyer.post(`/api/v1/tenders/${tender.id}/status`, {
    revision: tender.revision,
    status: 'cancelled',
    reason: 'End of the e2e test.',
  });
  expect(res.status(), await res.text()).toBe(201);
}
