import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SETTINGS, type Settings } from '../config/settings';
import { User } from '../modules/identity/entities/user.entity';
import { PasswordService } from '../modules/identity/password.service';
import { TenderLifecycleService } from '../modules/tenders/lifecycle/tender-lifecycle.service';
import { TenderService } from '../modules/tenders/tender.service';
import { DEMO_USERS } from './seed/demo-data';
import { Transactions } from './transactions';
import { announceDemoUsers, seedDemoIdentities } from './seed/demo-seed';
import { demoDraft, demoPublished } from './seed/demo-tenders';

@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly transactions: Transactions,
    private readonly tenders: TenderService,
    private readonly lifecycle: TenderLifecycleService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.seedDemo) await this.seed();
    // Warn on every start while demo accounts exist, not only the first, so nobody forgets them.
    if (await this.dataSource.getRepository(User).existsBy({ email: DEMO_USERS[0].email })) announceDemoUsers(this.logger);
  }

  private async seed(): Promise<void> {
    const buyer = await seedDemoIdentities(this.dataSource, (work) => this.transactions.run(work), (p) => this.passwords.hash(p)).catch(
      (error: unknown) => {
        // Two instances starting together on one empty PostgreSQL database: the second loses the race, harmlessly.
        if (/UNIQUE|duplicate key/i.test(String(error))) return null;
        throw error;
      },
    );
    if (!buyer) return;
    const now = new Date();
    const published = demoPublished(now);
    const p = await this.tenders.create(buyer, published.title);
    const saved = await this.tenders.save(buyer, p.id, p.revision, published);
    await this.lifecycle.publish(buyer, p.id, saved.revision);
    const draft = demoDraft(now);
    const d = await this.tenders.create(buyer, draft.title);
    await this.tenders.save(buyer, d.id, d.revision, draft);
  }
}
