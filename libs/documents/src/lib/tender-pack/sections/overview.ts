import { ITL_REGIONS, JURISDICTION_LABELS, PROCUREMENT_CATEGORY_LABELS, TENDER_FIELDS, type TenderDetail } from '@openbrief/contracts';
import type { Inline } from '../../layout/text';
import type { PdfLayout } from '../../layout/pdf-layout';
import { isBlank } from '../../layout/text';
import { lotTitle, type PackContext } from '../context';
import { budgetText, formatMoney, months, PROCEDURE_LABELS } from '../format';

const NOT_PROVIDED = 'The buyer has not provided this information.';

function proseOrNote(doc: PdfLayout, text: string | null | undefined) {
  if (isBlank(text)) doc.paragraph(NOT_PROVIDED, { style: 'secondary' });
  else doc.prose(text);
}

/** The buyer's own words for the place, then the delivery regions by name (none named: anywhere in the UK). */
function whereText(tender: TenderDetail): string {
  const codes: readonly string[] = tender.regions ?? [];
  const regions = codes.length
    ? ITL_REGIONS.filter((r) => codes.includes(r.code))
        .map((r) => r.name)
        .join(', ')
    : 'Anywhere in the UK';
  return isBlank(tender.location) ? regions : `${tender.location.trim()}\nRegions: ${regions}`;
}

/** The plain-English summary and key facts. */
export function addSummary(doc: PdfLayout, pack: PackContext): void {
  const { tender } = pack;
  doc.group('Sect', (s) => {
    s.heading(1, 'Summary', { newPage: true });
    proseOrNote(s, tender.summary);
    s.heading(2, 'Key facts');
    const rows: [Inline, Inline][] = [];
    const budget = budgetText(tender.budget);
    if (budget) rows.push(['Budget', budget]);
    if (tender.estimatedValue != null) rows.push(['Estimated value', formatMoney(tender.estimatedValue, pack.currency)]);
    if (tender.contract.lengthMonths != null) rows.push(['Contract length', months(tender.contract.lengthMonths)]);
    if (!isBlank(tender.contract.extensionOptions)) rows.push(['Extensions', tender.contract.extensionOptions]);
    // Whose bank holidays the standstill after the award skips when it counts working days.
    rows.push(['Law of the contract', JURISDICTION_LABELS[tender.contract.jurisdiction] ?? JURISDICTION_LABELS.england_and_wales]);
    rows.push(['What is bought', PROCUREMENT_CATEGORY_LABELS[tender.mainCategory] ?? PROCUREMENT_CATEGORY_LABELS.services]);
    rows.push(['Where', whereText(tender)]);
    rows.push(['Procedure', PROCEDURE_LABELS[tender.procedure] ?? String(tender.procedure)]);
    rows.push(['Lots', pack.lots.length === 0 ? 'None yet' : pack.lots.map((l) => lotTitle(l.lot)).join('\n')]);
    s.keyValueTable(rows, { labelWidth: 0.9 });
    if (!isBlank(tender.singleLotReason)) {
      s.heading(2, 'Why this is a single lot');
      s.prose(tender.singleLotReason);
    }
  });
}

/** The problem, the people it affects, what has been tried and what cannot change. */
export function addProblem(doc: PdfLayout, pack: PackContext): void {
  const { tender } = pack;
  doc.group('Sect', (s) => {
    s.heading(1, 'The problem and who it affects');
    s.heading(2, 'The problem');
    proseOrNote(s, tender.problem);
    s.heading(2, 'Who the users are');
    proseOrNote(s, tender.users);
    if (!isBlank(tender.workDone)) {
      s.heading(2, 'What has been done so far');
      s.prose(tender.workDone);
    }
    if (!isBlank(tender.constraints)) {
      s.heading(2, 'Constraints');
      s.prose(tender.constraints);
    }
    // What suppliers said before the tender, and what it changed (or why nobody was asked).
    if (!isBlank(tender.engagementSummary)) {
      s.heading(2, TENDER_FIELDS.engagementSummary.label);
      s.prose(tender.engagementSummary);
    }
    if (!isBlank(tender.noEngagementReason)) {
      s.heading(2, TENDER_FIELDS.noEngagementReason.label);
      s.prose(tender.noEngagementReason);
    }
  });
}
