import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type CurrentUser, OrganisationKind, Role } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Transactions } from '../../database/transactions';
import type { SignInDto } from './dto/sign-in.dto';
import type { SupplierSignUpDto } from './dto/supplier-sign-up.dto';
import { Organisation } from './entities/organisation.entity';
import { User } from './entities/user.entity';
import { EmailTakenError, WrongCredentialsError } from './errors/identity.errors';
import { toCurrentUser } from './identity.mapper';
import { PasswordService } from './password.service';

@Injectable()
export class IdentityService {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
  ) {}

  async signIn({ email, password }: SignInDto): Promise<CurrentUser> {
    const user = await this.users.findOne({ where: { email }, relations: { organisation: true } });
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (!user?.organisation || !ok) throw new WrongCredentialsError();
    return toCurrentUser(user, user.organisation);
  }

  /** A supplier and its organisation are created together or not at all. */
  async signUpSupplier(dto: SupplierSignUpDto): Promise<CurrentUser> {
    if (await this.users.existsBy({ email: dto.email })) throw new EmailTakenError();
    const passwordHash = await this.passwords.hash(dto.password);
    const now = new Date();
    return this.transactions.run(async (tx) => {
      const organisation = tx.create(Organisation, {
        id: randomUUID(),
        name: dto.organisationName,
        kind: OrganisationKind.Supplier,
        companyNumber: dto.companyNumber ?? null,
        isSme: dto.isSme,
        createdAt: now,
      });
      await tx.insert(Organisation, organisation);
      const user = tx.create(User, {
        id: randomUUID(),
        organisationId: organisation.id,
        email: dto.email,
        name: dto.name,
        passwordHash,
        role: Role.Supplier,
        createdAt: now,
      });
      try {
        await tx.insert(User, user);
      } catch (e) {
        // Two sign-ups racing for one address: the unique index decides, the transaction rolls back.
        if (/UNIQUE|duplicate key/i.test(String(e))) throw new EmailTakenError();
        throw e;
      }
      return toCurrentUser(user, organisation);
    });
  }
}
