import { ValidationFailedError } from '../../../common/errors/domain.error';

/**
 * The revision a save is based on, from `If-Match` (`"3"`, `W/"3"` or `3`, as the ETag of the last read gave it).
 * Without it a save could overwrite a colleague's silently, so it is required.
 */
export function parseIfMatch(header: string | undefined): number {
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header ?? '');
  const revision = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(revision) || revision < 1) {
    throw new ValidationFailedError('Send the revision you last read in the If-Match header (the ETag of your last read).', [
      { field: 'If-Match', message: 'If-Match must be the revision you last read, for example "3".' },
    ]);
  }
  return revision;
}
