import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser, OrganisationDetails, OrganisationMembers } from '@openbrief/contracts';
import { Repository } from 'typeorm';
import { AccessService } from '../../common/access/access.service';
import { actorOf } from '../../common/events/domain-events';
import { DomainEvents } from '../../common/events/domain-events.service';
import { Transactions } from '../../database/transactions';
import type { UpdateOrganisationDto } from './dto/update-organisation.dto';
import type { UpdateProfileDto } from './dto/update-profile.dto';
import { Organisation } from './entities/organisation.entity';
import { User } from './entities/user.entity';
import { toCurrentUser, toOrganisationDetails } from './identity.mapper';
import { OrganisationDetailsChanged, ProfileChanged } from './identity.events';

/** Empty text is no value: the address parts and numbers are stored as null rather than "". */
const orNull = (value: string | null): string | null => (value?.trim() ? value.trim() : null);

/** One's own account and organisation: the name, the organisation's details and its members. */
@Injectable()
export class AccountService {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly access: AccessService,
    private readonly events: DomainEvents,
  ) {}

  async updateProfile(user: CurrentUser, dto: UpdateProfileDto): Promise<CurrentUser> {
    this.access.require(user, 'account.editProfile');
    return this.transactions.run(async (tx) => {
      const account = await tx.findOneOrFail(User, { where: { id: user.id }, relations: { organisation: true } });
      if (account.name !== dto.name) {
        await tx.update(User, { id: user.id }, { name: dto.name });
        // The actor is named as they were when they acted; the entry says only which field changed.
        await this.events.emit(tx, new ProfileChanged(actorOf(user), user.id, ['name']));
        account.name = dto.name;
      }
      return toCurrentUser(account, account.organisation!);
    });
  }

  async organisation(user: CurrentUser): Promise<OrganisationDetails> {
    this.access.require(user, 'organisation.readTeam');
    const organisation = await this.organisations.findOneByOrFail({ id: user.organisation.id });
    return toOrganisationDetails(organisation, this.access.can(user, 'organisation.edit'));
  }

  async updateOrganisation(user: CurrentUser, dto: UpdateOrganisationDto): Promise<OrganisationDetails> {
    this.access.require(user, 'organisation.edit');
    const next = {
      name: dto.name,
      companyNumber: orNull(dto.companyNumber),
      isSme: dto.isSme,
      isVcse: dto.isVcse,
      streetAddress: orNull(dto.address.streetAddress),
      locality: orNull(dto.address.locality),
      postalCode: orNull(dto.address.postalCode),
      countryName: orNull(dto.address.countryName),
      contactPhone: orNull(dto.contactPhone),
    };
    return this.transactions.run(async (tx) => {
      const current = await tx.findOneByOrFail(Organisation, { id: user.organisation.id });
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((field) => current[field] !== next[field]);
      if (changed.length) {
        await tx.update(Organisation, { id: current.id }, next);
        await this.events.emit(tx, new OrganisationDetailsChanged(actorOf(user), current.id, changed));
      }
      return toOrganisationDetails({ ...current, ...next }, true);
    });
  }

  /** Colleagues see each other's e-mail addresses; nobody outside the organisation reaches this list. */
  async members(user: CurrentUser): Promise<OrganisationMembers> {
    this.access.require(user, 'organisation.readTeam');
    const members = await this.users.find({
      where: { organisationId: user.organisation.id },
      select: { id: true, name: true, email: true, role: true },
      order: { name: 'ASC', id: 'ASC' },
    });
    return { members: members.map(({ id, name, email, role }) => ({ id, name, email, role })) };
  }
}
