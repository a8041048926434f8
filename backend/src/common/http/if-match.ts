import { ValidationFailedError } from '../errors/domain.error';

export interface IfMatchRule {
  /** An absent header means the record is new (revision 0): forming a panel for the first time. */
  absentMeansNew?: boolean;
  /** The smallest revision a record can have (1 where records start at revision 1; 0 where "0" names a new one). */
  min?: number;
}

/**
 * The revision a change is based on, from `If-Match` (`3`, `"3"` or `W/"3"`: the ETag forms a client may echo).
 * Without it a change could overwrite a colleague's silently, so it is required unless the rule says otherwise.
 */
export function revisionFromIfMatch(header: string | string[] | undefined, rule: IfMatchRule = {}): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (rule.absentMeansNew && (value === undefined || value.trim() === '')) return 0;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value ?? '');
  const revision = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(revision) || revision < (rule.min ?? 0)) {
    throw new ValidationFailedError('Send the revision you last read in the If-Match header, so no change is overwritten.', [
      { field: 'If-Match', message: 'If-Match must be the revision you last read, for example "3".' },
    ]);
  }
  return revision;
}
