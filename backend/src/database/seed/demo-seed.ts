import { Logger } from '@nestjs/common';
import type { CurrentUser } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { Organisation } from '../../modules/identity/entities/organisation.entity';
import { User } from '../../modules/identity/entities/user.entity';
import { toCurrentUser } from '../../modules/identity/identity.mapper';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';

/**
 * Creates the demo organisations and users on an empty database, once. Returns the demo buyer,
 * who then writes the demo tenders through the same services a person uses; null if the database had data.
 */
export async function seedDemoIdentities(
  dataSource: DataSource,
  transaction: <T>(work: (tx: EntityManager) => Promise<T>) => Promise<T>,
  hashPassword: (password: string) => Promise<string>,
): Promise<CurrentUser | null> {
  if ((await dataSource.getRepository(Organisation).count()) > 0) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  return transaction(async (tx) => {
    const orgs: Record<string, Organisation> = {};
    for (const [key, org] of Object.entries(DEMO_ORGANISATIONS)) {
      orgs[key] = tx.create(Organisation, { id: randomUUID(), ...org, createdAt: now });
      await tx.insert(Organisation, orgs[key]);
    }
    let buyer: CurrentUser | null = null;
    for (const u of DEMO_USERS) {
      const user = tx.create(User, { id: randomUUID(), organisationId: orgs[u.organisation].id, email: u.email, name: u.name, role: u.role, passwordHash, createdAt: now });
      await tx.insert(User, user);
      if (u.organisation === 'buyer' && u.role === 'buyer') buyer = toCurrentUser(user, orgs[u.organisation]);
    }
    return buyer;
  });
}

export function announceDemoUsers(logger: Logger): void {
  const list = DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(', ');
  logger.warn(
    `Demo data loaded. Sign in as ${list} with the password "${DEMO_PASSWORD}". ` +
      'These accounts are for trying Openbrief only: start with SEED_DEMO=false and a fresh database for real use.',
  );
}
