import type { SubmissionReceipt } from '@openbrief/contracts';
import { PdfLayout, type RenderToBufferResult } from '../layout/pdf-layout';
import type { Inline } from '../layout/text';
import { COLOURS } from '../layout/theme';

/** What a receipt shows besides the SubmissionReceipt: names the supplier reads it by. Never any answer text. */
export interface ReceiptDocument {
  receipt: SubmissionReceipt;
  tenderTitle: string;
  buyerName: string;
  lotTitle: string;
  /** When this submission was withdrawn (ISO 8601), or null while it counts. */
  withdrawnAt: string | null;
}

const ukTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** "Monday 7 December 2026, 15:03:56 GMT": to the second, because the last second before a deadline counts. */
export function formatUkTimeToSecond(iso: string): string {
  const p: Record<string, string> = {};
  for (const part of ukTime.formatToParts(new Date(iso))) p[part.type] = part.value;
  return `${p['weekday']} ${p['day']} ${p['month']} ${p['year']}, ${p['hour']}:${p['minute']}:${p['second']} ${p['timeZoneName']}`;
}

/** "2026-12-07 15:03:56 UTC". */
export function formatUtcToSecond(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Bytes in words a supplier reads: "1.2 MB", "340 KB", "12 bytes". */
export function formatBytes(size: number): string {
  if (size >= 1024 * 1024) return `${(size / (1024 * 1024)).toFixed(1)} MB`;
  if (size >= 1024) return `${Math.round(size / 1024)} KB`;
  return `${size} ${size === 1 ? 'byte' : 'bytes'}`;
}

/**
 * The submission receipt: proof of what was submitted and when, by the server's clock. It names the tender,
 * lot and version, and carries the SHA-256 the buyer will see at the opening; it never contains an answer.
 */
export function buildReceipt(doc: ReceiptDocument): PdfLayout {
  const r = doc.receipt;
  const layout = new PdfLayout({
    title: `Submission receipt – ${r.tenderReference}`,
    lang: 'en-GB',
    author: 'Openbrief',
    subject: `Receipt for submission ${r.sequence} of a response to ${r.tenderReference}, lot ${r.lotNumber}`,
    keywords: r.tenderReference,
    creationDate: new Date(r.submittedAt),
    header: () => ({ left: 'Submission receipt', right: r.tenderReference }),
    footer: (page) => ({ left: r.supplierName, right: `Page ${page.number} of ${page.count}` }),
  });

  layout.rule({ thickness: 10, color: COLOURS.brand, spaceAfter: 30 });
  layout.paragraph('Submission receipt', { style: 'kicker', spaceBefore: 0 });
  layout.heading(1, doc.tenderTitle.trim() || r.tenderReference, { display: true, toc: false, bookmark: true });
  layout.paragraph(doc.buyerName, { style: 'lead', spaceBefore: 10 });

  const rows: [Inline, Inline][] = [
    ['Supplier', r.supplierName],
    ['Tender reference', r.tenderReference],
    ['Lot', `Lot ${r.lotNumber}: ${doc.lotTitle}`],
    ['Tender version responded to', `Version ${r.tenderVersion}`],
    ['Submission', `Number ${r.sequence} of this response`],
    ['Received (UK time)', [{ text: formatUkTimeToSecond(r.submittedAt), bold: true }]],
    ['Received (UTC)', formatUtcToSecond(r.submittedAt)],
    ['SHA-256 of the submission', r.sha256],
    ['Submission id', r.submissionId],
  ];
  if (doc.withdrawnAt) rows.push(['Withdrawn', `${formatUkTimeToSecond(doc.withdrawnAt)} (this submission no longer counts)`]);
  layout.keyValueTable(rows, { labelWidth: 1.1 });

  layout.heading(2, 'Attachments');
  if (r.attachments.length === 0) layout.paragraph('No documents were attached.');
  else
    layout.table(
      [
        { header: 'Document', width: 2 },
        { header: 'Size', width: 1, align: 'right' },
        { header: 'SHA-256', width: 3 },
      ],
      r.attachments.map((a) => [a.fileName, formatBytes(a.size), a.sha256]),
    );

  layout.callout(
    'info',
    [
      'The time is the Openbrief server’s, when the submission was received. Only the last submission that was not withdrawn counts.',
      'The SHA-256 is taken over the canonical JSON (RFC 8785) of exactly what was submitted: the tender reference and version, the lot, your answers, declarations and price, and each attachment’s name, size and SHA-256. The buyer sees the same value when the responses are opened after the deadline.',
      'This receipt does not contain your answers: keep it with your own copy of your response.',
    ],
    { title: 'About this receipt' },
  );
  return layout;
}

export function renderReceiptToBuffer(doc: ReceiptDocument): Promise<RenderToBufferResult> {
  return buildReceipt(doc).renderToBuffer();
}
