import { Invitation } from '../../src/modules/identity/entities/invitation.entity';
import { User } from '../../src/modules/identity/entities/user.entity';
import { startTestApp, type TestApp } from '../support/test-app';

describe('invitations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function invite(email: string, role = 'evaluator') {
    const buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    const res = await buyer.post('/api/v1/invitations', { email, role });
    expect(res.status).toBe(201);
    return res.body as { acceptPath: string; expiresAt: string; email: string; role: string };
  }
  const tokenOf = (acceptPath: string) => acceptPath.split('/').pop()!;
  let invited = 0;

  it('lets a buyer invite an evaluator who accepts once, joins the organisation and is signed in', async () => {
    const { acceptPath } = await invite('new.evaluator@nhs.test');
    const token = tokenOf(acceptPath);
    const guest = t.client();
    const preview = await guest.get(`/api/v1/invitations/${token}`);
    expect(preview.body).toMatchObject({
      email: 'new.evaluator@nhs.test',
      role: 'evaluator',
      organisationName: 'Northshire Community Health NHS Trust',
    });
    const accepted = await guest.post('/api/v1/invitations/accept', { token, name: 'Dr Ann Lee', password: 'a-long-password' });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ role: 'evaluator', organisation: { name: 'Northshire Community Health NHS Trust' } });
    expect((await guest.get('/api/v1/auth/me')).body.email).toBe('new.evaluator@nhs.test');

    const again = await t.client().post('/api/v1/invitations/accept', { token, name: 'Mallory', password: 'a-long-password' });
    expect(again.status).toBe(410);
    expect(again.body.message).toMatch(/already been used/);
    expect(await t.dataSource.getRepository(User).countBy({ email: 'new.evaluator@nhs.test' })).toBe(1);
  });

  it('refuses an expired invitation with 410 and creates no account', async () => {
    const { acceptPath } = await invite('late@nhs.test');
    await t.dataSource.getRepository(Invitation).update({ email: 'late@nhs.test' }, { expiresAt: new Date(Date.now() - 1000) });
    const token = tokenOf(acceptPath);
    expect((await t.client().get(`/api/v1/invitations/${token}`)).status).toBe(410);
    const res = await t.client().post('/api/v1/invitations/accept', { token, name: 'Late Person', password: 'a-long-password' });
    expect(res.status).toBe(410);
    expect(res.body.message).toMatch(/expired/);
    expect(await t.dataSource.getRepository(User).countBy({ email: 'late@nhs.test' })).toBe(0);
  });

  it('answers 404 to an unknown token', async () => {
    const res = await t.client().get('/api/v1/invitations/this-token-does-not-exist-at-all');
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('That invitation was not found.');
  });

  it('answers an invitation to an existing account exactly like any other, and refuses it at acceptance', async () => {
    const existing = await invite('supplier@demo.test', 'buyer');
    const fresh = await invite('fresh.colleague@nhs.test', 'buyer');
    expect(Object.keys(existing).sort()).toEqual(Object.keys(fresh).sort());
    expect(existing).toMatchObject({ email: 'supplier@demo.test', role: 'buyer', acceptPath: expect.stringMatching(/^\/invitations\/.+/) });

    const token = tokenOf(existing.acceptPath);
    const users = await t.dataSource.getRepository(User).count();
    const res = await t.client().post('/api/v1/invitations/accept', { token, name: 'Sam Supplier', password: 'a-long-password' });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/^There is already an Openbrief account for this e-mail address/);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await t.dataSource.getRepository(User).count()).toBe(users);
    expect((await t.dataSource.getRepository(User).findOneByOrFail({ email: 'supplier@demo.test' })).role).toBe('supplier');
    await t.client().signIn('supplier@demo.test');
  });

  it.each([
    ['aaaaaaaaaa', /Repeated characters/],
    ['1234567890', /frequently used password/],
    ['password12', /commonly used password/],
    ['Northshire NHS', /personal or page related data/],
  ])('refuses the guessable password %j at acceptance, and the link still works', async (password, advice) => {
    const { acceptPath } = await invite(`guessable.${++invited}@nhs.test`);
    const token = tokenOf(acceptPath);
    const res = await t.client().post('/api/v1/invitations/accept', { token, name: 'Gus Guessable', password });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'password', message: expect.stringMatching(advice) }]);
    expect(await t.dataSource.getRepository(User).countBy({ name: 'Gus Guessable' })).toBe(0);
    expect((await t.client().get(`/api/v1/invitations/${token}`)).status).toBe(200);
  });

  it.each(['supplier@demo.test', 'evaluator@demo.test'])('does not let %s invite anyone (403)', async (email) => {
    const c = t.client();
    await c.signIn(email);
    const before = await t.dataSource.getRepository(Invitation).count();
    const res = await c.post('/api/v1/invitations', { email: 'someone@x.test', role: 'buyer' });
    expect(res.status).toBe(403);
    expect(await t.dataSource.getRepository(Invitation).count()).toBe(before);
  });

  it('only invites buyers or evaluators, never admins or suppliers', async () => {
    const buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    const res = await buyer.post('/api/v1/invitations', { email: 'boss@nhs.test', role: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/role must be buyer or evaluator/);
  });
});
