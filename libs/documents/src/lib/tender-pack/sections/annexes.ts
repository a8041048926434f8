import { checkedTexts } from '@openbrief/contracts';
import { RULES, type RuleId } from '@openbrief/spec-check';
import type { PdfLayout } from '../../layout/pdf-layout';
import { isBlank, type Inline } from '../../layout/text';
import { defaultTheme } from '../../layout/theme';
import type { PackContext } from '../context';
import { formatShortDate } from '../format';

const GUTTER = defaultTheme().numberGutter;

/** Annex A: published clarification questions and answers, oldest first. */
export function addClarifications(doc: PdfLayout, pack: PackContext): void {
  const items = [...(pack.options.clarifications ?? [])].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  doc.group('Sect', (s) => {
    s.heading(1, 'Annex A: Clarification questions and answers', { newPage: true });
    if (items.length === 0) {
      s.paragraph(
        'No clarification questions have been answered yet. Answers are added here, in a new version of this pack, as they are published.',
      );
      return;
    }
    s.paragraph('Questions are published as asked, without saying who asked them.');
    items.forEach((item, i) => {
      s.group('Div', (g) => {
        g.numberedParagraph(`Q${i + 1}`, [{ text: item.question.trim() || '(No question text)', bold: true }], {
          keepWithNext: true,
          spaceBefore: 14,
        });
        g.prose(isBlank(item.answer) ? 'Not yet answered.' : item.answer, { indent: GUTTER });
        g.paragraph(`Published ${formatShortDate(item.publishedAt)}`, { style: 'secondary', indent: GUTTER, spaceBefore: 3 });
      });
    });
  });
}

/**
 * What a reader sees for a finding: the check's title ("Brand or product named without "or equivalent""), never
 * its internal id. An id the checker no longer knows is shown as words ("named-product" → "Named product").
 */
export function checkTitle(rule: string): string {
  const known = Object.prototype.hasOwnProperty.call(RULES, rule) ? RULES[rule as RuleId] : undefined;
  if (known) return known.title;
  const words = rule
    .slice(rule.indexOf('.') + 1)
    .replace(/[-_.]+/g, ' ')
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Checker finding';
}

/** Annex B: checker findings the buyer kept on purpose, with their reasons. */
export function addJustifications(doc: PdfLayout, pack: PackContext): void {
  const items = pack.tender.justifications ?? [];
  doc.group('Sect', (s) => {
    s.heading(1, 'Annex B: Justified checker findings');
    s.paragraph(
      'Openbrief checks every tender for requirements that could shut out suppliers without good reason, such as naming a product or prescribing a method. Where the buyer has kept such a requirement on purpose, their reason is published here.',
    );
    if (items.length === 0) {
      s.paragraph('There are no justified findings for this tender.', { style: 'secondary' });
      return;
    }
    // A reason kept for a finding in another text (the problem, a lot description…) names that text as the editor does.
    const fields = new Map(checkedTexts(pack.tender).map((t) => [t.key, t.label]));
    const rows: Inline[][] = items.map((j) => {
      const number = pack.numbers.get(j.requirementId);
      return [number ? [{ text: number, bold: true }] : (fields.get(j.requirementId) ?? j.requirementId), checkTitle(j.rule), j.text];
    });
    s.table(
      [
        { header: 'Requirement', width: 1.1 },
        { header: 'Check', width: 1.5 },
        { header: 'Buyer’s justification', width: 4 },
      ],
      rows,
      { rowHeaders: true },
    );
  });
}
