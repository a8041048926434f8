import { clampContent } from '../../src/modules/collaboration/clamp-content';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { connectCollab } from '../support/collab-client';
import { RemoteClient, spawnServer } from '../support/spawn-server';
import { createTestDatabase } from '../support/test-database';

describe('a crash in the middle of a live session', () => {
  it('loses no acknowledged edit: after kill -9 and a restart on the same database, the API and a fresh client see every one', async () => {
    const db = await createTestDatabase();
    // Projection far off: whatever the killed process had not projected must be recovered from the log.
    const env = { ...db.env, SEED_DEMO: 'true', COLLAB_PROJECTION_MS: '600000' };
    let server = await spawnServer(env);
    try {
      const buyer = new RemoteClient(server.url);
      await buyer.signIn('buyer@demo.test');
      const tenderId: string = (await buyer.get('/api/v1/tenders')).body.find((x: { status: string }) => x.status === 'draft').id;
      const live = await connectCollab(server.url, tenderId, buyer.cookieHeader());
      for (let i = 0; i < 30; i++) live.text('constraints').insert(live.text('constraints').length, ` crash-${i};`);
      live.text('summary').insert(0, 'Typed before the crash: ');
      await live.acknowledged();
      const acknowledged = live.content();

      // Killed while the client is still connected; the client stops at once rather than retry a dead port.
      server.process.kill('SIGKILL');
      live.close();
      expect(await server.exited).toBeNull();

      server = await spawnServer(env);
      const again = new RemoteClient(server.url);
      await again.signIn('buyer@demo.test');
      // The API first, while no client has the document open: it projects from the log.
      const read = await again.get(`/api/v1/tenders/${tenderId}`);
      expect(read.body.summary).toBe(acknowledged.summary);
      expect(toTenderContent(read.body)).toEqual(clampContent(acknowledged));
      const fresh = await connectCollab(server.url, tenderId, again.cookieHeader());
      try {
        expect(fresh.content()).toEqual(acknowledged);
      } finally {
        fresh.close();
      }
    } finally {
      server.process.kill('SIGKILL');
      await server.exited;
      await db.drop();
    }
  }, 180_000);
});
