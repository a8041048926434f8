import type { PdfLayout } from '../../layout/pdf-layout';
import type { Inline } from '../../layout/text';
import { formatShortDate, plural } from '../../tender-pack/format';
import type { ReportContext } from '../context';

const GATE_LABELS = {
  'pass-fail': 'Pass/fail requirement',
  'quality-threshold': 'Minimum quality threshold',
  'abnormally-low': 'Abnormally low price',
} as const;

/** Who sat on the panel and what each evaluator scored. */
export function panelSection(doc: PdfLayout, ctx: ReportContext): void {
  const { panel } = ctx.report;
  doc.group('Sect', (s) => {
    s.heading(1, 'The panel');
    s.keyValueTable([
      ['Moderator', panel.moderator.name],
      ['Evaluators', plural(panel.evaluators.length, 'evaluator')],
      ['Panel formed', formatShortDate(panel.createdAt)],
    ]);
    s.table(
      [
        { header: 'Evaluator', width: 1.2 },
        { header: 'Criteria scored', width: 3 },
      ],
      panel.evaluators.map((e) => [
        e.name,
        e.criterionIds.length === 0 ? 'None (does not score)' : e.criterionIds.map((id) => ctx.criterion(id).name).join('; '),
      ]),
      { caption: 'Evaluators and the criteria assigned to them', rowHeaders: true },
    );
    s.table(
      [
        { header: 'Bid', width: 1 },
        { header: 'Supplier', width: 2.5 },
      ],
      panel.bidders.map((b) => [b.label, b.supplierName]),
      { caption: 'Bids evaluated', rowHeaders: true },
    );
  });
}

/** Every declaration, conflicts first, with how each declared conflict was handled. */
export function conflictsSection(doc: PdfLayout, ctx: ReportContext): void {
  const declarations = [...ctx.report.panel.declarations].sort(
    (a, b) =>
      Number(b.conflict) - Number(a.conflict) ||
      a.evaluatorName.localeCompare(b.evaluatorName) ||
      a.supplierName.localeCompare(b.supplierName),
  );
  const conflicts = declarations.filter((d) => d.conflict);
  doc.group('Sect', (s) => {
    s.heading(1, 'Conflicts of interest');
    s.paragraph(
      `Each evaluator declared, before seeing any response, whether they had a conflict of interest with each bidder. A declared conflict removes the evaluator from that bid. ${
        conflicts.length === 0 ? 'No conflict was declared.' : `${plural(conflicts.length, 'conflict was', 'conflicts were')} declared.`
      }`,
    );
    if (declarations.length === 0) {
      s.paragraph('No declarations have been recorded yet.');
      return;
    }
    s.table(
      [
        { header: 'Evaluator', width: 1.1 },
        { header: 'Bidder', width: 1.2 },
        { header: 'Declaration', width: 2 },
        { header: 'How it was handled', width: 2.2 },
      ],
      declarations.map((d): Inline[] => [
        d.evaluatorName,
        d.supplierName,
        d.conflict
          ? [{ text: 'Conflict: ', bold: true }, { text: `${d.details.trim() || 'no details given'} (${formatShortDate(d.declaredAt)})` }]
          : `No conflict (${formatShortDate(d.declaredAt)})`,
        !d.conflict
          ? 'Not needed'
          : d.handling
            ? `${d.handling} – recorded by ${ctx.person(d.handledBy)}${d.handledAt ? `, ${formatShortDate(d.handledAt)}` : ''}`
            : [{ text: 'Not yet recorded', bold: true }],
      ]),
      { caption: 'Declarations', rowHeaders: true },
    );
  });
}

/** Pass/fail requirements, the quality threshold and abnormally low prices: what stopped a bid, and why. */
export function gatesSection(doc: PdfLayout, ctx: ReportContext): void {
  const gates = [...ctx.report.panel.gates].sort((a, b) => ctx.bidder(a.responseId).localeCompare(ctx.bidder(b.responseId)));
  doc.group('Sect', (s) => {
    s.heading(1, 'Gates');
    s.paragraph(
      'Pass/fail requirements and the minimum quality threshold are applied as published. A bid that fails a gate is not scored further and is reported as disqualified.',
    );
    if (gates.length === 0) {
      s.paragraph('No gate decision was recorded: every bid went on to be scored.');
      return;
    }
    s.table(
      [
        { header: 'Bid', width: 1.4 },
        { header: 'Gate', width: 1.1 },
        { header: 'Result', width: 0.85 },
        { header: 'Reason', width: 2.6 },
        { header: 'Decided', width: 1.2 },
      ],
      gates.map((g): Inline[] => [
        ctx.bidder(g.responseId),
        GATE_LABELS[g.gate] ?? g.gate,
        g.passed ? 'Passed' : [{ text: 'Failed', bold: true }],
        g.reason,
        `${g.decidedBy ? `${ctx.person(g.decidedBy)}, ` : ''}${formatShortDate(g.decidedAt)}`,
      ]),
      { caption: 'Gate decisions', rowHeaders: true },
    );
  });
}
