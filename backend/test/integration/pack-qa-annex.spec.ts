import type { TenderDetail } from '@openbrief/contracts';
import type { Response } from 'supertest';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { readPdf } from '../support/pdf';
import { download, publishedTender, signUpSupplier } from '../support/response-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

/**
 * Annex A of the tender pack: the answers published to everyone, never who asked. A version's pack holds the answers
 * public when it was published (it is stored and hashed once), so a new answer reaches the pack in the next version;
 * the draft pack (the next version) holds every answer so far.
 */
describe('the tender pack’s Q&A annex', () => {
  let t: TestApp;
  let buyer: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
  });
  afterAll(() => t.close());

  const textOf = async (c: TestClient, path: string) => {
    const res: Response = await download(c, path);
    expect(res.status).toBe(200);
    return readPdf(res.body as Buffer).text.replace(/\s+/g, ' ');
  };

  it('prints public answers in the next version and the draft, without the asker, and never private ones', async () => {
    const tender = await publishedTender(buyer, 'Annex A school transport');
    const supplier = await signUpSupplier(t, 'Quillfeather Coaches Ltd', 'jo@quillfeather.test');
    const ask = async (text: string) => {
      const res = await supplier.post(`/api/v1/tenders/${tender.id}/questions`, { text });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const publicQuestion = await ask('Can routes be shared between two schools?');
    const privateQuestion = await ask('Will you accept our own booking software licence terms?');
    const answer = async (id: string, body: Record<string, unknown>) =>
      expect((await buyer.post(`/api/v1/tenders/${tender.id}/questions/${id}/answer`, body)).status).toBe(200);
    await answer(publicQuestion, { answer: 'Yes, where the journey times allow it.', visibility: 'public' });
    await answer(privateQuestion, {
      answer: 'We will discuss licences with the winning supplier.',
      visibility: 'private',
      privateReason: 'It names the supplier’s own product.',
    });

    // Version 1 was published before the answer: its stored pack is unchanged and says none are answered yet.
    const v1 = await textOf(t.client(), `/api/v1/public/tenders/${tender.id}/versions/1/pack.pdf`);
    expect(v1).toContain('Annex A: Clarification questions and answers');
    expect(v1).not.toContain('Can routes be shared between two schools?');

    // The draft pack (the next version) and then version 2 carry the public answer, and nothing of the private one or the asker.
    const draft = await textOf(buyer, `/api/v1/tenders/${tender.id}/pack.pdf`);
    expect(draft).toContain('Can routes be shared between two schools?');
    expect(draft).toContain('Yes, where the journey times allow it.');
    const current = (await buyer.get(`/api/v1/tenders/${tender.id}`)).body as TenderDetail;
    const content = toTenderContent(current);
    content.summary = `${content.summary} Routes may be shared.`;
    const saved = await buyer.put(`/api/v1/tenders/${tender.id}`, { revision: current.revision, content });
    expect(saved.status).toBe(200);
    const v2 = await buyer.post(`/api/v1/tenders/${tender.id}/publish`, { revision: saved.body.revision, changeNote: 'Answers added.' });
    expect(v2.status).toBe(201);
    const published = await textOf(t.client(), `/api/v1/public/tenders/${tender.id}/pack.pdf`);
    expect(published).toContain('Can routes be shared between two schools?');
    expect(published).toContain('Yes, where the journey times allow it.');
    for (const text of [draft, published]) {
      expect(text).not.toContain('licence terms');
      expect(text).not.toContain('discuss licences');
      expect(text).not.toContain('Quillfeather');
      expect(text).not.toContain('Jo Quill');
    }
  });
});
