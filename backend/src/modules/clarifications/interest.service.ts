import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser, InterestState } from '@openbrief/contracts';
import { type EntityManager, Repository } from 'typeorm';
import { AccessService } from '../../common/access/access.service';
import { NotFoundError } from '../../common/errors/domain.error';
import { Transactions } from '../../database/transactions';
import { TenderInterest } from './entities/tender-interest.entity';
import { InterestRegister } from './interest-register';
import { TenderTimetables } from './tender-timetable';

/** A supplier's own interest in a tender: read it, register it, withdraw it (before the submission deadline). */
@Injectable()
export class InterestService {
  constructor(
    @InjectRepository(TenderInterest) private readonly interests: Repository<TenderInterest>,
    private readonly register: InterestRegister,
    private readonly timetables: TenderTimetables,
    private readonly transactions: Transactions,
    private readonly access: AccessService,
  ) {}

  async state(user: CurrentUser, tenderId: string): Promise<InterestState> {
    this.access.require(user, 'question.readOwn');
    const manager = this.interests.manager;
    const { tender } = await this.timetables.load(manager, tenderId);
    // Only a tender the public can read: a draft is "not found" to suppliers.
    if (!this.access.can(null, 'public.read', tender)) throw new NotFoundError('That tender');
    return this.register.state(manager, tenderId, user.organisation.id);
  }

  async registerInterest(user: CurrentUser, tenderId: string): Promise<InterestState> {
    return this.change(user, tenderId, (tx) => this.register.register(tx, tenderId, user));
  }

  async withdraw(user: CurrentUser, tenderId: string): Promise<InterestState> {
    return this.change(user, tenderId, (tx) => this.register.withdraw(tx, tenderId, user));
  }

  private change(user: CurrentUser, tenderId: string, work: (tx: EntityManager) => Promise<void>): Promise<InterestState> {
    return this.transactions.run(async (tx) => {
      const timetable = await this.timetables.load(tx, tenderId);
      this.access.require(user, 'interest.register', this.timetables.forInterest(timetable));
      await work(tx);
      return this.register.state(tx, tenderId, user.organisation.id);
    });
  }
}
