import { Role } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { AuditEvent } from '../../src/modules/audit/entities/audit-event.entity';
import { Invitation } from '../../src/modules/identity/entities/invitation.entity';
import { Organisation } from '../../src/modules/identity/entities/organisation.entity';
import { User } from '../../src/modules/identity/entities/user.entity';
import { PasswordService } from '../../src/modules/identity/password.service';
import { signInElsewhere } from '../support/other-organisation';
import { countChanges, rowCounter } from '../support/row-counts';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

const BUYER_ORG = 'Northshire Community Health NHS Trust';
const SUPPLIER_ORG = 'Brightpath Digital Ltd';

/** The account page's API: one's name, one's organisation's details and members, and suppliers inviting colleagues. */
describe('account and organisation', () => {
  let t: TestApp;
  let who: Record<'supplier' | 'buyer' | 'evaluator' | 'admin' | 'elsewhere', TestClient>;

  /** An administrator of the demo buying organisation (the demo data has none). */
  async function signInAdmin(): Promise<TestClient> {
    const buyer = await t.dataSource.getRepository(User).findOneByOrFail({ email: 'buyer@demo.test' });
    await t.dataSource.getRepository(User).insert({
      id: randomUUID(),
      organisationId: buyer.organisationId,
      email: 'admin@account.test',
      name: 'Ada Admin',
      role: Role.Admin,
      passwordHash: await t.app.get(PasswordService).hash('a-long-password'),
      createdAt: new Date(),
    });
    const c = t.client();
    await c.signIn('admin@account.test', 'a-long-password');
    return c;
  }

  async function signedIn(email: string): Promise<TestClient> {
    const c = t.client();
    await c.signIn(email);
    return c;
  }

  const audit = (action: string) => t.dataSource.getRepository(AuditEvent).find({ where: { action }, order: { seq: 'ASC' } });
  const organisationNamed = (name: string) => t.dataSource.getRepository(Organisation).findOneByOrFail({ name });

  beforeAll(async () => {
    t = await startTestApp();
    who = {
      supplier: await signedIn('supplier@demo.test'),
      buyer: await signedIn('buyer@demo.test'),
      evaluator: await signedIn('evaluator@demo.test'),
      admin: await signInAdmin(),
      elsewhere: await signInElsewhere(t, { email: 'other.admin@account.test', name: 'Olu Other', role: Role.Admin }),
    };
  });
  afterAll(() => t.close());

  describe('GET /auth/session', () => {
    it('answers 200 with no user to someone not signed in, never cached, and hands out a CSRF token', async () => {
      const res = await t.client().get('/api/v1/auth/session');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ user: null });
      expect(res.headers['cache-control']).toBe('no-store');
      expect(String(res.headers['set-cookie'])).toMatch(/XSRF-TOKEN=/);
    });

    it('answers the signed-in user, as /auth/me does', async () => {
      const res = await who.supplier.get('/api/v1/auth/session');
      expect(res.status).toBe(200);
      expect(res.body.user).toEqual((await who.supplier.get('/api/v1/auth/me')).body);
      expect(res.body.user).toMatchObject({ role: 'supplier', organisation: { name: SUPPLIER_ORG } });
    });
  });

  describe('PUT /account/profile', () => {
    it('refuses someone not signed in with 401', async () => {
      expect((await t.client().put('/api/v1/account/profile', { name: 'Nobody' })).status).toBe(401);
    });

    it.each(['supplier', 'buyer', 'evaluator', 'admin', 'elsewhere'] as const)(
      'lets a %s change their own name, and audits it',
      async (role) => {
        const c = who[role];
        const me = (await c.get('/api/v1/auth/me')).body as { id: string; name: string };
        const before = (await audit('account.profile-changed')).length;
        const res = await c.put('/api/v1/account/profile', { name: `  ${me.name} Jr  ` });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: me.id, name: `${me.name} Jr` });
        expect((await c.get('/api/v1/auth/me')).body.name).toBe(`${me.name} Jr`);
        const entries = await audit('account.profile-changed');
        expect(entries).toHaveLength(before + 1);
        const entry = entries.at(-1)!;
        expect(entry).toMatchObject({ subject: `user:${me.id}`, actorUserId: me.id, tenderId: null });
        // Which field changed, never the new value.
        expect(JSON.parse(entry.details)).toEqual({ changedFields: ['name'] });

        // Saving the same name again changes nothing and audits nothing.
        expect((await c.put('/api/v1/account/profile', { name: `${me.name} Jr` })).status).toBe(200);
        expect(await audit('account.profile-changed')).toHaveLength(before + 1);
        await c.put('/api/v1/account/profile', { name: me.name });
      },
    );

    it.each([
      ['an empty name', { name: '   ' }, /name must not be empty/],
      ['an over-long name', { name: 'x'.repeat(201) }, /name must be at most 200 characters/],
      ['a name that is not text', { name: 42 }, /name must be text/],
      ['no name', {}, /name/],
      ['an unknown field', { name: 'Sam', role: 'admin' }, /"role" is not a field we accept here/],
    ])('refuses %s with 400 and changes nothing', async (_, body, message) => {
      const counts = rowCounter(t.dataSource);
      const before = await counts();
      const res = await who.supplier.put('/api/v1/account/profile', body);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(message);
      expect(countChanges(before, await counts())).toEqual([]);
      const me = await t.dataSource.getRepository(User).findOneByOrFail({ email: 'supplier@demo.test' });
      expect(me).toMatchObject({ name: 'Sam Okafor', role: Role.Supplier });
    });
  });

  describe('GET /organisation', () => {
    it('refuses someone not signed in with 401', async () => {
      expect((await t.client().get('/api/v1/organisation')).status).toBe(401);
    });

    it.each([
      ['supplier', SUPPLIER_ORG, true],
      ['buyer', BUYER_ORG, false],
      ['evaluator', BUYER_ORG, false],
      ['admin', BUYER_ORG, true],
      ['elsewhere', 'Other Council', true],
    ] as const)('shows a %s their own organisation (%s), and whether they may change it', async (role, name, editable) => {
      const res = await who[role].get('/api/v1/organisation');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name, editable, isVcse: false });
      expect(Object.keys(res.body.address).sort()).toEqual(['countryName', 'locality', 'postalCode', 'streetAddress']);
    });

    it("shows the demo supplier's SME status from its sign-up", async () => {
      expect((await who.supplier.get('/api/v1/organisation')).body).toMatchObject({ kind: 'supplier', isSme: true });
    });
  });

  describe('PUT /organisation', () => {
    const details = {
      name: SUPPLIER_ORG,
      companyNumber: '09876543',
      isSme: true,
      isVcse: true,
      address: { streetAddress: '1 Quay Street', locality: 'Bristol', postalCode: 'BS1 4DJ', countryName: 'United Kingdom' },
      contactPhone: '+44 117 496 0000',
    };

    it('refuses someone not signed in with 401', async () => {
      expect((await t.client().put('/api/v1/organisation', details)).status).toBe(401);
    });

    it.each(['buyer', 'evaluator'] as const)('refuses a %s with 403 and changes nothing', async (role) => {
      const before = await organisationNamed(BUYER_ORG);
      const res = await who[role].put('/api/v1/organisation', { ...details, name: BUYER_ORG, isSme: true });
      expect(res.status).toBe(403);
      expect(await organisationNamed(BUYER_ORG)).toEqual(before);
    });

    it('lets a supplier set SME, VCSE, address and phone; stores empty parts as none; audits the fields changed', async () => {
      const before = (await audit('organisation.details-changed')).length;
      const res = await who.supplier.put('/api/v1/organisation', details);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ...details, kind: 'supplier', editable: true });
      expect(await organisationNamed(SUPPLIER_ORG)).toMatchObject({
        isSme: true,
        isVcse: true,
        companyNumber: '09876543',
        streetAddress: '1 Quay Street',
        locality: 'Bristol',
        postalCode: 'BS1 4DJ',
        countryName: 'United Kingdom',
        contactPhone: '+44 117 496 0000',
      });
      const entries = await audit('organisation.details-changed');
      expect(entries).toHaveLength(before + 1);
      const org = await organisationNamed(SUPPLIER_ORG);
      expect(entries.at(-1)).toMatchObject({ subject: `organisation:${org.id}`, actorOrganisationId: org.id, tenderId: null });
      expect(JSON.parse(entries.at(-1)!.details)).toEqual({
        changedFields: ['companyNumber', 'isVcse', 'streetAddress', 'locality', 'postalCode', 'countryName', 'contactPhone'],
      });

      const cleared = await who.supplier.put('/api/v1/organisation', {
        ...details,
        isVcse: false,
        contactPhone: '',
        address: { ...details.address, streetAddress: ' ', countryName: null },
      });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ isVcse: false, contactPhone: null, address: { streetAddress: null, countryName: null } });
      expect(await organisationNamed(SUPPLIER_ORG)).toMatchObject({ isVcse: false, contactPhone: null, streetAddress: null });
    });

    it("lets an admin change the buying organisation's details, and no one else's", async () => {
      const res = await who.admin.put('/api/v1/organisation', { ...details, name: BUYER_ORG, isSme: false, isVcse: false });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: BUYER_ORG, kind: 'buyer', address: { locality: 'Bristol' } });
      expect((await organisationNamed(SUPPLIER_ORG)).name).toBe(SUPPLIER_ORG);
      const other = await who.elsewhere.put('/api/v1/organisation', { ...details, name: 'Other Council', isSme: false, isVcse: false });
      expect(other.status).toBe(200);
      expect((await who.elsewhere.get('/api/v1/organisation')).body.name).toBe('Other Council');
      expect((await who.buyer.get('/api/v1/organisation')).body.name).toBe(BUYER_ORG);
    });

    it.each([
      ['an empty name', { name: '' }, 'name'],
      ['an over-long name', { name: 'x'.repeat(201) }, 'name'],
      ['SME as text', { isSme: 'yes' }, 'isSme'],
      ['no VCSE answer', { isVcse: undefined }, 'isVcse'],
      ['a company number with symbols', { companyNumber: '12/345;DROP' }, 'companyNumber'],
      ['letters for a phone number', { contactPhone: 'call me maybe' }, 'contactPhone'],
      ['an over-long postcode', { address: { ...details.address, postalCode: 'B'.repeat(21) } }, 'address.postalCode'],
      ['an address that is text', { address: '1 Quay Street, Bristol' }, 'address'],
      ['no address', { address: undefined }, 'address'],
      ['an unknown field', { kind: 'buyer' }, 'kind'],
      ['an unknown address field', { address: { ...details.address, region: 'Avon' } }, 'address.region'],
    ])('refuses %s with 400 naming the field, and writes nothing', async (_, change, field) => {
      const counts = rowCounter(t.dataSource);
      const before = await counts();
      const row = await organisationNamed(SUPPLIER_ORG);
      const res = await who.supplier.put('/api/v1/organisation', { ...details, name: 'Renamed Ltd', ...change });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(countChanges(before, await counts())).toEqual([]);
      expect(await organisationNamed(SUPPLIER_ORG)).toEqual(row);
    });
  });

  describe('GET /organisation/members', () => {
    it('refuses someone not signed in with 401', async () => {
      expect((await t.client().get('/api/v1/organisation/members')).status).toBe(401);
    });

    it.each(['buyer', 'evaluator', 'admin'] as const)(
      "shows a %s the buying organisation's members with roles and e-mail addresses, and nobody else",
      async (role) => {
        const res = await who[role].get('/api/v1/organisation/members');
        expect(res.status).toBe(200);
        const emails = res.body.members.map((m: { email: string }) => m.email);
        expect(emails).toEqual(expect.arrayContaining(['buyer@demo.test', 'evaluator@demo.test', 'admin@account.test']));
        expect(emails).not.toContain('supplier@demo.test');
        expect(emails).not.toContain('other.admin@account.test');
        expect(res.body.members.find((m: { email: string }) => m.email === 'evaluator@demo.test')).toEqual({
          id: expect.any(String),
          name: 'Dr Tom Evans',
          email: 'evaluator@demo.test',
          role: 'evaluator',
        });
      },
    );

    it("shows a supplier only its own organisation's members", async () => {
      const res = await who.supplier.get('/api/v1/organisation/members');
      expect(res.status).toBe(200);
      expect(res.body.members.map((m: { email: string }) => m.email)).toEqual(expect.arrayContaining(['supplier@demo.test']));
      expect(res.body.members.every((m: { role: string }) => m.role === 'supplier')).toBe(true);
      expect(JSON.stringify(res.body)).not.toMatch(/password/i);
      expect(JSON.stringify(res.body)).not.toContain('buyer@demo.test');
    });

    it('shows another organisation only its own member', async () => {
      const res = await who.elsewhere.get('/api/v1/organisation/members');
      expect(res.body.members).toEqual([expect.objectContaining({ email: 'other.admin@account.test', role: 'admin' })]);
    });
  });

  describe('supplier team', () => {
    it('lets a supplier invite a colleague, who joins the same supplier organisation as a supplier', async () => {
      const res = await who.supplier.post('/api/v1/invitations', { email: 'colleague@brightpath.test', role: 'supplier' });
      expect(res.status).toBe(201);
      const token = (res.body.acceptPath as string).split('/').pop()!;
      const guest = t.client();
      expect((await guest.get(`/api/v1/invitations/${token}`)).body).toMatchObject({ role: 'supplier', organisationName: SUPPLIER_ORG });
      const accepted = await guest.post('/api/v1/invitations/accept', { token, name: 'Jo Colleague', password: 'a-long-password' });
      expect(accepted.status).toBe(201);
      expect(accepted.body).toMatchObject({ role: 'supplier', organisation: { name: SUPPLIER_ORG, kind: 'supplier' } });
      const members = (await who.supplier.get('/api/v1/organisation/members')).body.members;
      expect(members).toEqual(expect.arrayContaining([expect.objectContaining({ email: 'colleague@brightpath.test', role: 'supplier' })]));
      const sent = (await audit('invitation.sent')).at(-1)!;
      expect(JSON.parse(sent.details)).toEqual({ role: 'supplier', emailDomain: 'brightpath.test' });
    });

    it.each([
      ['supplier', 'buyer'],
      ['supplier', 'evaluator'],
      ['buyer', 'supplier'],
      ['admin', 'supplier'],
    ] as const)('refuses a %s inviting a %s (403), writing nothing', async (inviter, role) => {
      const counts = rowCounter(t.dataSource);
      const before = await counts();
      const res = await who[inviter].post('/api/v1/invitations', { email: `wrong.${role}@invite.test`, role });
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/^You can invite people only as (supplier|buyer or evaluator) into your organisation\.$/);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'role' })]));
      expect(countChanges(before, await counts())).toEqual([]);
    });

    it.each([
      ['supplier', 'admin'],
      ['buyer', 'admin'],
    ] as const)('refuses a %s inviting an %s as a role nobody can be invited to (400)', async (inviter, role) => {
      const before = await t.dataSource.getRepository(Invitation).count();
      const res = await who[inviter].post('/api/v1/invitations', { email: 'boss@invite.test', role });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'role' })]);
      expect(await t.dataSource.getRepository(Invitation).count()).toBe(before);
    });

    it('refuses an evaluator inviting anyone (403)', async () => {
      const before = await t.dataSource.getRepository(Invitation).count();
      expect((await who.evaluator.post('/api/v1/invitations', { email: 'x@invite.test', role: 'evaluator' })).status).toBe(403);
      expect(await t.dataSource.getRepository(Invitation).count()).toBe(before);
    });

    it('keeps buyers inviting buyers and evaluators into their own organisation', async () => {
      for (const role of ['buyer', 'evaluator']) {
        const res = await who.buyer.post('/api/v1/invitations', { email: `new.${role}@nhs-account.test`, role });
        expect(res.status).toBe(201);
      }
      const buyerOrg = await organisationNamed(BUYER_ORG);
      expect(
        await t.dataSource.getRepository(Invitation).countBy({ organisationId: buyerOrg.id, email: 'new.buyer@nhs-account.test' }),
      ).toBe(1);
    });
  });

  describe('password change', () => {
    it('is audited without anything secret', async () => {
      const c = t.client();
      await c.post('/api/v1/auth/sign-up', {
        name: 'Pat Change',
        email: 'pat.change@account.test',
        password: 'a-long-password',
        organisationName: 'Change Co',
        isSme: true,
      });
      await c.signIn('pat.change@account.test', 'a-long-password');
      const res = await c.post('/api/v1/auth/password', { currentPassword: 'a-long-password', newPassword: 'quiet-harbour-lantern-42' });
      expect(res.status).toBe(204);
      const me = (await c.get('/api/v1/auth/me')).body;
      const entry = (await audit('account.password-changed')).at(-1)!;
      expect(entry).toMatchObject({ subject: `user:${me.id}`, actorUserId: me.id, tenderId: null });
      expect(entry.details).not.toMatch(/harbour|long-password/);
    });
  });

  describe('supplier sign-up', () => {
    it('creates a free supplier account with its own organisation, ready to sign in, with an empty team but itself', async () => {
      const res = await t.client().post('/api/v1/auth/sign-up', {
        name: 'Kim New',
        email: 'kim@newsupplier.test',
        password: 'a-long-password',
        organisationName: 'New Supplier CIC',
        isSme: true,
      });
      expect(res.status).toBe(202);
      const c = t.client();
      await c.signIn('kim@newsupplier.test', 'a-long-password');
      expect((await c.get('/api/v1/auth/session')).body.user).toMatchObject({ role: 'supplier', organisation: { kind: 'supplier' } });
      expect((await c.get('/api/v1/organisation')).body).toMatchObject({
        name: 'New Supplier CIC',
        isSme: true,
        isVcse: false,
        editable: true,
        address: { streetAddress: null, locality: null, postalCode: null, countryName: null },
      });
      expect((await c.get('/api/v1/organisation/members')).body.members).toEqual([
        expect.objectContaining({ email: 'kim@newsupplier.test', role: 'supplier' }),
      ]);
    });
  });
});
