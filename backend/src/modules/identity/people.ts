import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser, Role } from '@openbrief/contracts';
import { type EntityManager, In, Repository } from 'typeorm';
import { User } from './entities/user.entity';
import { toCurrentUser } from './identity.mapper';

/** Someone as other modules may know them: no e-mail address, no password hash. */
export interface Person {
  id: string;
  name: string;
  role: Role;
}

/**
 * Read-only questions other modules ask about people (history's "who published", comments' mentions).
 * The identity module owns the user table and is the only one that writes it.
 */
@Injectable()
export class People {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /**
   * Names by user id; ids of people no longer here are left out. Inside a transaction pass its manager (`tx`):
   * asking through another pooled connection while the transaction holds one can exhaust the pool under load
   * (every request waiting for a second connection that none will free).
   */
  async names(ids: string[], tx?: EntityManager): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return new Map();
    const users = await (tx?.getRepository(User) ?? this.users).find({ where: { id: In(wanted) }, select: { id: true, name: true } });
    return new Map(users.map((u) => [u.id, u.name]));
  }

  /** The organisation's people with one of `roles` (only those among `ids`, when given); `tx` as for `names`. */
  members(organisationId: string, roles: readonly Role[], ids?: string[], tx?: EntityManager): Promise<Person[]> {
    if (ids && !ids.length) return Promise.resolve([]);
    return (tx?.getRepository(User) ?? this.users).find({
      where: { organisationId, role: In([...roles]), ...(ids ? { id: In(ids) } : {}) },
      select: { id: true, name: true, role: true },
    });
  }

  /** Someone of the organisation with one of `roles`, as if signed in: for server-side tools that read as its team would (the pack command). */
  async memberAs(organisationId: string, roles: readonly Role[]): Promise<CurrentUser | null> {
    const user = await this.users.findOne({
      where: { organisationId, role: In([...roles]) },
      relations: { organisation: true },
      order: { createdAt: 'ASC' },
    });
    return user?.organisation ? toCurrentUser(user, user.organisation) : null;
  }

  /** Whether anyone has an account with this address (the demo seed warns while demo accounts exist). */
  hasAccount(email: string): Promise<boolean> {
    return this.users.existsBy({ email });
  }
}
