/** Escapes a value for HTML text and attribute values: every value that goes into an e-mail passes through here. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Paragraphs from plain text: blank lines separate them, single line breaks stay. */
export function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** A plain, accessible HTML e-mail: a language, a title, real headings and links with words, no layout tables. */
export function htmlMessage(subject: string, bodyHtml: string): string {
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c; max-width: 40em;">',
    `<h1 style="font-size: 1.25em;">${escapeHtml(subject)}</h1>`,
    bodyHtml,
    '</body>',
    '</html>',
  ].join('\n');
}

export function linkParagraph(url: string, words: string): string {
  return `<p><a href="${escapeHtml(url)}">${escapeHtml(words)}</a></p>`;
}
