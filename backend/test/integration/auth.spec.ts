import { SESSION_COOKIE } from '@openbrief/contracts';
import { User } from '../../src/modules/identity/entities/user.entity';
import { Organisation } from '../../src/modules/identity/entities/organisation.entity';
import { startTestApp, type TestApp } from '../support/test-app';

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs the demo buyer in with an httpOnly, SameSite session cookie and knows them afterwards', async () => {
    const c = t.client();
    const res = await c.signIn('buyer@demo.test');
    expect(res.body).toMatchObject({ email: 'buyer@demo.test', role: 'buyer', organisation: { kind: 'buyer' } });
    const cookie = ([] as string[]).concat(res.headers['set-cookie']).find((x) => x.startsWith(SESSION_COOKIE));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await c.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.name).toBe('Priya Shah');
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('accepts the e-mail in any case and with spaces around it', async () => {
    const res = await t.client().post('/api/v1/auth/sign-in', { email: '  Buyer@Demo.TEST ', password: 'demo-password' });
    expect(res.status).toBe(200);
  });

  it.each([
    ['a wrong password', 'buyer@demo.test', 'not-the-password'],
    ['an unknown e-mail', 'nobody@demo.test', 'demo-password'],
  ])('refuses %s with the same clear 401', async (_, email, password) => {
    const res = await t.client().post('/api/v1/auth/sign-in', { email, password });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'The e-mail or password is not right.' });
  });

  it('answers 401 to a missing or forged session cookie', async () => {
    const anonymous = await t.client().get('/api/v1/auth/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.message).toBe('Please sign in to continue.');
    const forged = t.client();
    forged.cookies.set(SESSION_COOKIE, 'forged-token-value');
    const res = await forged.get('/api/v1/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/session has ended/);
  });

  it('ends the session on sign-out, so the old cookie no longer works', async () => {
    const c = t.client();
    await c.signIn('buyer@demo.test');
    const token = c.cookies.get(SESSION_COOKIE)!;
    expect((await c.post('/api/v1/auth/sign-out')).status).toBe(204);
    const replay = t.client();
    replay.cookies.set(SESSION_COOKIE, token);
    expect((await replay.get('/api/v1/auth/me')).status).toBe(401);
  });

  describe('CSRF (double-submit cookie)', () => {
    it('refuses a state-changing request without the header', async () => {
      const res = await t.client().raw().post('/api/v1/auth/sign-in').send({ email: 'buyer@demo.test', password: 'demo-password' });
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/security token/);
    });

    it('refuses a header that does not match the cookie', async () => {
      const res = await t
        .client()
        .raw()
        .post('/api/v1/auth/sign-in')
        .set('Cookie', 'XSRF-TOKEN=abc')
        .set('X-XSRF-TOKEN', 'abd')
        .send({ email: 'buyer@demo.test', password: 'demo-password' });
      expect(res.status).toBe(403);
    });

    it('issues a readable XSRF-TOKEN cookie on a first GET', async () => {
      const res = await t.client().raw().get('/api/v1/public/tenders');
      const cookie = ([] as string[]).concat(res.headers['set-cookie']).find((x) => x.startsWith('XSRF-TOKEN='));
      expect(cookie).toBeDefined();
      expect(cookie).not.toMatch(/HttpOnly/);
    });
  });

  describe('bad input is refused and writes nothing', () => {
    const signUp = '/api/v1/auth/sign-up';
    const valid = {
      name: 'Jo Bloggs',
      email: 'jo@bloggs.test',
      password: 'long-enough-password',
      organisationName: 'Bloggs & Co',
      isSme: true,
    };
    const counts = async () => [await t.dataSource.getRepository(User).count(), await t.dataSource.getRepository(Organisation).count()];

    it.each([
      ['an unknown field', { ...valid, isAdmin: true }, /"isAdmin" is not a field we accept/],
      ['a wrong type', { ...valid, isSme: 'yes' }, /isSme must be true or false/],
      ['an over-long name', { ...valid, name: 'x'.repeat(201) }, /name must be at most 200 characters/],
      ['a short password', { ...valid, password: 'short' }, /password must be between 10 and 200/],
      ['a bad e-mail', { ...valid, email: 'not-an-email' }, /email must be an e-mail address/],
      ['an empty body', {}, /Please check these fields/],
    ])('%s', async (_, body, message) => {
      const before = await counts();
      const res = await t.client().post(signUp, body);
      expect(res.status).toBe(400);
      expect(res.body.statusCode).toBe(400);
      expect(res.body.error).toBe('Bad Request');
      expect(res.body.message + JSON.stringify(res.body.details)).toMatch(message);
      expect(await counts()).toEqual(before);
    });

    it('malformed JSON gets a 400 in the API error shape', async () => {
      const c = t.client();
      await c.get('/api/v1/public/tenders');
      const res = await c
        .raw()
        .post(signUp)
        .set('Cookie', `XSRF-TOKEN=${c.cookies.get('XSRF-TOKEN')}`)
        .set('X-XSRF-TOKEN', c.cookies.get('XSRF-TOKEN')!)
        .set('Content-Type', 'application/json')
        .send('{"name": "Jo", ');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'The request body is not valid JSON.' });
    });

    it('an over-large body gets a 413', async () => {
      const res = await t.client().post(signUp, { ...valid, name: 'x'.repeat(1_100_000) });
      expect(res.status).toBe(413);
      expect(res.body.message).toBe('The request body is too large.');
    });
  });

  describe('supplier sign-up', () => {
    it('creates the supplier and its organisation, and signs them in', async () => {
      const c = t.client();
      const res = await c.post('/api/v1/auth/sign-up', {
        name: 'Ade Bello',
        email: 'ade@smallco.test',
        password: 'a-strong-password',
        organisationName: 'SmallCo Ltd',
        companyNumber: '09876543',
        isSme: true,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ role: 'supplier', organisation: { name: 'SmallCo Ltd', kind: 'supplier' } });
      expect((await c.get('/api/v1/auth/me')).body.email).toBe('ade@smallco.test');
      const org = await t.dataSource.getRepository(Organisation).findOneByOrFail({ name: 'SmallCo Ltd' });
      expect(org.isSme).toBe(true);
    });

    it('refuses a second account for the same e-mail with 409 and writes nothing', async () => {
      const before = await t.dataSource.getRepository(Organisation).count();
      const res = await t.client().post('/api/v1/auth/sign-up', {
        name: 'Someone Else',
        email: 'SUPPLIER@demo.test',
        password: 'a-strong-password',
        organisationName: 'Another Ltd',
        isSme: false,
      });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/already an account/);
      expect(await t.dataSource.getRepository(Organisation).count()).toBe(before);
    });
  });
});

describe('sign-in rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SIGN_IN_LIMIT: '3', SEED_DEMO: 'true' });
  });
  afterAll(() => t.close());

  it('answers 429 after too many attempts for one e-mail, but not for another', async () => {
    const c = t.client();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await c.post('/api/v1/auth/sign-in', { email: 'buyer@demo.test', password: 'wrong-password' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const blocked = await c.post('/api/v1/auth/sign-in', { email: 'buyer@demo.test', password: 'demo-password' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/Too many attempts/);
    const other = await c.post('/api/v1/auth/sign-in', { email: 'evaluator@demo.test', password: 'demo-password' });
    expect(other.status).toBe(200);
  });
});
