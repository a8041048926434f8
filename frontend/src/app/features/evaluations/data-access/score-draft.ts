import { type SummaryError } from '../../../shared/forms/form-errors';

export const scoreFieldId = (criterionId: string) => `score-${criterionId}`;
export const justificationFieldId = (criterionId: string) => `score-${criterionId}-justification`;

/** What the evaluator must give before a score is saved: a point on the scale and a long enough justification. */
export function scoreErrors(
  criterion: { id: string; name: string },
  score: number | null,
  justification: string,
  minChars: number,
): SummaryError[] {
  const errors: SummaryError[] = [];
  if (score === null) errors.push({ fieldId: scoreFieldId(criterion.id), message: `Choose a score for ${criterion.name}` });
  const length = justification.trim().length;
  if (length === 0) {
    errors.push({ fieldId: justificationFieldId(criterion.id), message: `Explain your score for ${criterion.name}` });
  } else if (length < minChars) {
    errors.push({
      fieldId: justificationFieldId(criterion.id),
      message: `Your justification for ${criterion.name} must be at least ${minChars} characters: add ${minChars - length} more, referring to the response`,
    });
  }
  return errors;
}

/** The counter under the justification box. */
export function justificationCount(justification: string, minChars: number): string {
  const length = justification.trim().length;
  const characters = `${length.toLocaleString('en-GB')} ${length === 1 ? 'character' : 'characters'}`;
  return length >= minChars ? `${characters}: enough` : `${characters} of at least ${minChars.toLocaleString('en-GB')}`;
}
