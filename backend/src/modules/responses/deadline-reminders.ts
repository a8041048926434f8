import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NotificationKind, Role, TenderStatus } from '@openbrief/contracts';
import { formatDateTime } from '@openbrief/documents';
import { In, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { Transactions } from '../../database/transactions';
import { People } from '../identity/people';
import { Notifications } from '../notifications/notifications.service';
import { SupplierResponseRow } from './entities';
import { ResponseTenders } from './response-tenders';

/** How far ahead a deadline triggers the reminder. */
export const DEADLINE_SOON_MS = 48 * 60 * 60 * 1000;
/** How often the scan runs: the reminder's dedupe key makes running it often harmless. */
const SCAN_EVERY_MS = 15 * 60 * 1000;

/**
 * "Deadline in 48 hours" for every supplier holding a response it has not submitted (a draft, or withdrawn).
 * A timer runs `scan` (unref'd, so it never keeps the process alive, and stopped on shutdown); each response is
 * reminded once (dedupe key `deadline-soon:<responseId>`), however many instances scan.
 */
@Injectable()
export class DeadlineReminders implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineReminders');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectRepository(SupplierResponseRow) private readonly responses: Repository<SupplierResponseRow>,
    private readonly transactions: Transactions,
    private readonly tenders: ResponseTenders,
    private readonly people: People,
    private readonly notifications: Notifications,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.scan().catch((err: unknown) => this.logger.warn({ err }, 'The deadline reminder scan failed; it runs again later'));
    }, SCAN_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Enqueues the reminders due now; returns how many responses were considered due. */
  async scan(): Promise<number> {
    const m = this.responses.manager;
    const now = this.clock.now().getTime();
    const unsent = await this.responses.find({ where: { status: In(['draft', 'withdrawn']) } });
    let due = 0;
    for (const response of unsent) {
      const facts = await this.tenders.load(m, response.tenderId).catch(() => null);
      if (!facts?.deadline || facts.tender.status !== TenderStatus.Published) continue;
      const left = new Date(facts.deadline).getTime() - now;
      if (left <= 0 || left > DEADLINE_SOON_MS) continue;
      due++;
      const team = await this.people.members(response.organisationId, [Role.Supplier]);
      await this.transactions.run((tx) =>
        this.notifications.enqueue(tx, {
          userIds: team.map((p) => p.id),
          kind: NotificationKind.DeadlineSoon,
          title: `Deadline soon: ${facts.latest.reference}`,
          body: `The deadline for responses to “${facts.latest.content.title}” is ${formatDateTime(facts.deadline!)}. Your response has not been submitted yet.`,
          link: `/responses/${response.id}`,
          dedupeKey: `deadline-soon:${response.id}`,
        }),
      );
    }
    return due;
  }
}
