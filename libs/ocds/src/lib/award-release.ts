import type { AwardInput, ContractInput, LotBidCounts } from './inputs';
import { RELEASE_IDS } from './mappings';
import { instant, OcdsInputError } from './ocds-errors';
import type { OcdsAward, OcdsRelease, OcdsStatistic, OcdsValue } from './ocds.types';
import { party, partyReference } from './parties';

/**
 * The `award` release of a lot's contract award notice (UK6): the award while the standstill runs (`pending`: "not yet
 * in force… a cooling off period"), the supplier as a party, the UK profile's standstill period and the date the
 * assessment summaries were sent, and the lot's bid statistics (as the UK's contract award notice carries them).
 */
export function awardRelease(ocid: string, award: AwardInput): OcdsRelease {
  const date = instant(award.noticePublishedAt);
  const statistics = award.bidCounts ? bidStatistics(award.bidCounts, award.submissionDeadline, date) : [];
  return {
    ocid,
    id: RELEASE_IDS.award(ocid, award.id),
    date,
    tag: ['award'],
    initiationType: 'tender',
    language: 'en',
    parties: [party(award.supplier, ['supplier'])],
    ...(award.completesTender ? { tender: { id: award.tenderId, status: 'complete' as const } } : {}),
    awards: [
      {
        ...awardCore(award),
        status: 'pending',
        standstillPeriod: { startDate: date, endDate: instant(award.standstillEndsAt) },
        ...(award.assessmentSummariesSentAt ? { assessmentSummariesDateSent: instant(award.assessmentSummariesSentAt) } : {}),
        documents: [
          {
            id: `award-notice-${award.id}`,
            documentType: 'awardNotice',
            title: `Contract award notice: ${award.lotTitle}`,
            url: award.noticeUrl,
            datePublished: date,
            format: 'text/html',
            language: 'en',
            noticeType: 'UK6',
          },
        ],
      },
    ],
    ...(statistics.length ? { bids: { statistics } } : {}),
  };
}

/** The `contract` release once the contract is entered into after the standstill: the award is then `active`. */
export function contractRelease(ocid: string, contract: ContractInput): OcdsRelease {
  const signed = instant(contract.contractEnteredAt);
  const value = valueOf(contract);
  const start = contract.contract?.startDate ? instant(contract.contract.startDate) : null;
  const months = contract.contract?.lengthMonths ?? null;
  return {
    ocid,
    id: RELEASE_IDS.contract(ocid, contract.id),
    date: signed,
    tag: ['contract'],
    initiationType: 'tender',
    language: 'en',
    awards: [{ id: contract.id, status: 'active' }],
    contracts: [
      {
        id: contract.id,
        awardID: contract.id,
        title: contract.lotTitle,
        status: 'active',
        ...(value ? { value } : {}),
        ...(start || months ? { period: { ...(start ? { startDate: start } : {}), ...(months ? { durationInMonths: months } : {}) } } : {}),
        dateSigned: signed,
      },
    ],
  };
}

function awardCore(award: AwardInput): OcdsAward {
  const value = valueOf(award);
  return {
    id: award.id,
    title: award.lotTitle,
    date: instant(award.decidedAt),
    ...(value ? { value } : {}),
    suppliers: [partyReference(award.supplier)],
    relatedLots: [award.lotId],
  };
}

function valueOf(award: AwardInput): OcdsValue | null {
  if (!award.value) return null;
  const { amount, currency, includesVat } = award.value;
  return includesVat ? { amountGross: amount, currency } : { amount, currency };
}

/**
 * A lot's bid statistics: bids received, and the final stage's bids in all, from SMEs and from VCSEs (the UK
 * profile's measures; every opened bid is assessed in Openbrief's single stage). Refused before the deadline, when
 * counting bids would tell bidders about each other.
 */
export function bidStatistics(counts: LotBidCounts, submissionDeadline: string | null, at: string): OcdsStatistic[] {
  if (!submissionDeadline || new Date(at).getTime() < new Date(submissionDeadline).getTime())
    throw new OcdsInputError('Bid statistics are published only once the submission deadline has passed.');
  const date = instant(submissionDeadline);
  const lot = counts.lotId;
  const stat = (measure: OcdsStatistic['measure'], value: number): OcdsStatistic => ({
    id: `${lot}-${measure}`,
    measure,
    value,
    date,
    relatedLot: lot,
  });
  return [
    stat('bids', counts.bids),
    stat('finalStageBids', counts.bids),
    stat('smeFinalStageBids', counts.smeBids),
    stat('vcseFinalStageBids', counts.vcseBids),
  ];
}
