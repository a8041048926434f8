import { CriterionType, HOW_TO_RESPOND_STEPS, HOW_TO_RESPOND_SUMMARY, attachmentRuleText } from '@openbrief/contracts';
import type { PdfLayout } from '../../layout/pdf-layout';
import type { Inline } from '../../layout/text';
import { lotTitle, type PackContext } from '../context';
import { criteriaRows } from '../evaluation';
import { formatDateTime, formatNumber } from '../format';
import { questionDates } from './question-dates';

/**
 * How to ask questions, write the response (word limits, attachments) and submit it: the same steps the
 * tender's page and the supplier's opportunity page show (contracts how-to-respond.ts).
 */
export function addResponding(doc: PdfLayout, pack: PackContext): void {
  const { tender } = pack;
  const t = tender.timetable;
  doc.group('Sect', (s) => {
    s.heading(1, 'How to ask questions and respond');
    s.paragraph(HOW_TO_RESPOND_SUMMARY);
    s.list([...HOW_TO_RESPOND_STEPS], { ordered: true });

    s.heading(2, 'Asking questions');
    s.paragraph(
      'Ask your questions on this opportunity’s page in Openbrief. We answer every question. Answers are published to all suppliers, without saying who asked, on that page and in Annex A of an updated version of this pack.',
    );
    s.keyValueTable(questionDates(t), { labelWidth: 1.2 });
    const contact = tender.contact;
    const phone = contact.phone ? ` or phone ${contact.phone}` : '';
    s.paragraph(`If you cannot use Openbrief, email ${contact.name} at ${contact.email}${phone}.`, { style: 'secondary' });

    s.heading(2, 'Writing your response');
    s.list([
      'Answer each question in the response form. Annex C lists the questions, with their references (for example “A1”).',
      'Cite requirement numbers (for example “1.3”) when you explain how you will meet a requirement.',
      'Keep to the word limit for each question. The form counts your words as you type. Words past the limit are not considered.',
      'Use plain English. Put evidence from comparable work next to the claim it supports.',
      'Confirm each pass or fail requirement, and fill in the price table for each lot you bid for.',
    ]);
    s.paragraph(attachmentRuleText(tender.responseRules));
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
        'Openbrief does not accept bids after the deadline. You can bid for ' +
        (pack.lots.length > 1
          ? `any or all of the ${pack.lots.length} lots: ${pack.lots.map((l) => lotTitle(l.lot)).join('; ')}.`
          : 'the contract alone or as a consortium.'),
    );
  });
}
