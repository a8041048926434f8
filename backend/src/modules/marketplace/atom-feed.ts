import type { PublishedTenderSummary } from '@openbrief/contracts';

/** How many entries a feed holds: the newest. */
export const FEED_ENTRIES = 50;
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

/** Escapes text for XML content and attribute values: every value that goes into a feed passes through here. */
export function escapeXml(value: string): string {
  // Characters XML 1.0 cannot carry at all (control characters other than tab and line breaks) are dropped.
  const legal = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return legal.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface AtomFeed {
  /** The feed's own permanent IRI. */
  id: string;
  title: string;
  /** The feed's address (rel="self") and the page a person would read (rel="alternate"). */
  selfUrl: string;
  alternateUrl: string;
  /** PUBLIC_URL: entries link to `${base}/opportunities/:id`. */
  base: string;
  items: readonly PublishedTenderSummary[];
  /** When the feed is empty, its `updated`. */
  emptyUpdated: Date;
}

/** An Atom (RFC 4287) feed of published tenders, newest first: one entry per tender, its author the buyer. */
export function atomFeed(feed: AtomFeed): string {
  const updated = feed.items[0]?.publishedAt ?? feed.emptyUpdated.toISOString();
  const entries = feed.items.map((item) => {
    const link = `${feed.base}/opportunities/${item.id}`;
    const closing = item.submissionDeadline ? `Closes ${closingWords(item.submissionDeadline)}.` : 'No closing date given.';
    return [
      '  <entry>',
      `    <id>urn:uuid:${escapeXml(item.id)}</id>`,
      `    <title type="text">${escapeXml(item.title)}</title>`,
      `    <updated>${escapeXml(item.publishedAt)}</updated>`,
      `    <published>${escapeXml(item.publishedAt)}</published>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <author><name>${escapeXml(item.buyerName)}</name></author>`,
      `    <summary type="text">${escapeXml(`${item.summary}\n\n${item.buyerName}. ${closing}`)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`,
    '  <author><name>Openbrief</name></author>',
    '  <generator>Openbrief</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

const UK_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A deadline in UK time, as a person reads it: "14 March 2026 at 12:00". */
export function closingWords(iso: string): string {
  const parts = Object.fromEntries(UK_DATE_TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts['day']} ${parts['month']} ${parts['year']} at ${parts['hour']}:${parts['minute']}`;
}
