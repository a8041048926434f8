import { Inject, Injectable } from '@nestjs/common';
import type { PublishedTenderRecord } from '@openbrief/contracts';
import {
  awardRelease,
  contractRelease,
  type LotBidCounts,
  type OcdsRelease,
  type OrganisationInput,
  publishedVersionRelease,
} from '@openbrief/ocds';
import { AccessService } from '../../common/access/access.service';
import { SETTINGS, type Settings } from '../../config/settings';
import { AwardNotices, type PublishedAwardNotice } from '../award/award-notices';
import { OrganisationProfiles, type OrganisationProfile } from '../identity/organisation-profiles';
import { BidCounts } from '../responses/bid-counts';
import type { Tender } from '../tenders/entities/tender.entity';
import { PublishedRecords } from '../tenders/lifecycle/published-records';
import { versionRecord } from '../tenders/lifecycle/published-version';

/** The feed's sources, in the order releases of the same instant are listed (descending). */
export const FEED_RANK = { version: 0, award: 1, contract: 2 } as const;

/** A release and where it sits in the feed's order: its date, its source's rank, its row's id. */
export interface KeyedRelease {
  at: Date;
  rank: number;
  id: string;
  release: OcdsRelease;
}

/**
 * Every release a tender has, built from what other modules publish: a `tender`/`tenderUpdate` release per
 * published version, and, per lot, an `award` release once its award notice is published and a `contract` release
 * once the contract is entered into. Only for a tender the public may read (`public.read`); null otherwise.
 */
@Injectable()
export class TenderReleases {
  constructor(
    private readonly records: PublishedRecords,
    private readonly awards: AwardNotices,
    private readonly bids: BidCounts,
    private readonly organisations: OrganisationProfiles,
    private readonly access: AccessService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** The tender an ocid names, if the public may read it. */
  async publicTenderByOcid(ocid: string): Promise<Tender | null> {
    const tender = await this.records.tenderByOcid(ocid);
    return tender && this.isPublic(tender) ? tender : null;
  }

  async publicTender(id: string): Promise<Tender | null> {
    const tender = await this.records.tender(id);
    return tender && this.isPublic(tender) ? tender : null;
  }

  /** The same rule for everyone, signed in or not: asked as for someone with no account. */
  isPublic(tender: Tender): boolean {
    return tender.ocid !== null && this.access.can(null, 'public.read', tender);
  }

  /** A public tender's releases, oldest first. */
  async of(tender: Tender): Promise<KeyedRelease[]> {
    const rows = await this.records.versionRows(tender.id);
    if (!rows.length) return [];
    const records = rows.map((row) => ({ row, record: versionRecord(row) }));
    const latest = records[records.length - 1].record;
    const notices = await this.awards.forTender(tender.id);
    const people = await this.organisations.of([tender.organisationId, ...notices.map((n) => n.organisationId)]);
    const buyer = organisationInput(people.get(tender.organisationId), latest.buyer);
    const base = this.settings.mail.publicUrl;
    const noticeUrl = `${base}/opportunities/${tender.id}`;
    const firstPublishedAt = records[0].record.publishedAt;

    const out: KeyedRelease[] = records.map(({ row, record }) => ({
      at: row.publishedAt,
      rank: FEED_RANK.version,
      id: row.id,
      release: publishedVersionRelease(record, {
        buyer,
        noticeUrl,
        packUrl: `${base}/api/v1/public/tenders/${tender.id}/versions/${record.version}/pack.pdf`,
        packSha256: row.packSha256,
        firstPublishedAt,
      }),
    }));
    if (notices.length) out.push(...(await this.awardReleases(tender, latest, notices, people, noticeUrl)));
    return out.sort((a, b) => a.at.getTime() - b.at.getTime() || a.rank - b.rank);
  }

  private async awardReleases(
    tender: Tender,
    latest: PublishedTenderRecord,
    notices: PublishedAwardNotice[],
    people: Map<string, OrganisationProfile>,
    noticeUrl: string,
  ): Promise<KeyedRelease[]> {
    const c = latest.content;
    const deadline = c.timetable.submissionDeadline;
    const counts = await this.lotCounts(tender.id);
    const lotIds = c.lots.map((l) => l.id);
    const out: KeyedRelease[] = [];
    for (const n of notices) {
      const price = await this.bids.price(n.responseId);
      const noticed = notices.filter((x) => x.noticePublishedAt.getTime() <= n.noticePublishedAt.getTime()).map((x) => x.lotId);
      const input = {
        id: n.awardId,
        tenderId: tender.id,
        lotId: n.lotId,
        lotTitle: c.lots.find((l) => l.id === n.lotId)?.title ?? c.title,
        // The name as the award recorded it, so the release does not change when the organisation renames itself.
        supplier: {
          ...organisationInput(people.get(n.organisationId), { id: n.organisationId, name: n.supplierName }),
          name: n.supplierName,
        },
        value: price && { amount: price.total, currency: price.currency, includesVat: price.vatBasis === 'including_vat' },
        decidedAt: n.decidedAt.toISOString(),
        noticePublishedAt: n.noticePublishedAt.toISOString(),
        standstillEndsAt: n.standstillEndsAt.toISOString(),
        assessmentSummariesSentAt: n.summariesSentAt?.toISOString() ?? null,
        submissionDeadline: deadline,
        // Counted only past the deadline (an award notice always is); the library refuses them before it.
        bidCounts: deadline && n.noticePublishedAt.getTime() >= Date.parse(deadline) ? (counts.get(n.lotId) ?? zero(n.lotId)) : null,
        completesTender: lotIds.every((id) => noticed.includes(id)),
        noticeUrl,
        contract: { startDate: c.timetable.contractStart, lengthMonths: c.contract.lengthMonths },
      };
      out.push({ at: n.noticePublishedAt, rank: FEED_RANK.award, id: n.awardId, release: awardRelease(tender.ocid!, input) });
      if (n.contractEnteredAt)
        out.push({
          at: n.contractEnteredAt,
          rank: FEED_RANK.contract,
          id: n.awardId,
          release: contractRelease(tender.ocid!, { ...input, contractEnteredAt: n.contractEnteredAt.toISOString() }),
        });
    }
    return out;
  }

  /** Each lot's submitted responses, and how many came from SMEs and from VCSEs (as their organisations say now). */
  private async lotCounts(tenderId: string): Promise<Map<string, LotBidCounts>> {
    const submitted = await this.bids.submitted(tenderId);
    const orgs = await this.organisations.of(submitted.map((s) => s.organisationId));
    const out = new Map<string, LotBidCounts>();
    for (const s of submitted) {
      const lot = out.get(s.lotId) ?? zero(s.lotId);
      const org = orgs.get(s.organisationId);
      out.set(s.lotId, {
        ...lot,
        bids: lot.bids + 1,
        smeBids: lot.smeBids + (org?.isSme ? 1 : 0),
        vcseBids: lot.vcseBids + (org?.isVcse ? 1 : 0),
      });
    }
    return out;
  }
}

const zero = (lotId: string): LotBidCounts => ({ lotId, bids: 0, smeBids: 0, vcseBids: 0 });

function organisationInput(profile: OrganisationProfile | undefined, fallback: { id: string; name: string }): OrganisationInput {
  if (!profile) return { id: fallback.id, name: fallback.name, companyNumber: null };
  return { id: profile.id, name: profile.name, companyNumber: profile.companyNumber, address: profile.address, isVcse: profile.isVcse };
}
