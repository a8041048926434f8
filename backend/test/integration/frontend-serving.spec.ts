import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';

/** The built Angular app on the API's port: files with a cache lifetime, index.html for the app's own routes. */
describe('serving the built frontend', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'openbrief-dist-'));
    mkdirSync(join(dist, 'media'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Openbrief</title><app-root></app-root>');
    writeFileSync(join(dist, 'main-ABC123.js'), 'console.log("app")');
    writeFileSync(join(dist, 'media', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestApp({ FRONTEND_DIST: dist });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves built files for an hour, with the security headers', async () => {
    for (const path of ['/main-ABC123.js', '/media/logo.svg']) {
      const res = await t.client().get(path);
      expect([path, res.status, res.headers['cache-control']]).toEqual([path, 200, 'public, max-age=3600']);
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    }
    expect((await t.client().get('/main-ABC123.js')).text).toBe('console.log("app")');
  });

  it("answers the app's own routes with index.html, revalidated every time", async () => {
    for (const path of ['/', '/tenders/123/edit', '/public/tenders?page=2', '/no-such-file.js']) {
      const res = await t.client().get(path);
      expect([path, res.status, res.headers['cache-control']]).toEqual([path, 200, 'no-cache']);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<app-root>');
    }
  });

  it('leaves /api to the API: an unknown API path is a 404 in the error shape, not the app', async () => {
    const res = await t.client().get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'There is nothing at GET /api/v1/no-such-thing.' });
    expect((await t.client().get('/api/health')).body).toMatchObject({ status: 'ok' });
  });

  it('answers only reads with the app: another method is a 404', async () => {
    const res = await t.client().raw().post('/tenders/123/edit').send({});
    expect(res.status).toBe(404);
    expect(res.body.statusCode).toBe(404);
  });
});
