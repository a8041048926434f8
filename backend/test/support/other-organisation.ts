import { OrganisationKind, type Role } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../../src/modules/identity/entities/organisation.entity';
import { User } from '../../src/modules/identity/entities/user.entity';
import { PasswordService } from '../../src/modules/identity/password.service';
import type { TestApp, TestClient } from './test-app';

/**
 * A person of another buying organisation ("Other Council", created for them), signed in as a new client:
 * someone who must not reach the demo organisation's tenders, threads or audit trail.
 */
export async function signInElsewhere(t: TestApp, person: { email: string; name: string; role: Role }): Promise<TestClient> {
  const password = 'a-long-password';
  const orgId = randomUUID();
  const now = new Date();
  await t.dataSource
    .getRepository(Organisation)
    .insert({ id: orgId, name: 'Other Council', kind: OrganisationKind.Buyer, isSme: false, companyNumber: null, createdAt: now });
  await t.dataSource.getRepository(User).insert({
    id: randomUUID(),
    organisationId: orgId,
    email: person.email,
    name: person.name,
    role: person.role,
    passwordHash: await t.app.get(PasswordService).hash(password),
    createdAt: now,
  });
  const client = t.client();
  await client.signIn(person.email, password);
  return client;
}
