import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@openbrief/contracts';
import { Organisation } from '../../src/modules/identity/entities/organisation.entity';
import { User } from '../../src/modules/identity/entities/user.entity';
import { createReadyTender, readyContent } from '../support/tender-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

const setCookies = (res: { headers: Record<string, unknown> }) => ([] as string[]).concat((res.headers['set-cookie'] as string[]) ?? []);
const cookieLine = (res: { headers: Record<string, unknown> }, name: string) => setCookies(res).find((c) => c.startsWith(`${name}=`));

/** Posts JSON text exactly as written (exponents, depth, duplicate keys), as a browser client with its tokens. */
async function postJsonText(c: TestClient, path: string, text: string) {
  if (!c.cookies.has(CSRF_COOKIE)) await c.get('/api/v1/auth/session');
  return c
    .raw()
    .post(path)
    .set('Cookie', c.cookieHeader())
    .set(CSRF_HEADER, c.cookies.get(CSRF_COOKIE)!)
    .set('Content-Type', 'application/json')
    .send(text);
}

describe('defaults that suit the internet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('odd JSON is refused while parsing, never a 500', () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

    it.each(['/api/v1/auth/sign-in', '/api/v1/spec-check'])(
      'about 10 KB of nested arrays to %s answers 400 and the service keeps serving',
      async (path) => {
        const c = t.client();
        const res = await postJsonText(c, path, nested(5_000));
        expect(res.status).toBe(400);
        expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'The request body nests lists or objects too deeply.' });
        expect((await t.client().get('/api/health')).status).toBe(200);
      },
    );

    it('counts objects too, allows the configured depth, and ignores brackets inside text', async () => {
      const c = t.client();
      const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
      const tooDeep = await postJsonText(c, '/api/v1/spec-check', deepObject(t.settings.jsonMaxDepth + 1));
      expect(tooDeep.status).toBe(400);
      expect(tooDeep.body.message).toMatch(/too deeply/);
      // At the limit the body is parsed and then refused by validation, by field.
      const atLimit = await c.post('/api/v1/spec-check', {
        text: 'Provide a service.',
        extra: JSON.parse(deepObject(t.settings.jsonMaxDepth - 1)),
      });
      expect(atLimit.status).toBe(400);
      expect(atLimit.body.message).toMatch(/"extra" is not a field we accept/);
      const brackets = await c.post('/api/v1/spec-check', { text: `The supplier must supply ${'['.repeat(3000)} items.` });
      expect(brackets.status).toBeLessThan(300);
    });

    it('refuses prototype keys and pollutes nothing', async () => {
      const c = t.client();
      const before = [await t.dataSource.getRepository(User).count(), await t.dataSource.getRepository(Organisation).count()];
      const valid = {
        name: 'Jo Bloggs',
        email: 'proto@bloggs.test',
        password: 'a-long-and-unusual-passphrase-42',
        organisationName: 'Bloggs',
        isSme: true,
      };
      // "__proto__" would swap the DTO's prototype (its fields inherited, unseen by the whitelist): refused while
      // parsing, with the other reserved names, at any depth and however the key is escaped.
      const extras = [
        '"__proto__":{"polluted":"yes","role":"buyer"}',
        '"\\u005f_proto__":{"polluted":"yes"}',
        '"constructor":{"prototype":{"polluted":"yes"}}',
        '"prototype":{"polluted":"yes"}',
        '"nested":[{"a":{"__proto__":{"polluted":"yes"}}}]',
      ];
      for (const extra of extras) {
        const res = await postJsonText(c, '/api/v1/auth/sign-up', JSON.stringify(valid).replace(/}$/, `,${extra}}`));
        expect([extra, res.status, res.body.message]).toEqual([
          extra,
          400,
          'The request body uses a reserved field name (__proto__, constructor or prototype).',
        ]);
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect([await t.dataSource.getRepository(User).count(), await t.dataSource.getRepository(Organisation).count()]).toEqual(before);
    });
  });

  describe('numbers in exponent notation', () => {
    const SENTINEL = 12345.678;

    /** Saves the tender's content with the Price weight or the estimated value written exactly as `literal`. */
    async function saveWith(field: 'weight' | 'estimatedValue', literal: string) {
      const c = t.client();
      await c.signIn('buyer@demo.test');
      const tender = await createReadyTender(c);
      const body = { revision: tender.revision, content: readyContent(tender) };
      if (field === 'weight') body.content.lots[0].evaluationModel.criteria.find((x) => x.name === 'Price')!.weight = SENTINEL;
      else body.content.estimatedValue = SENTINEL;
      const raw = JSON.stringify(body).replace(String(SENTINEL), literal);
      return { c, tender, res: await c.put(`/api/v1/tenders/${tender.id}`, raw, { 'Content-Type': 'application/json' }) };
    }

    it.each([
      ['weight', '1e-7', /weight must have at most 2 decimal places/],
      ['weight', '3.000001E1', /weight must have at most 2 decimal places/],
      ['weight', '1e3', /weight must be at most 100/],
      ['estimatedValue', '1e-7', /estimatedValue must have at most 2 decimal places/],
      ['estimatedValue', '1e300', /estimatedValue must be at most/],
    ] as const)('%s written as %s answers 400 naming the field', async (field, literal, message) => {
      const { res } = await saveWith(field, literal);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field).join(' ')).toMatch(new RegExp(`\\b${field}\\b`));
      expect(res.body.message + JSON.stringify(res.body.details)).toMatch(message);
    });

    it.each([
      ['weight', '3e1', 30],
      ['weight', '3.0E+1', 30],
      ['estimatedValue', '2.5e5', 250_000],
    ] as const)('%s written as %s is accepted when the value is valid', async (field, literal, value) => {
      const { res } = await saveWith(field, literal);
      expect(res.status).toBe(200);
      const saved =
        field === 'weight'
          ? res.body.lots[0].evaluationModel.criteria.find((x: { name: string }) => x.name === 'Price').weight
          : res.body.estimatedValue;
      expect(saved).toBe(value);
    });

    it('spec-check takes an estimated value in exponent notation and refuses one out of range by name', async () => {
      const c = t.client();
      const ok = await postJsonText(c, '/api/v1/spec-check', '{"text":"Provide a service.","estimatedValue":2e5}');
      expect(ok.status).toBeLessThan(300);
      const tiny = await postJsonText(c, '/api/v1/spec-check', '{"text":"Provide a service.","estimatedValue":1e-7}');
      expect(tiny.status).toBeLessThan(300);
      const huge = await postJsonText(c, '/api/v1/spec-check', '{"text":"Provide a service.","estimatedValue":1e300}');
      expect(huge.status).toBe(400);
      expect(huge.body.details[0].field).toBe('estimatedValue');
    });
  });

  describe('CSRF tokens are bound to the session', () => {
    it('refuses a planted cookie pair, and a pair taken from another session', async () => {
      const victim = t.client();
      await victim.signIn('buyer@demo.test');
      const attacker = t.client();
      await attacker.signIn('supplier@demo.test');
      const plantedByHand = 'attacker-chosen-value';
      const fromOtherSession = attacker.cookies.get(CSRF_COOKIE)!;
      for (const token of [plantedByHand, fromOtherSession]) {
        const res = await victim
          .raw()
          .post('/api/v1/tenders')
          .set('Cookie', `${SESSION_COOKIE}=${victim.cookies.get(SESSION_COOKIE)}; ${CSRF_COOKIE}=${token}`)
          .set(CSRF_HEADER, token)
          .send({ title: 'Planted', templateId: 'digital-service' });
        expect(res.status).toBe(403);
        expect(res.body.message).toMatch(/security token/);
      }
      // The victim's own token still works.
      expect((await victim.post('/api/v1/tenders', { title: 'Genuine', templateId: 'digital-service' })).status).toBe(201);
    });

    it('issues a new token at sign-in and sign-out; the old one is refused', async () => {
      const c = t.client();
      await c.get('/api/v1/auth/session');
      const anonymous = c.cookies.get(CSRF_COOKIE)!;
      await c.signIn('buyer@demo.test');
      const signedIn = c.cookies.get(CSRF_COOKIE)!;
      expect(signedIn).not.toBe(anonymous);
      const withOld = await c
        .raw()
        .post('/api/v1/tenders')
        .set('Cookie', `${SESSION_COOKIE}=${c.cookies.get(SESSION_COOKIE)}; ${CSRF_COOKIE}=${anonymous}`)
        .set(CSRF_HEADER, anonymous)
        .send({ title: 'Old token', templateId: 'digital-service' });
      expect(withOld.status).toBe(403);
      expect((await c.post('/api/v1/auth/sign-out')).status).toBe(204);
      expect(c.cookies.get(CSRF_COOKIE)).not.toBe(signedIn);
      expect(c.cookies.has(SESSION_COOKIE)).toBe(false);
    });

    it('replaces a token that does not fit the session on the next read', async () => {
      const c = t.client();
      await c.signIn('buyer@demo.test');
      c.cookies.set(CSRF_COOKIE, 'stale-or-planted');
      const res = await c.get('/api/v1/auth/me');
      expect(cookieLine(res, CSRF_COOKIE)).toBeDefined();
      expect((await c.post('/api/v1/tenders', { title: 'After refresh', templateId: 'digital-service' })).status).toBe(201);
    });
  });

  describe('Cache-Control', () => {
    it('is no-store on private and state-changing responses; public reads revalidate (public-reads.spec.ts has the rest)', async () => {
      const c = t.client();
      await c.signIn('buyer@demo.test');
      expect((await c.get('/api/v1/auth/me')).headers['cache-control']).toBe('no-store');
      expect((await c.get('/api/v1/tenders')).headers['cache-control']).toBe('no-store');
      expect((await c.post('/api/v1/spec-check', { text: 'Provide a service.' })).headers['cache-control']).toBe('no-store');
      expect((await c.get('/api/v1/no-such-thing')).headers['cache-control']).toBe('no-store');
      expect((await t.client().get('/api/health')).headers['cache-control']).toBe('no-store');
      expect((await t.client().get('/api/v1/public/tenders')).headers['cache-control']).toMatch(/^public, max-age=0, .*must-revalidate$/);
    });
  });

  it("limits the browser's connections to the app's own origin", async () => {
    const csp = (await t.client().get('/api/v1/public/tenders')).headers['content-security-policy'] as string;
    const connect = csp.split(';').find((d) => d.trim().startsWith('connect-src'));
    expect(connect?.trim()).toBe("connect-src 'self'");
  });

  describe('Secure cookies behind a trusted proxy', () => {
    it('marks cookies Secure when a trusted proxy (loopback by default) says the request came over HTTPS', async () => {
      const c = t.client();
      const plain = await c.raw().get('/api/v1/auth/session');
      expect(cookieLine(plain, CSRF_COOKIE)).not.toMatch(/;\s*Secure/i);
      const https = await c.raw().get('/api/v1/auth/session').set('X-Forwarded-Proto', 'https');
      expect(cookieLine(https, CSRF_COOKIE)).toMatch(/;\s*Secure/i);
      const token = cookieLine(https, CSRF_COOKIE)!
        .split(';')[0]
        .slice(CSRF_COOKIE.length + 1);
      const signIn = await c
        .raw()
        .post('/api/v1/auth/sign-in')
        .set('X-Forwarded-Proto', 'https')
        .set('Cookie', `${CSRF_COOKIE}=${token}`)
        .set(CSRF_HEADER, decodeURIComponent(token))
        .send({ email: 'buyer@demo.test', password: 'demo-password' });
      expect(signIn.status).toBe(200);
      expect(cookieLine(signIn, SESSION_COOKIE)).toMatch(/;\s*Secure/i);
      expect(cookieLine(signIn, CSRF_COOKIE)).toMatch(/;\s*Secure/i);
    });

    it('ignores X-Forwarded-Proto with TRUST_PROXY=false', async () => {
      const untrusting = await startTestApp({ TRUST_PROXY: 'false' });
      try {
        const res = await untrusting.client().raw().get('/api/v1/auth/session').set('X-Forwarded-Proto', 'https');
        expect(cookieLine(res, CSRF_COOKIE)).toBeDefined();
        expect(cookieLine(res, CSRF_COOKIE)).not.toMatch(/;\s*Secure/i);
      } finally {
        await untrusting.close();
      }
    });
  });
});
