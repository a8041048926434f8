import PDFDocument from 'pdfkit';
import type { TenderDetail } from '@openbrief/contracts';
import type { Run } from '../src';
import { fontData } from '../src/lib/layout/fonts';

/**
 * The benchmark's floor: pdfkit writing the same text with no layout of ours — same page size, margins
 * and embedded fonts, plain `doc.text` (pdfkit's own wrapping and page breaks), no tagging, no tables,
 * no contents, no running heads. Whatever the pack costs above this is the price of its layout and
 * accessibility.
 *
 * Two texts: the pack's own text runs (`buildTenderPack(...).textRuns()`: the same text in the same
 * faces, the fair comparison) or `tenderStrings`, only the tender's own fields in the regular face (a
 * stricter floor: the pack adds labels, tables and a response template).
 */
export function tenderStrings(t: TenderDetail): Run[] {
  const out = [t.title, t.buyer.name, t.reference, t.summary, t.problem, t.users, t.workDone, t.constraints, t.location];
  for (const lot of t.lots) {
    out.push(lot.title, lot.description);
    for (const r of lot.requirements) {
      out.push(
        r.heading ?? '',
        r.outcome,
        r.whyItMatters,
        r.measure.description,
        r.measure.baseline ?? '',
        r.measure.target ?? '',
        r.roomForProposals,
        r.justification ?? '',
      );
    }
    for (const c of lot.evaluationModel.criteria) out.push(c.name, c.description);
    for (const d of lot.evaluationModel.descriptors) out.push(d.label, d.description);
  }
  for (const j of t.justifications) out.push(j.rule, j.text);
  return out.filter((s) => s && s.trim() !== '').map((text) => ({ text }));
}

export function renderFloor(runs: Run[], out: NodeJS.WritableStream): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 68, right: 56, bottom: 64, left: 56 } });
  const fonts = fontData();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.pipe(out);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  doc.fontSize(10);
  for (const run of runs) doc.font(run.bold ? 'bold' : 'regular').text(run.text);
  doc.end();
  return done;
}
