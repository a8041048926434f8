import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, type Repository } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { PublishedTender } from '../entities/published-tender.entity';

/**
 * The next submission deadline among public tenders: the moment a list may change without a publication
 * (an "open" tender turns "closed", leaves `state=open` and joins `state=closed`). Asked once, then kept until
 * it passes or a publication or status change (`reset`) may have moved it.
 */
@Injectable()
export class DeadlineHorizon {
  private next: Promise<number | null> | null = null;

  constructor(
    @InjectRepository(PublishedTender) private readonly listings: Repository<PublishedTender>,
    private readonly clock: Clock,
  ) {}

  /** Epoch ms of the next deadline after now, or null if none is ahead. */
  async nextDeadline(): Promise<number | null> {
    const now = this.clock.now().getTime();
    if (this.next) {
      const known = await this.next.catch(() => undefined);
      if (known === null || (known !== undefined && known > now)) return known;
    }
    const asking = this.ask(new Date(now));
    this.next = asking;
    return asking;
  }

  reset(): void {
    this.next = null;
  }

  private async ask(after: Date): Promise<number | null> {
    const row = await this.listings.findOne({
      select: { tenderId: true, submissionDeadline: true },
      where: { submissionDeadline: MoreThan(after) },
      order: { submissionDeadline: 'ASC' },
    });
    return row?.submissionDeadline?.getTime() ?? null;
  }
}
