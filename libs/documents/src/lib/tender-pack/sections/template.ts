import { CriterionType } from '@openbrief/contracts';
import type { PdfLayout } from '../../layout/pdf-layout';
import type { Inline } from '../../layout/text';
import { lotTitle, type PackContext } from '../context';
import { criteriaRows } from '../evaluation';
import { formatNumber, months } from '../format';

// No-break spaces keep the two boxes apart (ordinary runs of spaces collapse).
const CHECKBOXES = '\u2610 Yes\u00A0\u00A0\u00A0\u00A0\u2610 No';

/** Annex C: the structure a response must follow, per lot. */
export function addResponseTemplate(doc: PdfLayout, pack: PackContext): void {
  doc.group('Sect', (s) => {
    s.heading(1, 'Annex C: Response template', { newPage: true });
    s.paragraph(
      'The response form in Openbrief follows this structure, lot by lot, with the same references: use it to prepare your answers before you start.',
    );
    if (pack.lots.length === 0) {
      s.paragraph('The template will be added when lots have been defined.', { style: 'secondary' });
      return;
    }
    for (const lot of pack.lots) {
      s.group('Sect', (g) => {
        g.heading(2, lotTitle(lot.lot));
        const questions: Inline[][] = criteriaRows(lot.lot.evaluationModel)
          .filter((r) => r.isLeaf && r.criterion.type !== CriterionType.Price)
          .map((r) => {
            const reqs = r.criterion.requirementIds.map((id) => pack.numbers.get(id)).filter(Boolean);
            return [
              [{ text: r.ref, bold: true }],
              r.criterion.description
                ? [{ text: r.criterion.name, bold: true }, { text: '\n' + r.criterion.description }]
                : r.criterion.name,
              r.criterion.wordLimit != null ? `${formatNumber(r.criterion.wordLimit)} words` : 'No limit',
              reqs.length ? reqs.join(', ') : '–',
            ];
          });
        if (questions.length > 0) {
          g.table(
            [
              { header: 'Ref', width: 0.5 },
              { header: 'Question', width: 3.4 },
              { header: 'Word limit', width: 1 },
              { header: 'Requirements to address', width: 1.4 },
            ],
            questions,
            { caption: 'Quality and social value', rowHeaders: true },
          );
        }
        if (lot.mandatory.length > 0) {
          g.table(
            [
              { header: 'Requirement', width: 1 },
              { header: 'Pass/fail requirement', width: 3.8 },
              { header: 'Met?', width: 1.3 },
            ],
            lot.mandatory.map((m) => [[{ text: m.number, bold: true }], m.requirement.outcome, CHECKBOXES]),
            { caption: 'Pass/fail declaration', rowHeaders: true },
          );
        }
        const period =
          pack.tender.contract.lengthMonths != null
            ? `the initial ${months(pack.tender.contract.lengthMonths)}`
            : 'the initial contract period';
        g.table(
          [
            { header: 'Price item', width: 4 },
            { header: 'Your price (excluding VAT)', width: 2 },
          ],
          [
            [`Total price for ${period}`, ''],
            ['Of which: set-up and mobilisation', ''],
          ],
          { caption: 'Price', rowHeaders: true },
        );
      });
    }
  });
}
