import { type EvaluationModel, evaluationRuleSentences } from '@openbrief/contracts';
import type { HeadingLevel } from '../../layout/blocks';
import type { PdfLayout } from '../../layout/pdf-layout';
import type { Inline, Run } from '../../layout/text';
import { COLOURS } from '../../layout/theme';
import { lotTitle, type PackContext } from '../context';
import { criteriaRows, explainQuality, explainThreshold, priceMarks } from '../evaluation';
import { formatNumber, formatPercent } from '../format';
import type { LotNumbering } from '../numbering';
import { addPrice } from './price';

function addModel(doc: PdfLayout, pack: PackContext, lot: LotNumbering, level: HeadingLevel) {
  const model: EvaluationModel = lot.lot.evaluationModel;
  const rows = criteriaRows(model);
  doc.heading(level, 'Criteria and weightings');
  if (rows.length === 0) {
    doc.paragraph('The evaluation criteria have not been set yet.', { style: 'secondary' });
  } else {
    doc.paragraph('Weights are a percentage of their group; the overall weight is their share of the whole evaluation.', {
      keepWithNext: true,
    });
    doc.table(
      [
        { header: 'Ref', width: 0.5 },
        { header: 'Criterion', width: 3.4 },
        { header: 'Weight', width: 0.9, align: 'right' },
        { header: 'Overall', width: 0.8, align: 'right' },
        { header: 'Word limit', width: 1.0, align: 'right' },
      ],
      rows.map((row) => {
        const c = row.criterion;
        const assessed = c.requirementIds.map((id) => pack.numbers.get(id)).filter((n): n is string => !!n);
        const name: Run[] = [{ text: c.name, bold: row.depth === 0 }];
        const notes = [c.description.trim(), assessed.length ? `Assesses ${assessed.join(', ')}.` : ''].filter(Boolean).join(' ');
        if (notes) name.push({ text: '\n' + notes, color: COLOURS.secondary });
        const parent = rows.find((r) => r.criterion.id === c.parentId);
        const cells: Inline[] = [
          [{ text: row.ref, bold: row.depth === 0 }],
          name,
          parent ? `${formatPercent(c.weight)} of ${parent.ref}` : formatPercent(c.weight),
          [{ text: formatPercent(row.overall), bold: row.depth === 0 }],
          c.wordLimit != null ? formatNumber(c.wordLimit) : '',
        ];
        return cells;
      }),
      { rowHeaders: true },
    );
  }

  doc.heading(level, 'Scoring scale');
  doc.paragraph(explainQuality(model, rows), { keepWithNext: true });
  if (model.descriptors.length > 0) {
    doc.table(
      [
        { header: 'Score', width: 0.6 },
        { header: 'Rating', width: 1.2 },
        { header: 'What it means', width: 4.2 },
      ],
      [...model.descriptors].sort((a, b) => b.score - a.score).map((d) => [String(d.score), d.label, d.description]),
      { rowHeaders: true },
    );
  }

  addPrice(doc, pack.tender, model, lot.lot.estimatedValue, priceMarks(rows), level);

  doc.heading(level, 'Minimum quality threshold');
  doc.paragraph(explainThreshold(model));

  // What suppliers need of the panel's rules; its own working rules (near-tie margin and so on) stay internal.
  doc.heading(level, 'How the panel evaluates bids');
  doc.list(evaluationRuleSentences(model.rules));
}

/** The evaluation model of each lot. */
export function addEvaluation(doc: PdfLayout, pack: PackContext): void {
  doc.group('Sect', (s) => {
    s.heading(1, 'How bids will be evaluated', { newPage: true });
    s.paragraph(
      pack.lots.length > 1
        ? 'Each lot is evaluated separately. Bids that pass every pass/fail requirement are scored on quality, price and social value as set out below.'
        : 'Bids that pass every pass/fail requirement are scored on quality, price and social value as set out below.',
    );
    if (pack.lots.length === 0) {
      s.paragraph('The evaluation model will be set out when lots have been defined.', { style: 'secondary' });
      return;
    }
    if (pack.lots.length === 1) {
      addModel(s, pack, pack.lots[0], 2);
      return;
    }
    for (const lot of pack.lots) {
      s.group('Sect', (g) => {
        g.heading(2, lotTitle(lot.lot));
        addModel(g, pack, lot, 3);
      });
    }
  });
}
