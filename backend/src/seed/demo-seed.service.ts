import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { type CurrentUser, Role } from '@openbrief/contracts';
import { SETTINGS, type Settings } from '../config/settings';
import { OrganisationSetup } from '../modules/identity/organisation-setup.service';
import { People } from '../modules/identity/people';
import { TenderLifecycleService } from '../modules/tenders/lifecycle/tender-lifecycle.service';
import { TenderService } from '../modules/tenders/tender.service';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';
import { demoDraft, demoPublished } from './demo-tenders';

/**
 * Demo data on an empty database (SEED_DEMO): the demo organisations and people, then the demo tenders,
 * written through the same services a person uses, so they are audited and checked like any other.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly organisations: OrganisationSetup,
    private readonly people: People,
    private readonly tenders: TenderService,
    private readonly lifecycle: TenderLifecycleService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.seedDemo) await this.seed();
    // Warn on every start while demo accounts exist, not only the first, so nobody forgets them.
    if (await this.people.hasAccount(DEMO_USERS[0].email)) this.announceDemoUsers();
  }

  private async seed(): Promise<void> {
    const buyer = await this.seedIdentities().catch((error: unknown) => {
      // Two instances starting together on one empty PostgreSQL database: the second loses the race, harmlessly.
      if (/UNIQUE|duplicate key/i.test(String(error))) return null;
      throw error;
    });
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

  /** The demo organisations and people, once; returns the demo buyer (null if the database had data). */
  private async seedIdentities(): Promise<CurrentUser | null> {
    if (await this.organisations.any()) return null;
    const keys = Object.keys(DEMO_ORGANISATIONS) as (keyof typeof DEMO_ORGANISATIONS)[];
    const people = await this.organisations.create(
      keys.map((key) => ({
        ...DEMO_ORGANISATIONS[key],
        members: DEMO_USERS.filter((u) => u.organisation === key).map(({ email, name, role }) => ({ email, name, role })),
      })),
      DEMO_PASSWORD,
    );
    const buyer = DEMO_USERS.find((u) => u.organisation === 'buyer' && u.role === Role.Buyer)!;
    return people.find((p) => p.email === buyer.email) ?? null;
  }

  private announceDemoUsers(): void {
    const list = DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(', ');
    this.logger.warn(
      `Demo data loaded. Sign in as ${list} with the password "${DEMO_PASSWORD}". ` +
        'These accounts are for trying Openbrief only: start with SEED_DEMO=false and a fresh database for real use.',
    );
  }
}
