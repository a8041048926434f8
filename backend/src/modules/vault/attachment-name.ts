/** Longest attachment file name kept, extension included (well inside every file system's 255 bytes once encoded). */
export const MAX_ATTACHMENT_NAME = 120;

/**
 * A file name safe to show, store and offer for download: the last segment only (both / and \ separate, so
 * `../../etc/passwd` and `..\..\win.ini` lose their directories), no control or bidirectional-override characters
 * (which can disguise `.exe` as `.pdf`), none of Windows's reserved characters, no leading dots (hidden files)
 * or trailing dots and spaces, bounded length with the extension kept. Never used as a storage key.
 */
export function safeAttachmentName(originalName: string): string {
  const last = String(originalName).normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = last
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? cleaned.slice(dot) : '';
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned).trim() || 'attachment';
  const room = MAX_ATTACHMENT_NAME - extension.length;
  // By code points, so a name is never cut through the middle of a character.
  const kept = [...stem].slice(0, Math.max(1, room)).join('').trim();
  return `${kept}${extension.slice(0, 16)}`;
}

/** The lower-case extension without its dot ("pdf"), or "" when the name has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}
