import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser, SubmittedContent } from '@openbrief/contracts';
import { type EntityManager, In, IsNull, type Repository } from 'typeorm';
import { AccessService } from '../../../common/access/access.service';
import { DomainError } from '../../../common/errors/domain.error';
import { ResponseOpeningRow, ResponseSubmissionRow, SupplierResponseRow } from '../entities';
import { ResponseTenders, type TenderFacts } from '../response-tenders';
import { ResponseSeal, SEAL_PLACES } from '../sealing/response-seal';
import type { SealedSubmission } from '../sealing/sealed-shapes';
import { submissionSha256 } from '../submission/submissions.service';

/** A counted submission after opening, decrypted: what the evaluation reads. */
export interface OpenedSubmission {
  responseId: string;
  submissionId: string;
  organisationId: string;
  supplierName: string;
  lotId: string;
  lotNumber: number;
  submittedAt: string;
  tenderVersion: number;
  sha256: string;
  content: SubmittedContent;
}

/**
 * The opened responses of a tender, for the buying team and (next issue) the evaluation: each response's counting
 * submission (the last one, not withdrawn), decrypted, with its hash checked against its content. Refused until
 * the responses are opened (`response.readOpened`).
 */
@Injectable()
export class OpenedResponses {
  constructor(
    @InjectRepository(SupplierResponseRow) private readonly responses: Repository<SupplierResponseRow>,
    private readonly access: AccessService,
    private readonly tenders: ResponseTenders,
    private readonly seal: ResponseSeal,
  ) {}

  async list(user: CurrentUser, tenderId: string): Promise<OpenedSubmission[]> {
    const m = this.responses.manager;
    const facts = await this.tenders.load(m, tenderId);
    const opened = await m.existsBy(ResponseOpeningRow, { tenderId, state: 'opened' });
    this.access.require(user, 'response.readOpened', this.tenders.forOpening(facts, opened));
    return this.counted(m, tenderId);
  }

  /**
   * For the evaluation module, which decides access itself (panel members are not the buying team): the tender as
   * published, whether its responses are opened and, once they are, the counted submissions, all read in `m`.
   */
  async forEvaluation(
    m: EntityManager,
    tenderId: string,
  ): Promise<{ facts: TenderFacts; opened: boolean; submissions: OpenedSubmission[] }> {
    const facts = await this.tenders.load(m, tenderId);
    const opened = await m.existsBy(ResponseOpeningRow, { tenderId, state: 'opened' });
    return { facts, opened, submissions: opened ? await this.counted(m, tenderId) : [] };
  }

  /** Who made a response's counting submission (the supplier's contact for its assessment summary); null if none counts. */
  async submitter(m: EntityManager, responseId: string): Promise<string | null> {
    const last = await m.findOne(ResponseSubmissionRow, { where: { responseId }, order: { sequence: 'DESC' } });
    return last && last.withdrawnAt === null ? last.submittedBy : null;
  }

  /** For the opening itself (in its transaction): each counted response's id, submission and verified hash. */
  async verifiedHashes(tx: EntityManager, tenderId: string): Promise<{ responseId: string; submissionId: string; sha256: string }[]> {
    return (await this.counted(tx, tenderId)).map((s) => ({ responseId: s.responseId, submissionId: s.submissionId, sha256: s.sha256 }));
  }

  private async counted(m: EntityManager, tenderId: string): Promise<OpenedSubmission[]> {
    const responses = await m.find(SupplierResponseRow, { where: { tenderId, status: 'submitted' }, order: { id: 'ASC' } });
    if (!responses.length) return [];
    const submissions = await m.find(ResponseSubmissionRow, {
      where: { responseId: In(responses.map((r) => r.id)), withdrawnAt: IsNull() },
      order: { sequence: 'DESC' },
    });
    const out: OpenedSubmission[] = [];
    for (const response of responses) {
      const s = submissions.find((x) => x.responseId === response.id);
      if (!s) continue;
      const sealed = await this.seal.openJson<SealedSubmission>(response.dataKeyId, s.snapshot, SEAL_PLACES.submission(s.id), m);
      if (submissionSha256(sealed.content) !== s.sha256) {
        throw new DomainError(
          'unprocessable',
          'A submitted response does not match the hash on its receipt: the opening was stopped. Contact support.',
        );
      }
      out.push({
        responseId: response.id,
        submissionId: s.id,
        organisationId: response.organisationId,
        supplierName: sealed.supplierName,
        lotId: response.lotId,
        lotNumber: sealed.lotNumber,
        submittedAt: s.submittedAt.toISOString(),
        tenderVersion: s.tenderVersion,
        sha256: s.sha256,
        content: sealed.content,
      });
    }
    return out.sort((a, b) => a.lotNumber - b.lotNumber || a.submittedAt.localeCompare(b.submittedAt));
  }
}
