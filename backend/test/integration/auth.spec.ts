import { SESSION_COOKIE, SIGN_UP_ACCEPTED_MESSAGE } from '@openbrief/contracts';
import { User } from '../../src/modules/identity/entities/user.entity';
import { Organisation } from '../../src/modules/identity/entities/organisation.entity';
import { HashSlots } from '../../src/modules/identity/hash-slots';
import { PasswordService } from '../../src/modules/identity/password.service';
import { SignInLimiter } from '../../src/modules/identity/sign-in-limiter';
import { waitFor } from '../support/collab-client';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

// Every sign-in costs a real argon2 hash, which on a loaded shared machine can take seconds.
jest.setTimeout(180_000);

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
      const res = await t.client().raw().get('/api/v1/auth/session');
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
      await c.get('/api/v1/auth/session');
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
    const signUp = (c: TestClient, body: object) => c.post('/api/v1/auth/sign-up', body);
    const details = {
      name: 'Ade Bello',
      email: 'ade@smallco.test',
      password: 'a-strong-password',
      organisationName: 'SmallCo Ltd',
      companyNumber: '09876543',
      isSme: true,
    };

    it('creates the supplier and its organisation without signing in; the supplier then signs in', async () => {
      const c = t.client();
      const res = await signUp(c, details);
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ message: SIGN_UP_ACCEPTED_MESSAGE });
      expect(res.headers['set-cookie']).toBeUndefined();
      expect((await c.get('/api/v1/auth/me')).status).toBe(401);
      const org = await t.dataSource.getRepository(Organisation).findOneByOrFail({ name: 'SmallCo Ltd' });
      expect(org.isSme).toBe(true);
      const signedIn = await c.signIn('ade@smallco.test', 'a-strong-password');
      expect(signedIn.body).toMatchObject({ role: 'supplier', organisation: { name: 'SmallCo Ltd', kind: 'supplier' } });
    });

    it('answers a known address exactly as a new one, and leaves the existing account as it was', async () => {
      const counts = async () => [await t.dataSource.getRepository(User).count(), await t.dataSource.getRepository(Organisation).count()];
      const fresh = await signUp(t.client(), { ...details, email: 'brand.new@smallco.test', organisationName: 'Brand New Ltd' });
      const before = await counts();
      const known = await signUp(t.client(), {
        ...details,
        email: 'SUPPLIER@demo.test',
        password: 'attackers-chosen-password',
        organisationName: 'Another Ltd',
      });
      for (const res of [fresh, known]) {
        expect(res.status).toBe(202);
        expect(res.headers['set-cookie']).toBeUndefined();
      }
      expect(known.body).toEqual(fresh.body);
      expect(Object.keys(known.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
      expect(await counts()).toEqual(before);
      expect(
        (await t.client().post('/api/v1/auth/sign-in', { email: 'supplier@demo.test', password: 'attackers-chosen-password' })).status,
      ).toBe(401);
      await t.client().signIn('supplier@demo.test');
    });

    it.each([
      ['aaaaaaaaaa', /Repeated characters/],
      ['1234567890', /frequently used password/],
      ['password12', /commonly used password/],
      ['bellosmallco', /personal or page related data/],
      ['Xy9!'.repeat(50), /Repeated/],
    ])('refuses the guessable password %j with advice, and writes nothing', async (password, advice) => {
      const before = await t.dataSource.getRepository(User).count();
      const res = await signUp(t.client(), { ...details, email: 'guessable@smallco.test', password });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'password', message: expect.stringMatching(advice) }]);
      expect(res.body.message).toMatch(/^Choose a password that is harder to guess\. .+/);
      expect(await t.dataSource.getRepository(User).count()).toBe(before);
    });
  });

  describe('changing the password', () => {
    const change = (c: TestClient, body: object) => c.post('/api/v1/auth/password', body);

    async function newSupplier(email: string, password = 'first-chosen-passphrase') {
      const c = t.client();
      expect(
        (await c.post('/api/v1/auth/sign-up', { name: 'Pat Change', email, password, organisationName: 'Change Ltd', isSme: true })).status,
      ).toBe(202);
      await c.signIn(email, password);
      return c;
    }

    it('needs the current password, stores the new one and ends the other sessions', async () => {
      const here = await newSupplier('pat@change.test');
      const elsewhere = t.client();
      await elsewhere.signIn('pat@change.test', 'first-chosen-passphrase');

      const wrong = await change(here, { currentPassword: 'not-my-password', newPassword: 'second-chosen-passphrase' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.details).toEqual([{ field: 'currentPassword', message: 'Your current password is not right.' }]);

      const res = await change(here, { currentPassword: 'first-chosen-passphrase', newPassword: 'second-chosen-passphrase' });
      expect(res.status).toBe(204);
      expect((await here.get('/api/v1/auth/me')).body.email).toBe('pat@change.test');
      expect((await elsewhere.get('/api/v1/auth/me')).status).toBe(401);
      expect(
        (await t.client().post('/api/v1/auth/sign-in', { email: 'pat@change.test', password: 'first-chosen-passphrase' })).status,
      ).toBe(401);
      await t.client().signIn('pat@change.test', 'second-chosen-passphrase');
    });

    it('refuses a guessable new password, naming the field, and keeps the old one', async () => {
      const c = await newSupplier('sam@change.test');
      for (const newPassword of ['password12', 'first-chosen-passphrase1', 'sam@change.test1']) {
        const res = await change(c, { currentPassword: 'first-chosen-passphrase', newPassword });
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual([
          { field: 'newPassword', message: expect.stringMatching(/^Choose a password that is harder to guess/) },
        ]);
      }
      await t.client().signIn('sam@change.test', 'first-chosen-passphrase');
    });

    it('is only for a signed-in user', async () => {
      const res = await change(t.client(), { currentPassword: 'demo-password', newPassword: 'second-chosen-passphrase' });
      expect(res.status).toBe(401);
    });
  });
});

/** A client whose requests come from `address`, as a trusted reverse proxy on this machine would report it. */
function from(t: TestApp, address: string) {
  const c = t.client();
  return { post: (path: string, body: object) => c.post(path, body, { 'X-Forwarded-For': address }), client: c };
}

describe('sign-in limit per client address, across e-mails', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SIGN_IN_LIMIT_PER_ADDRESS: '3', TRUST_PROXY: 'loopback' });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once one address has tried too many e-mails, and only to that address', async () => {
    const sprayer = from(t, '203.0.113.7');
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      statuses.push((await sprayer.post('/api/v1/auth/sign-in', { email: `person${i}@demo.test`, password: 'Summer2025!' })).status);
    }
    expect(statuses).toEqual([...Array(3).fill(401), ...Array(22).fill(429)]);
    const blocked = await sprayer.post('/api/v1/auth/sign-in', { email: 'buyer@demo.test', password: 'demo-password' });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/^Too many attempts\. Please wait \d+ (seconds?|minute) and try again\.$/),
    });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);

    const colleague = from(t, '198.51.100.20');
    expect((await colleague.post('/api/v1/auth/sign-in', { email: 'buyer@demo.test', password: 'demo-password' })).status).toBe(200);
  });

  it('does not count successful sign-ins, so a busy office is not locked out', async () => {
    const office = from(t, '198.51.100.30');
    for (let i = 0; i < 4; i++) {
      expect((await office.post('/api/v1/auth/sign-in', { email: 'evaluator@demo.test', password: 'demo-password' })).status).toBe(200);
    }
    for (let i = 0; i < 3; i++) {
      expect((await office.post('/api/v1/auth/sign-in', { email: 'evaluator@demo.test', password: 'wrong-password' })).status).toBe(401);
    }
    expect((await office.post('/api/v1/auth/sign-in', { email: 'evaluator@demo.test', password: 'demo-password' })).status).toBe(429);
  });

  it('counts sign-up attempts too', async () => {
    const signUps = from(t, '198.51.100.40');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await signUps.post('/api/v1/auth/sign-up', {
        name: 'Bulk Person',
        email: `bulk${i}@spam.test`,
        password: 'a-strong-password',
        organisationName: `Bulk ${i} Ltd`,
        isSme: true,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    expect(await t.dataSource.getRepository(User).countBy({ name: 'Bulk Person' })).toBe(3);
  });
});

describe('sign-in limit per account, across addresses, with back-off', () => {
  let t: TestApp;
  let limiter: SignInLimiter;
  let clock: number;
  beforeAll(async () => {
    t = await startTestApp({
      SIGN_IN_LIMIT_PER_ACCOUNT: '2',
      SIGN_IN_WINDOW_SECONDS: '60',
      SIGN_IN_MAX_BACKOFF_SECONDS: '900',
      TRUST_PROXY: 'loopback',
    });
    limiter = t.app.get(SignInLimiter);
    clock = Date.now();
    // The back-off is minutes long: the test moves the limiter's clock instead of waiting.
    limiter.now = () => clock;
  });
  afterAll(() => t.close());

  let next = 1;
  /** Every attempt from a different address, as a botnet would send them. */
  const attempt = (email: string, password: string) => from(t, `192.0.2.${next++}`).post('/api/v1/auth/sign-in', { email, password });

  it.each(['buyer@demo.test', 'no.such.person@demo.test'])(
    'makes %s wait longer after each further failure, until a success',
    async (email) => {
      const password = email === 'buyer@demo.test' ? 'demo-password' : 'any-password';
      for (let i = 0; i < 2; i++) expect((await attempt(email, 'wrong-password')).status).toBe(401);

      const waits: number[] = [];
      for (let round = 0; round < 2; round++) {
        const blocked = await attempt(email, password);
        expect(blocked.status).toBe(429);
        expect(blocked.body.message).toMatch(/^Too many attempts\. Please wait \d+ minutes? and try again\.$/);
        const wait = Number(blocked.headers['retry-after']);
        waits.push(wait);
        clock += wait * 1000;
        expect((await attempt(email, 'wrong-password')).status).toBe(401);
      }
      const third = await attempt(email, password);
      expect(third.status).toBe(429);
      waits.push(Number(third.headers['retry-after']));
      expect(waits).toEqual([60, 120, 240]);
      clock += 240 * 1000;
      if (email !== 'buyer@demo.test') return;

      // The right password, once the wait is over, signs in and starts the count afresh.
      expect((await attempt(email, password)).status).toBe(200);
      for (let i = 0; i < 2; i++) expect((await attempt(email, 'wrong-password')).status).toBe(401);
      const again = await attempt(email, password);
      expect(again.status).toBe(429);
      expect(Number(again.headers['retry-after'])).toBe(60);
    },
  );

  it('waits at most SIGN_IN_MAX_BACKOFF_SECONDS', async () => {
    const email = 'evaluator@demo.test';
    const waits: number[] = [];
    for (let i = 0; i < 2; i++) await attempt(email, 'wrong-password');
    for (let round = 0; round < 6; round++) {
      const wait = Number((await attempt(email, 'wrong-password')).headers['retry-after']);
      waits.push(wait);
      clock += wait * 1000;
      expect((await attempt(email, 'wrong-password')).status).toBe(401);
    }
    expect(waits).toEqual([60, 120, 240, 480, 900, 900]);
  });

  it('throttles password changes against the signed-in account', async () => {
    const c = t.client();
    await c.signIn('supplier@demo.test');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (await c.post('/api/v1/auth/password', { currentPassword: 'guess-number-' + i, newPassword: 'second-chosen-passphrase' })).status,
      );
    }
    expect(statuses).toEqual([400, 400, 429]);
    // The account itself now waits, wherever the next attempt comes from.
    expect((await attempt('supplier@demo.test', 'demo-password')).status).toBe(429);
  });
});

describe('password hashing is bounded', () => {
  let t: TestApp;
  let slots: HashSlots;
  beforeAll(async () => {
    // Listening on a real port: supertest otherwise opens and closes the server around each request,
    // which holds back concurrent requests.
    t = await startTestApp({ PASSWORD_HASH_CONCURRENCY: '2', PASSWORD_HASH_QUEUE: '3' });
    slots = t.app.get(PasswordService).slots;
  });
  afterAll(() => t.close());

  it('never runs more hashes at once than PASSWORD_HASH_CONCURRENCY, and answers every attempt', async () => {
    slots.peak = 0;
    const attempts = Array.from({ length: 5 }, (_, i) =>
      t.client().post('/api/v1/auth/sign-in', {
        email: i % 2 ? 'buyer@demo.test' : `nobody${i}@demo.test`,
        password: i === 1 ? 'demo-password' : 'wrong-password',
      }),
    );
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(slots.peak).toBeLessThanOrEqual(2);
  });

  it('queues a few more, then refuses with 429 and Retry-After rather than piling up', async () => {
    slots.peak = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Occupy both slots, as two slow hashes would.
    const held = [slots.run(() => gate), slots.run(() => gate)];
    try {
      const queued = Array.from({ length: 3 }, () =>
        t.client().post('/api/v1/auth/sign-in', { email: 'buyer@demo.test', password: 'demo-password' }),
      );
      await waitFor(() => slots.queued === 3, 120_000);

      const refused = await t.client().post('/api/v1/auth/sign-in', { email: 'buyer@demo.test', password: 'demo-password' });
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.body.message).toMatch(/checking a lot of passwords right now/);
      expect(slots.active).toBe(2);

      release();
      await Promise.all(held);
      expect((await Promise.all(queued)).map((r) => r.status)).toEqual([200, 200, 200]);
    } finally {
      release();
    }
    expect(slots.peak).toBe(2);
    expect(slots.active + slots.queued).toBe(0);
  });
});
