import { CriterionType } from '@openbrief/contracts';
import type { PdfLayout } from '../../layout/pdf-layout';
import type { Inline } from '../../layout/text';
import { lotTitle, type PackContext } from '../context';
import { criteriaRows } from '../evaluation';
import { formatDateTime, formatNumber } from '../format';

/** How to ask questions, write the response (format, word limits) and submit it. */
export function addResponding(doc: PdfLayout, pack: PackContext): void {
  const { tender } = pack;
  const t = tender.timetable;
  doc.group('Sect', (s) => {
    s.heading(1, 'How to ask questions and respond');

    s.heading(2, 'Asking questions');
    const contact = tender.contact;
    const phone = contact.phone ? ` or phone ${contact.phone}` : '';
    s.paragraph(
      `Email your questions to ${contact.name} at ${contact.email}${phone}` +
        (t.clarificationDeadline ? ` by ${formatDateTime(t.clarificationDeadline)}.` : '.'),
    );
    s.paragraph(
      'We answer every question and publish the question and answer for all suppliers, without saying who asked, in Annex A of an updated version of this pack.',
    );

    s.heading(2, 'Writing your response');
    s.list([
      'Answer each question under its reference from the response template in Annex C (for example “A1”).',
      'Cite requirement numbers (for example “1.3”) when you explain how you will meet a requirement.',
      'Keep to the word limit for each question. Evaluators stop reading at the limit.',
      'Use plain English. Put evidence from comparable work next to the claim it supports.',
      'Send one document per lot, as PDF or Word, using a font size of at least 11 point.',
    ]);
    const limits: Inline[][] = [];
    for (const lot of pack.lots) {
      for (const row of criteriaRows(lot.lot.evaluationModel)) {
        if (!row.isLeaf || row.criterion.type === CriterionType.Price || row.criterion.wordLimit == null) continue;
        limits.push([`Lot ${lot.lot.number}`, row.ref, row.criterion.name, formatNumber(row.criterion.wordLimit)]);
      }
    }
    if (limits.length > 0) {
      s.table(
        [
          { header: 'Lot', width: 0.7 },
          { header: 'Ref', width: 0.5 },
          { header: 'Question', width: 3.6 },
          { header: 'Word limit', width: 1, align: 'right' },
        ],
        limits,
        { caption: 'Word limits' },
      );
    }

    s.heading(2, 'Submitting your bid');
    s.paragraph(
      (t.submissionDeadline
        ? `Submit your bid through Openbrief by ${formatDateTime(t.submissionDeadline)}. `
        : 'Submit your bid through Openbrief. ') +
        'Late bids are not considered. You can bid for ' +
        (pack.lots.length > 1
          ? `any or all of the ${pack.lots.length} lots: ${pack.lots.map((l) => lotTitle(l.lot)).join('; ')}.`
          : 'the contract alone or as a consortium.'),
    );
  });
}
