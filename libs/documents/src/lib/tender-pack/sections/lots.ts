import { RequirementKind, RequirementPriority, type Requirement } from '@openbrief/contracts';
import type { PdfLayout } from '../../layout/pdf-layout';
import { isBlank, type Inline, type Run } from '../../layout/text';
import { COLOURS, defaultTheme } from '../../layout/theme';
import { lotTitle, type PackContext } from '../context';
import { formatMoney, plural } from '../format';
import type { LotNumbering, NumberedRequirement } from '../numbering';

const GUTTER = defaultTheme().numberGutter;

const KIND_LABELS: Record<RequirementKind, string> = {
  [RequirementKind.Outcome]: 'Outcome',
  [RequirementKind.Constraint]: 'Constraint',
  [RequirementKind.Mandatory]: 'Pass/fail',
};

function labelled(label: string, text: string): Run[] {
  return [{ text: `${label}: `, bold: true }, { text }];
}

function measureText(r: Requirement): string {
  const m = r.measure;
  const parts = [m.description.trim()];
  if (!isBlank(m.baseline)) parts.push(`Baseline: ${m.baseline!.trim()}.`);
  if (!isBlank(m.target)) parts.push(`Target: ${m.target!.trim()}.`);
  if (!isBlank(m.unit)) parts.push(`Measured in ${m.unit!.trim()}.`);
  return parts.filter(Boolean).join(' ').replace(/\.\./g, '.');
}

/** One requirement: its number and outcome, then why, measure and room for proposals, indented under it. */
function addRequirement(doc: PdfLayout, { number, requirement: r }: NumberedRequirement) {
  doc.group('Div', (g) => {
    g.numberedParagraph(number, [{ text: r.outcome.trim() || 'No outcome given.', bold: true }], { keepWithNext: true, spaceBefore: 14 });
    const tags = [KIND_LABELS[r.kind] ?? r.kind];
    if (r.kind !== RequirementKind.Mandatory) tags.push(r.priority === RequirementPriority.Desirable ? 'Desirable' : 'Essential');
    g.paragraph([{ text: tags.join(' · '), color: COLOURS.secondary }], {
      style: 'secondary',
      indent: GUTTER,
      spaceBefore: 1,
      keepWithNext: true,
    });
    const details: [string, string][] = [];
    if (!isBlank(r.whyItMatters)) details.push(['Why it matters', r.whyItMatters.trim()]);
    const measure = measureText(r);
    if (measure) details.push([r.kind === RequirementKind.Mandatory ? 'How you show it' : 'How it will be measured', measure]);
    if (r.kind !== RequirementKind.Mandatory && !isBlank(r.roomForProposals))
      details.push(['Room for proposals', r.roomForProposals.trim()]);
    if (!isBlank(r.justification)) details.push(['Why this is specified', r.justification!.trim()]);
    for (const [label, text] of details) g.paragraph(labelled(label, text), { indent: GUTTER, spaceBefore: 4 });
  });
}

function addLot(doc: PdfLayout, pack: PackContext, lot: LotNumbering) {
  doc.group('Sect', (s) => {
    s.heading(1, lotTitle(lot.lot), { newPage: true });
    if (!isBlank(lot.lot.description)) s.prose(lot.lot.description);
    const count = lot.groups.reduce((n, g) => n + g.requirements.length, 0);
    const facts: [Inline, Inline][] = [];
    if (lot.lot.estimatedValue != null)
      facts.push(['Estimated value', `${formatMoney(lot.lot.estimatedValue, pack.currency)} (excluding VAT)`]);
    facts.push([
      'Requirements',
      `${plural(count, 'outcome or constraint', 'outcomes and constraints')}; ${plural(lot.mandatory.length, 'pass/fail requirement')}`,
    ]);
    s.keyValueTable(facts, { labelWidth: 0.9 });
    if (count === 0 && lot.mandatory.length === 0) {
      s.paragraph('No requirements have been set for this lot yet.', { style: 'secondary' });
      return;
    }
    const onlyUnheaded = lot.groups.length === 1 && lot.groups[0].heading === null;
    for (const group of lot.groups) {
      s.group('Sect', (g) => {
        g.heading(2, group.heading ?? (onlyUnheaded ? 'Outcomes' : 'Other outcomes'));
        for (const r of group.requirements) addRequirement(g, r);
      });
    }
    if (lot.mandatory.length > 0) {
      s.group('Sect', (g) => {
        g.heading(2, 'Pass/fail requirements');
        g.callout('important', ['Your bid must meet every requirement in this section. A bid that does not is excluded and not scored.']);
        for (const r of lot.mandatory) addRequirement(g, r);
      });
    }
  });
}

/** Each lot's outcomes (grouped under their headings) and its pass/fail requirements. */
export function addLots(doc: PdfLayout, pack: PackContext): void {
  if (pack.lots.length === 0) {
    doc.group('Sect', (s) => {
      s.heading(1, 'Requirements', { newPage: true });
      s.paragraph('No lots or requirements have been set yet.', { style: 'secondary' });
    });
    return;
  }
  for (const lot of pack.lots) addLot(doc, pack, lot);
}
