import { TenderStatus } from '@openbrief/contracts';
import { CommentThread } from '../../src/modules/comments/entities/comment-thread.entity';
import { TenderComment } from '../../src/modules/comments/entities/tender-comment.entity';
import { CollabStore } from '../../src/modules/collaboration/collab-store';
import { CollaborationService } from '../../src/modules/collaboration/collaboration.service';
import { TenderRevision } from '../../src/modules/tenders/entities/tender-revision.entity';
import { TenderVersion } from '../../src/modules/tenders/entities/tender-version.entity';
import { Tender } from '../../src/modules/tenders/entities/tender.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { connectCollab } from '../support/collab-client';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender } from '../support/tender-fixtures';

/**
 * One rule on every path (common/access/access-policy.ts): an evaluator has no access to a tender's
 * working copy in any status, and reads published tenders like the public. Comment routes are covered
 * with the other outsiders in comments.spec.ts.
 */
describe("an evaluator and the buying team's working copies", () => {
  let t: TestApp;
  let buyer: TestClient;
  let evaluator: TestClient;
  let draftId: string;
  let publishedId: string;
  const rows = () =>
    Promise.all(
      [Tender, TenderRevision, TenderVersion, CommentThread, TenderComment].map((entity) => t.dataSource.getRepository(entity).count()),
    );
  beforeAll(async () => {
    t = await startTestApp({});
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    evaluator = t.client();
    await evaluator.signIn('evaluator@demo.test');
    draftId = (await createReadyTender(buyer, 'Draft the panel must not see')).id;
    const published = await createReadyTender(buyer, 'Published for everyone');
    expect((await buyer.post(`/api/v1/tenders/${published.id}/publish`, { revision: published.revision })).status).toBe(201);
    publishedId = published.id;
  });
  afterAll(() => t.close());

  it('refuses every REST route of the working copy, for a draft and a published tender, and writes nothing', async () => {
    const before = await rows();
    for (const id of [draftId, publishedId]) {
      const current = (await buyer.get(`/api/v1/tenders/${id}`)).body;
      const answers = {
        read: await evaluator.get(`/api/v1/tenders/${id}`),
        check: await evaluator.get(`/api/v1/tenders/${id}/check`),
        publicationCheck: await evaluator.get(`/api/v1/tenders/${id}/publication-check`),
        draftPack: await evaluator.get(`/api/v1/tenders/${id}/pack.pdf`),
        revisions: await evaluator.get(`/api/v1/tenders/${id}/revisions`),
        compare: await evaluator.get(`/api/v1/tenders/${id}/compare?from=1&to=2`),
        save: await evaluator.put(`/api/v1/tenders/${id}`, {
          revision: current.revision,
          content: { ...toTenderContent(current), summary: 'Changed by the panel' },
        }),
        publish: await evaluator.post(`/api/v1/tenders/${id}/publish`, { revision: current.revision, changeNote: 'Panel edit' }),
        status: await evaluator.post(`/api/v1/tenders/${id}/status`, {
          revision: current.revision,
          status: TenderStatus.Cancelled,
          reason: 'Panel',
        }),
      };
      for (const [route, res] of Object.entries(answers)) {
        expect({ route, status: res.status }).toEqual({ route, status: 403 });
        expect(JSON.stringify(res.body)).not.toContain(current.title);
      }
      expect((await buyer.get(`/api/v1/tenders/${id}`)).body.revision).toBe(current.revision);
    }
    expect((await evaluator.get('/api/v1/tenders')).status).toBe(403);
    expect((await evaluator.post('/api/v1/tenders', { title: 'Panel tender' })).status).toBe(403);
    expect(await rows()).toEqual(before);
  });

  it('refuses the live document as for another organisation, for a draft and a published tender, and loads nothing', async () => {
    const service = t.app.get(CollaborationService);
    for (const id of [draftId, publishedId]) {
      await expect(connectCollab(t.url, id, evaluator.cookieHeader())).rejects.toThrow(/authentication failed/);
      expect(service.hocuspocus.documents.has(`tender:${id}`)).toBe(false);
      expect(await t.app.get(CollabStore).exists(`tender:${id}`)).toBe(false);
    }
    // The same connection works for the buyer: the refusal is about the evaluator, not the tender.
    const live = await connectCollab(t.url, draftId, buyer.cookieHeader());
    live.close();
  });

  it('reads the published tender like the public', async () => {
    const mine = await evaluator.get(`/api/v1/public/tenders/${publishedId}`);
    const anyone = await t.client().get(`/api/v1/public/tenders/${publishedId}`);
    expect(mine.status).toBe(200);
    expect(mine.body.tender.title).toBe('Published for everyone');
    expect(mine.body).toEqual(anyone.body);
    expect((await evaluator.get(`/api/v1/public/tenders/${draftId}`)).status).toBe(404);
  });
});
