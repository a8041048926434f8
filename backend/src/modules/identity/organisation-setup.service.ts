import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser, OrganisationKind, Role } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { Organisation } from './entities/organisation.entity';
import { User } from './entities/user.entity';
import { toCurrentUser } from './identity.mapper';
import { PasswordService } from './password.service';

export interface OrganisationToSet {
  name: string;
  kind: OrganisationKind;
  isSme: boolean;
  companyNumber: string | null;
  members: { email: string; name: string; role: Role }[];
}

/**
 * Sets up organisations with their people in one go, on an empty database (the demo seed). Goes
 * through the identity module, which owns these tables, instead of the seed writing them itself.
 */
@Injectable()
export class OrganisationSetup {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly transactions: Transactions,
    private readonly passwords: PasswordService,
  ) {}

  /** Whether any organisation exists yet. */
  async any(): Promise<boolean> {
    return (await this.organisations.count()) > 0;
  }

  /** Creates the organisations and their members, all or none, every member with `password`; returns them signed in, in order. */
  async create(organisations: OrganisationToSet[], password: string): Promise<CurrentUser[]> {
    const passwordHash = await this.passwords.hash(password);
    const now = new Date();
    return this.transactions.run(async (tx) => {
      const created: CurrentUser[] = [];
      for (const { members, ...fields } of organisations) {
        const organisation = tx.create(Organisation, { id: randomUUID(), ...fields, createdAt: now });
        await tx.insert(Organisation, organisation);
        for (const m of members) {
          const user = tx.create(User, { id: randomUUID(), organisationId: organisation.id, ...m, passwordHash, createdAt: now });
          await tx.insert(User, user);
          created.push(toCurrentUser(user, organisation));
        }
      }
      return created;
    });
  }
}
