import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type CurrentUser, OrganisationKind, Role } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { SignInFailed } from '../../common/events/domain-events';
import { DomainEvents } from '../../common/events/domain-events.service';
import { Transactions } from '../../database/transactions';
import type { ChangePasswordDto } from './dto/change-password.dto';
import type { SignInDto } from './dto/sign-in.dto';
import type { SupplierSignUpDto } from './dto/supplier-sign-up.dto';
import { Organisation } from './entities/organisation.entity';
import { User } from './entities/user.entity';
import { WrongCredentialsError, WrongCurrentPasswordError } from './errors/identity.errors';
import { PasswordChanged } from './identity.events';
import { toCurrentUser } from './identity.mapper';
import { PasswordPolicy } from './password-policy.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';

const isUniqueViolation = (e: unknown) => /UNIQUE|duplicate key/i.test(String(e));

@Injectable()
export class IdentityService {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
    private readonly policy: PasswordPolicy,
    private readonly sessions: SessionService,
    private readonly events: DomainEvents,
  ) {}

  async signIn({ email, password }: SignInDto): Promise<CurrentUser> {
    const user = await this.users.findOne({ where: { email }, relations: { organisation: true } });
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (!user?.organisation || !ok) {
      // Audited either way, with the same work, so neither the answer nor its timing tells whether the
      // address has an account; an unknown address is logged as "user:unknown", never as the address tried.
      await this.events.record(new SignInFailed(user?.id ?? null, user ? 'wrong-password' : 'unknown-account'));
      throw new WrongCredentialsError();
    }
    return toCurrentUser(user, user.organisation);
  }

  /**
   * Creates a supplier and its organisation, together or not at all — unless the address already has
   * an account, which is left untouched. Both cases do the same work (a hash, then the same inserts,
   * which the unique index rolls back for a known address) and the caller answers both alike, so
   * neither the answer nor its timing tells anyone which addresses have accounts.
   * TODO(notifications): e-mail the holder of a known address that someone tried to sign up with it.
   */
  async signUpSupplier(dto: SupplierSignUpDto): Promise<void> {
    this.policy.assertStrong(dto.password, dto);
    const passwordHash = await this.passwords.hash(dto.password);
    const now = new Date();
    try {
      await this.transactions.run(async (tx) => {
        const organisation = tx.create(Organisation, {
          id: randomUUID(),
          name: dto.organisationName,
          kind: OrganisationKind.Supplier,
          companyNumber: dto.companyNumber ?? null,
          isSme: dto.isSme,
          createdAt: now,
        });
        await tx.insert(Organisation, organisation);
        await tx.insert(User, {
          id: randomUUID(),
          organisationId: organisation.id,
          email: dto.email,
          name: dto.name,
          passwordHash,
          role: Role.Supplier,
          createdAt: now,
        });
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }

  /**
   * Checks the current password, stores the new one and ends every session of the account: whoever
   * may have learnt the old password is signed out everywhere. The caller starts a fresh session.
   */
  async changePassword(user: CurrentUser, dto: ChangePasswordDto): Promise<void> {
    const account = await this.users.findOneByOrFail({ id: user.id });
    if (!(await this.passwords.verify(account.passwordHash, dto.currentPassword))) throw new WrongCurrentPasswordError();
    this.policy.assertStrong(
      dto.newPassword,
      { email: user.email, name: user.name, organisationName: user.organisation.name },
      'newPassword',
      [dto.currentPassword],
    );
    const passwordHash = await this.passwords.hash(dto.newPassword);
    await this.transactions.run(async (tx) => {
      await tx.update(User, { id: user.id }, { passwordHash });
      await this.sessions.endAllFor(tx, user.id);
      await this.events.emit(tx, new PasswordChanged({ userId: user.id, name: user.name, organisationId: user.organisation.id }, user.id));
    });
  }
}
