import { listNestRoutes, openApiKey } from '../support/nest-routes';
import { startTestApp, type TestApp } from '../support/test-app';

describe('platform conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports health with a database check', async () => {
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('sets helmet security headers and a request id', async () => {
    const res = await t.client().get('/api/v1/public/tenders');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await t.client().raw().get('/api/health').set('x-request-id', 'trace-123');
    expect(echoed.headers['x-request-id']).toBe('trace-123');
  });

  it('answers an unknown API route with a 404 in the error shape', async () => {
    const res = await t.client().get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'There is nothing at GET /api/v1/no-such-thing.' });
  });

  describe('OpenAPI', () => {
    let doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }>; requestBody?: unknown }>> };
    beforeAll(async () => {
      const res = await t.client().get('/api/docs-json');
      expect(res.status).toBe(200);
      doc = res.body;
    });

    it('documents every route under /api/v1 plus health', () => {
      const paths = Object.keys(doc.paths);
      expect(paths).toEqual(
        expect.arrayContaining(['/api/v1/auth/sign-in', '/api/v1/invitations', '/api/v1/tenders', '/api/v1/public/tenders', '/api/health']),
      );
      for (const p of paths) expect(p === '/api/health' || p.startsWith('/api/v1/')).toBe(true);
    });

    it('gives every operation a typed success response, and a request schema exactly where its handler reads a body', () => {
      // Which handlers read a body comes from Nest's own metadata (support/nest-routes.ts), not from the HTTP method:
      // a POST that only acts (withdraw, open, mark read) takes no body and must not pretend to.
      const routes = new Map(listNestRoutes(t.app).map((route) => [openApiKey(route), route]));
      expect(routes.get('POST /api/v1/auth/sign-in')?.body).toBe('parsed');
      expect(routes.get('POST /api/v1/responses/{id}/attachments')?.body).toBe('request');
      expect(routes.get('POST /api/v1/tenders/import/file')?.body).toBe('request');
      expect(routes.get('POST /api/v1/responses/{id}/withdraw')?.body).toBe('none');
      const problems: string[] = [];
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          const success = Object.entries(op.responses).find(([code]) => code.startsWith('2'));
          if (!success) problems.push(`${method} ${path}: no success response`);
          else if (success[0] !== '204' && success[1].content === undefined) problems.push(`${method} ${path}: success response untyped`);
          const route = routes.get(`${method.toUpperCase()} ${path}`);
          if (!route) {
            problems.push(`${method} ${path}: no Nest route serves it`);
            continue;
          }
          // A handler that may read the raw request is held to the old rule; sign-out reads only its cookie.
          const takesBody =
            route.body === 'parsed' ||
            (route.body === 'request' && ['put', 'patch', 'post'].includes(method) && !path.endsWith('sign-out'));
          if (takesBody && op.requestBody === undefined) problems.push(`${method} ${path}: no request schema`);
          if (route.body === 'none' && op.requestBody !== undefined)
            problems.push(`${method} ${path}: a request schema, yet it reads no body`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
});
