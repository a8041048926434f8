import { ValidationFailedError } from '../../common/errors/domain.error';

/**
 * The revision a change is based on, from `If-Match` (`"3"`, `W/"3"` or `3`); 0 for a record not yet made. Without
 * it a change could overwrite a colleague's silently, so it is required (`optional`: absent means a new record).
 */
export function revisionFromIfMatch(header: string | undefined, optional = false): number {
  if (optional && (header === undefined || header.trim() === '')) return 0;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header ?? '');
  if (!match) {
    throw new ValidationFailedError('Send the revision you last read in the If-Match header ("0" for a new one).', [
      { field: 'If-Match', message: 'If-Match must be the revision you last read, for example "3".' },
    ]);
  }
  return Number(match[1]);
}
