import { ValidationFailedError } from '../../common/errors/domain.error';

/** The revision in an If-Match header: `3`, `"3"` or `W/"3"` (the ETag forms a client may echo). */
export function revisionFromIfMatch(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value ?? '');
  if (!match) {
    throw new ValidationFailedError(
      'Send the revision of the question you last read in the If-Match header, so no change is overwritten.',
      [{ field: 'If-Match', message: 'The revision you last read, e.g. "3".' }],
    );
  }
  return Number(match[1]);
}
