import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type AssessmentSummary, type CurrentUser, NotificationKind, Role } from '@openbrief/contracts';
import { renderAssessmentSummary } from '@openbrief/documents';
import type { EntityManager, Repository } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { actorOf } from '../../../common/events/domain-events';
import { DomainEvents } from '../../../common/events/domain-events.service';
import { ConflictError, DomainError, NotFoundError } from '../../../common/errors/domain.error';
import { AccessService } from '../../../common/access/access.service';
import { SETTINGS, type Settings } from '../../../config/settings';
import { Transactions } from '../../../database/transactions';
import { FileStore } from '../../documents/file-store';
import type { PanelRecord } from '../../evaluation/panel-record';
import { People } from '../../identity/people';
import { type SupplierContact, SupplierContacts } from '../../identity/supplier-contacts';
import { Notifications } from '../../notifications/notifications.service';
import { OpenedResponses } from '../../responses/opening/opened-responses';
import { AwardPanels } from '../award-panels';
import { AssessmentSummaryIssued } from '../award.events';
import { AssessmentSummaryRow, AwardDecisionRow } from '../entities';
import { summaryView } from './summary-drafts';

const PDF = 'application/pdf';
const fileKey = (panelId: string, responseId: string) => `assessment-summary/${panelId}/${responseId}.pdf`;

export interface SummaryPdf {
  fileName: string;
  pdf: Buffer;
}

/** Assessment summaries: edited while drafts (If-Match), issued once as a stored PDF, then read by the buyer and the supplier. */
@Injectable()
export class AssessmentSummaries {
  constructor(
    @InjectRepository(AssessmentSummaryRow) private readonly rows: Repository<AssessmentSummaryRow>,
    private readonly panels: AwardPanels,
    private readonly access: AccessService,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly files: FileStore,
    private readonly people: People,
    private readonly notifications: Notifications,
    private readonly contacts: SupplierContacts,
    private readonly opened: OpenedResponses,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async edit(
    user: CurrentUser,
    panelId: string,
    responseId: string,
    revision: number,
    explanations: { criterionId: string; explanation: string }[],
    whyNotSuccessful: string | null,
  ): Promise<AssessmentSummary> {
    return this.transactions.run(async (tx) => {
      await this.panels.load(tx, user, panelId, 'evaluation.manage');
      const row = await this.summary(tx, panelId, responseId);
      if (row.status === 'issued') throw new ConflictError('This assessment summary has been issued and can no longer be changed.');
      if (row.revision !== revision)
        throw new ConflictError('A colleague changed this summary since you read it: here is their version.', {
          current: summaryView(row),
        });
      const known = new Set(row.content.criteria.map((c) => c.criterionId));
      const unknown = explanations.filter((e) => !known.has(e.criterionId));
      if (unknown.length)
        throw new DomainError(
          'unprocessable',
          'Some explanations are for criteria that are not in this summary.',
          unknown.map((e) => ({ field: `explanations.${e.criterionId}`, message: 'Not a criterion of this summary.' })),
        );
      if (row.content.successful && whyNotSuccessful !== null)
        throw unprocessable('whyNotSuccessful', 'The successful supplier’s summary has no “why not successful”: send null.');
      if (!row.content.successful && !whyNotSuccessful)
        throw unprocessable('whyNotSuccessful', 'Say why this supplier was not successful: the summary must explain it.');
      const given = new Map(explanations.map((e) => [e.criterionId, e.explanation]));
      const content = {
        ...row.content,
        criteria: row.content.criteria.map((c) => ({ ...c, explanation: given.get(c.criterionId) ?? c.explanation })),
        whyNotSuccessful,
      };
      // Conditional on the revision read, so two edits at once cannot both win (PostgreSQL runs them side by side).
      const result = await tx
        .createQueryBuilder()
        .update(AssessmentSummaryRow)
        .set({ content, revision: () => 'revision + 1' })
        .where('id = :id AND revision = :revision AND status = :status', { id: row.id, revision, status: 'draft' })
        .execute();
      if (!result.affected) throw new ConflictError('A colleague changed this summary since you read it: read it again.');
      return summaryView({ ...row, content, revision: row.revision + 1 });
    });
  }

  /** Renders the PDF, stores it with its hash, marks the summary issued and tells the supplier, all at once. */
  async issue(user: CurrentUser, panelId: string, responseId: string): Promise<AssessmentSummary> {
    const m = this.rows.manager;
    const record = await this.panels.load(m, user, panelId, 'evaluation.manage');
    const read = await this.summary(m, panelId, responseId);
    if (read.status === 'issued') throw new ConflictError('This assessment summary has already been issued.');
    const issuedAt = this.clock.now();
    // Reg 31(3): an unsuccessful supplier's summary also shows how the most advantageous tender was assessed.
    const decision = await m.findOneByOrFail(AwardDecisionRow, { panelId });
    const winner = read.content.successful ? null : await this.summary(m, panelId, decision.responseId);
    // Reg 31(2)(a)–(c): addressed to the supplier, with the e-mail of whoever submitted the response.
    const contact = await this.contacts.of(m, read.organisationId, await this.opened.submitter(m, responseId));
    // Rendered before the transaction, so no connection waits on the layout; the revision checks below keep it current.
    const pdf = await this.render(
      record,
      { ...summaryView(read), status: 'issued', issuedAt: issuedAt.toISOString() },
      winner && summaryView(winner),
      contact,
    );
    return this.transactions.run(async (tx) => {
      await this.transactions.lock(tx, `award:${panelId}`);
      await this.panels.load(tx, user, panelId, 'evaluation.manage');
      const row = await this.summary(tx, panelId, responseId);
      if (row.status === 'issued') throw new ConflictError('This assessment summary has already been issued.');
      const winnerNow = winner && (await this.summary(tx, panelId, winner.responseId));
      if (row.revision !== read.revision || winnerNow?.revision !== winner?.revision)
        throw new ConflictError('A colleague changed this summary while it was being issued: check it and issue it again.');
      const sha256 = await this.files.put(fileKey(panelId, responseId), PDF, pdf, tx);
      const issued = { status: 'issued' as const, issuedAt, issuedBy: user.id, sha256, revision: row.revision + 1 };
      await tx.update(AssessmentSummaryRow, { id: row.id }, issued);
      await this.events.emit(tx, new AssessmentSummaryIssued(actorOf(user), record.tender.id, panelId, responseId, sha256));
      const suppliers = await this.people.members(row.organisationId, [Role.Supplier], undefined, tx);
      await this.notifications.enqueue(tx, {
        userIds: suppliers.map((p) => p.id),
        kind: NotificationKind.AssessmentSummaryIssued,
        title: `Assessment summary: ${record.tender.reference}, lot ${record.lot.number}`,
        body: `${record.tender.buyerName} has issued your assessment summary for “${record.tender.title}” (lot ${record.lot.number}: ${record.lot.title}). It explains how your response was scored against each criterion. Download it from your response.`,
        link: `/responses/${responseId}`,
      });
      return summaryView({ ...row, ...issued });
    });
  }

  /** The issued PDF, for the buying team. */
  async buyerPdf(user: CurrentUser, panelId: string, responseId: string): Promise<SummaryPdf> {
    const m = this.rows.manager;
    const record = await this.panels.load(m, user, panelId, 'evaluation.read');
    const row = await this.summary(m, panelId, responseId);
    return this.stored(row, record.tender.reference, record.lot.number);
  }

  /** The supplier's own issued summary: another organisation, and anyone before it is issued, is told it does not exist. */
  async supplierPdf(user: CurrentUser, responseId: string): Promise<SummaryPdf> {
    const row = await this.rows.findOne({ where: { responseId, status: 'issued' }, order: { issuedAt: 'DESC' } });
    if (!row) throw new NotFoundError('That assessment summary');
    this.access.require(user, 'response.read', { organisationId: row.organisationId, deadlinePassed: true });
    return this.stored(row, 'assessment-summary', null);
  }

  private async stored(row: AssessmentSummaryRow, reference: string, lotNumber: number | null): Promise<SummaryPdf> {
    if (row.status !== 'issued') throw new NotFoundError('That assessment summary (it has not been issued yet)');
    const file = await this.files.get(fileKey(row.panelId, row.responseId));
    if (!file) throw new NotFoundError('That assessment summary');
    const name = lotNumber === null ? reference : `assessment-summary-${reference}-lot-${lotNumber}-${slug(row.content.supplierName)}`;
    return { fileName: `${name}.pdf`, pdf: file.content };
  }

  private async summary(m: EntityManager, panelId: string, responseId: string): Promise<AssessmentSummaryRow> {
    const row = await m.findOneBy(AssessmentSummaryRow, { panelId, responseId });
    if (!row) throw new NotFoundError('That assessment summary');
    return row;
  }

  private render(
    record: PanelRecord,
    summary: AssessmentSummary,
    mostAdvantageous: AssessmentSummary | null,
    supplierDetails: SupplierContact,
  ): Promise<Buffer> {
    const model = record.lot.evaluationModel;
    return renderAssessmentSummary(summary, {
      tenderReference: record.tender.reference,
      tenderTitle: record.tender.title,
      buyerName: record.tender.buyerName,
      lotNumber: record.lot.number,
      lotTitle: record.lot.title,
      scale: model.scale,
      descriptors: model.descriptors,
      issuedAt: summary.issuedAt!,
      mostAdvantageous,
      supplierDetails,
      // Reg 31(2)(d)(ii): where the award criteria can be read in full (the tender's public page).
      criteriaPublishedAt: `the tender documents for ${record.tender.reference}, published at ${this.settings.mail.publicUrl}/opportunities/${record.tender.id}`,
    });
  }
}

const unprocessable = (field: string, message: string) => new DomainError('unprocessable', message, [{ field, message }]);
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'supplier';
