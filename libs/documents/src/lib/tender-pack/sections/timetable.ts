import type { PdfLayout } from '../../layout/pdf-layout';
import type { Inline } from '../../layout/text';
import type { PackContext } from '../context';
import { formatDate, formatDateTime } from '../format';
import { questionDates } from './question-dates';

const TBC = 'To be confirmed';

/** Key dates, in UK time. Deadlines show the time; other stages only the date. */
export function addTimetable(doc: PdfLayout, pack: PackContext): void {
  const t = pack.tender.timetable;
  const date = (iso: string | null) => (iso ? formatDate(iso) : TBC);
  const evaluation =
    t.evaluationStart && t.evaluationEnd
      ? `${formatDate(t.evaluationStart)} to ${formatDate(t.evaluationEnd)}`
      : t.evaluationStart
        ? `From ${formatDate(t.evaluationStart)}`
        : TBC;
  const rows: Inline[][] = [
    ...questionDates(t),
    ['Deadline for bids', t.submissionDeadline ? [{ text: formatDateTime(t.submissionDeadline), bold: true }] : TBC],
    ['Evaluation', evaluation],
    ['Expected contract award', date(t.expectedAward)],
    ['Contract starts', date(t.contractStart)],
  ];
  doc.group('Sect', (s) => {
    s.heading(1, 'Timetable');
    s.paragraph('All dates and times are UK time: Greenwich Mean Time in winter, British Summer Time in summer.');
    s.table(
      [
        { header: 'Stage', width: 2 },
        { header: 'Date', width: 3 },
      ],
      rows,
      { rowHeaders: true },
    );
    s.paragraph('Dates after the bid deadline are our plan and may move; the deadlines will not move without a new version of this pack.', {
      style: 'secondary',
    });
  });
}
