import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SETTINGS, type Settings } from '../config/settings';
import { PasswordService } from '../modules/identity/password.service';
import { User } from '../modules/identity/entities/user.entity';
import { announceDemoUsers, seedDemoData } from './seed/demo-seed';
import { DEMO_USERS } from './seed/demo-data';

@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.seedDemo) await seedDemoData(this.dataSource, (p) => this.passwords.hash(p));
    // Warn on every start while demo accounts exist, not only the first, so nobody forgets them.
    if (await this.dataSource.getRepository(User).existsBy({ email: DEMO_USERS[0].email })) {
      announceDemoUsers(this.logger);
    }
  }
}
