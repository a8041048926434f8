import { OrganisationKind, Role, SESSION_COOKIE, TenderStatus, type TenderDetail } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../../src/modules/identity/entities/organisation.entity';
import { User } from '../../src/modules/identity/entities/user.entity';
import { SessionService } from '../../src/modules/identity/session.service';
import { Tender } from '../../src/modules/tenders/entities/tender.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { CookieJar, rawRequest, type RawResponse } from './raw-http';
import type { TestApp } from './test-app';

/** Who the fuzzer acts as: nobody, each demo role, a buyer of another organisation, and an administrator. */
export const ROLES = ['anonymous', 'supplier', 'evaluator', 'buyer', 'other-buyer', 'admin'] as const;
export type RoleName = (typeof ROLES)[number];

const DEMO_EMAIL: Partial<Record<RoleName, string>> = {
  supplier: 'supplier@demo.test',
  evaluator: 'evaluator@demo.test',
  buyer: 'buyer@demo.test',
  'other-buyer': 'buyer@other-council.test',
  admin: 'admin@demo.test',
};

/** Real records the fuzzer aims at, besides made-up ones: its own, and another organisation's. */
export interface FuzzWorld {
  jars: Record<RoleName, CookieJar>;
  userIds: Partial<Record<RoleName, string>>;
  tenderIds: string[];
  threadIds: string[];
  requirementIds: string[];
  invitationTokens: string[];
  /** The demo draft's content, as a PUT body expects it (the document leaves its schema out). */
  draftContent: unknown;
  /** The current revision of a tender, read when a request is sent so a valid-looking save stays valid. */
  revisionOf(tenderId: string | undefined): Promise<number>;
  /** After a request: if it ended the role's session (sign-out), give the role a new one. */
  keepSignedIn(role: RoleName): Promise<void>;
}

async function send(t: TestApp, jar: CookieJar, method: string, path: string, body?: unknown): Promise<RawResponse> {
  const headers = jar.headersFor(method);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await rawRequest(t.url, { method, path, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  jar.take(res);
  return res;
}

async function expectOk(res: RawResponse, what: string): Promise<RawResponse> {
  if (res.status >= 300) throw new Error(`fuzz set-up: ${what} answered ${res.status} ${res.text.slice(0, 300)}`);
  return res;
}

/**
 * Adds a buyer organisation of its own and an administrator of the demo trust (the demo data has neither),
 * signs every role in through the API, and collects real ids of tenders, threads, requirements and invitations.
 */
export async function buildFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const ds = t.dataSource;
  const users = ds.getRepository(User);
  const demoBuyer = await users.findOneByOrFail({ email: 'buyer@demo.test' });
  const otherOrgId = randomUUID();
  const now = new Date();
  await ds.getRepository(Organisation).insert({
    id: otherOrgId,
    name: 'Other Borough Council',
    kind: OrganisationKind.Buyer,
    isSme: false,
    companyNumber: null,
    createdAt: now,
  });
  // The same password hash as the demo accounts: these two can sign in like them, without hashing again.
  const seedUser = (email: string, organisationId: string, role: Role) =>
    users.insert({
      id: randomUUID(),
      organisationId,
      email,
      name: `Fuzz ${role}`,
      role,
      passwordHash: demoBuyer.passwordHash,
      createdAt: now,
    });
  await seedUser(DEMO_EMAIL['other-buyer']!, otherOrgId, Role.Buyer);
  await seedUser(DEMO_EMAIL.admin!, demoBuyer.organisationId, Role.Admin);

  const jars = Object.fromEntries(ROLES.map((r) => [r, new CookieJar()])) as Record<RoleName, CookieJar>;
  const userIds: Partial<Record<RoleName, string>> = {};
  await expectOk(await send(t, jars.anonymous, 'GET', '/api/v1/public/tenders'), 'reading public tenders');
  for (const role of ROLES) {
    const email = DEMO_EMAIL[role];
    if (!email) continue;
    await send(t, jars[role], 'GET', '/api/v1/auth/session');
    const res = await expectOk(
      await send(t, jars[role], 'POST', '/api/v1/auth/sign-in', { email, password: 'demo-password' }),
      `signing in ${email}`,
    );
    userIds[role] = JSON.parse(res.text).id;
  }

  const buyer = jars.buyer;
  const own = JSON.parse((await expectOk(await send(t, buyer, 'GET', '/api/v1/tenders'), 'listing tenders')).text) as {
    id: string;
    status: string;
  }[];
  const draftId = own.find((x) => x.status === TenderStatus.Draft)!.id;
  const draft = JSON.parse(
    (await expectOk(await send(t, buyer, 'GET', `/api/v1/tenders/${draftId}`), 'reading the draft')).text,
  ) as TenderDetail;
  const thread = JSON.parse(
    (
      await expectOk(
        await send(t, buyer, 'POST', `/api/v1/tenders/${draftId}/comments`, { body: 'Can we measure this?' }),
        'opening a thread',
      )
    ).text,
  );
  const invitation = JSON.parse(
    (await expectOk(await send(t, buyer, 'POST', '/api/v1/invitations', { email: 'invitee@demo.test', role: Role.Evaluator }), 'inviting'))
      .text,
  ) as { acceptPath: string };

  const other = jars['other-buyer'];
  const otherDraft = JSON.parse(
    (
      await expectOk(
        await send(t, other, 'POST', '/api/v1/tenders', { title: 'Another council draft', templateId: 'digital-service' }),
        'other org draft',
      )
    ).text,
  ) as TenderDetail;
  const otherThread = JSON.parse(
    (
      await expectOk(
        await send(t, other, 'POST', `/api/v1/tenders/${otherDraft.id}/comments`, { body: 'Internal note' }),
        'other org thread',
      )
    ).text,
  );

  const sessions = t.app.get(SessionService);
  return {
    jars,
    userIds,
    tenderIds: [...own.map((x) => x.id), otherDraft.id],
    threadIds: [thread.id, otherThread.id],
    requirementIds: [draft, otherDraft].flatMap((x) => x.lots.flatMap((l) => l.requirements.map((r) => r.id))),
    invitationTokens: [invitation.acceptPath.split('/').pop()!],
    draftContent: toTenderContent(draft),
    async revisionOf(tenderId) {
      const row = tenderId && /^[0-9a-f-]{36}$/i.test(tenderId) ? await ds.getRepository(Tender).findOneBy({ id: tenderId }) : null;
      return row?.rowVersion ?? 1;
    },
    async keepSignedIn(role) {
      const userId = userIds[role];
      const token = jars[role].cookies.get(SESSION_COOKIE);
      if (!userId || (token && (await sessions.resolve(token)))) return;
      // Signed out by the fuzzer: a new session straight from the service (no password hashing, no sign-in limits),
      // then a fresh CSRF token for it, as a browser would get on its next page load.
      const started = await sessions.start(userId);
      jars[role].cookies.clear();
      jars[role].cookies.set(SESSION_COOKIE, started.token);
      await expectOk(await send(t, jars[role], 'GET', '/api/v1/auth/me'), `restoring the ${role} session`);
    },
  };
}
