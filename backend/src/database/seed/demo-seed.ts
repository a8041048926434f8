import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Organisation } from '../../modules/identity/entities/organisation.entity';
import { User } from '../../modules/identity/entities/user.entity';
import { Tender } from '../../modules/tenders/entities/tender.entity';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS, demoTenders } from './demo-data';

/**
 * Fills an empty database with a small, realistic demo, once. Returns false when the database already
 * had organisations (so restarts and second instances never duplicate it).
 */
export async function seedDemoData(
  dataSource: DataSource,
  hashPassword: (password: string) => Promise<string>,
): Promise<boolean> {
  if ((await dataSource.getRepository(Organisation).count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  await dataSource.transaction(async (tx) => {
    const orgIds: Record<string, string> = {};
    for (const [key, org] of Object.entries(DEMO_ORGANISATIONS)) {
      orgIds[key] = randomUUID();
      await tx.insert(Organisation, {
        id: orgIds[key],
        name: org.name,
        kind: org.kind,
        isSme: org.isSme,
        companyNumber: 'companyNumber' in org ? org.companyNumber : null,
        createdAt: now,
      });
    }
    for (const u of DEMO_USERS) {
      await tx.insert(User, {
        id: randomUUID(),
        organisationId: orgIds[u.organisation],
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash,
        createdAt: now,
      });
    }
    for (const t of demoTenders(now)) {
      await tx.insert(Tender, {
        ...t,
        id: randomUUID(),
        organisationId: orgIds['buyer'],
        currency: 'GBP',
        rowVersion: 1,
        createdAt: now,
        updatedAt: now,
      });
    }
  });
  return true;
}

export function announceDemoUsers(logger: Logger): void {
  const list = DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(', ');
  logger.warn(
    `Demo data loaded. Sign in as ${list} with the password "${DEMO_PASSWORD}". ` +
      'These accounts are for trying Openbrief only: start with SEED_DEMO=false and a fresh database for real use.',
  );
}
