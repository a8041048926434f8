import { Module } from '@nestjs/common';
import { IdentityModule } from '../modules/identity/identity.module';
import { TendersModule } from '../modules/tenders/tenders.module';
import { DemoSeedService } from './demo-seed.service';

/**
 * Demo data, at the top of the dependency graph: it seeds the modules through their services, and no
 * module imports it.
 */
@Module({
  imports: [IdentityModule, TendersModule],
  providers: [DemoSeedService],
})
export class DemoSeedModule {}
