import type { PdfLayout } from '../../layout/pdf-layout';
import type { Inline } from '../../layout/text';
import { formatDate, formatDateTime } from '../../tender-pack/format';
import type { ReportContext } from '../context';

const JURISDICTIONS: Record<string, string> = {
  england_and_wales: 'England and Wales',
  scotland: 'Scotland',
  northern_ireland: 'Northern Ireland',
};

/** The award decision with its reasons, the notice and the standstill. */
export function awardSection(doc: PdfLayout, ctx: ReportContext): void {
  const { award } = ctx.report;
  doc.group('Sect', (s) => {
    s.heading(1, 'Award decision');
    if (!award) {
      s.paragraph('No award decision has been recorded yet.');
      return;
    }
    s.callout('success', [[{ text: `Award to ${award.supplierName}` }]], { title: 'Decision' });
    s.paragraph([{ text: 'Reasons', bold: true }], { keepWithNext: true });
    s.prose(award.reasons);
    const rows: [Inline, Inline][] = [
      ['Decided by', `${ctx.person(award.decidedBy)}, ${formatDateTime(award.decidedAt)}`],
      ['Jurisdiction', JURISDICTIONS[award.jurisdiction] ?? award.jurisdiction],
      ['Contract award notice', award.noticePublishedAt ? `Published ${formatDateTime(award.noticePublishedAt)}` : 'Not yet published'],
    ];
    if (award.standstillLastDay && award.standstillEndsAt) {
      rows.push(['Standstill ends', `At midnight at the end of ${formatDate(`${award.standstillLastDay}T12:00:00Z`)} (UK time)`]);
      rows.push(['Contract may be entered into from', formatDateTime(award.standstillEndsAt)]);
    }
    rows.push(['Contract entered into', award.contractEnteredAt ? formatDateTime(award.contractEnteredAt) : 'Not yet']);
    s.keyValueTable(rows, { labelWidth: 1.1 });
    s.paragraph(
      'The standstill is at least eight working days beginning with the day the contract award notice is published (Procurement Act 2023, section 51); a working day excludes weekends and bank holidays in any part of the United Kingdom. The contract cannot be entered into before it ends.',
      { style: 'secondary' },
    );
  });
}
