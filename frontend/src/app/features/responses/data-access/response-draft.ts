import { RESPONSE_LIMITS, ResponseContentInput, SupplierResponse } from '@openbrief/contracts';
import { fieldIds } from './response-labels';
import { PriceLineDraft, isBlankLine, priceLineProblems, toPriceLineInput } from './price';

export interface DeclarationDraft {
  meets: boolean | null;
  evidence: string;
}

/** What the supplier is editing: the content of a response, with price numbers still as typed. */
export interface ResponseDraft {
  /** criterionId → answer. */
  readonly answers: Readonly<Record<string, string>>;
  /** requirementId → declaration. */
  readonly declarations: Readonly<Record<string, DeclarationDraft>>;
  readonly priceLines: readonly PriceLineDraft[];
}

export interface DraftProblem {
  fieldId: string;
  message: string;
}

let nextKey = 0;
/** A key for a line the server has not seen yet. */
export function newLineKey(): string {
  return `new${++nextKey}`;
}

export function emptyLine(): PriceLineDraft {
  return { key: newLineKey(), description: '', quantity: '', unit: '', unitPrice: '' };
}

export function toDraft(response: SupplierResponse): ResponseDraft {
  return {
    answers: Object.fromEntries(response.answers.map((a) => [a.criterionId, a.text])),
    declarations: Object.fromEntries(response.declarations.map((d) => [d.requirementId, { meets: d.meets, evidence: d.evidence }])),
    priceLines: response.price.lines.map((l) => ({
      id: l.id,
      key: l.id,
      description: l.description,
      quantity: String(l.quantity),
      unit: l.unit,
      unitPrice: l.unitPrice.toFixed(2),
    })),
  };
}

/** The body of a save, in the order the response lists its criteria and requirements. Blank price lines are not sent. */
export function toContentInput(draft: ResponseDraft, response: SupplierResponse): ResponseContentInput {
  return {
    answers: response.answers.map((a) => ({ criterionId: a.criterionId, text: draft.answers[a.criterionId] ?? '' })),
    declarations: response.declarations.map((d) => {
      const own = draft.declarations[d.requirementId];
      return { requirementId: d.requirementId, meets: own?.meets ?? null, evidence: own?.evidence ?? '' };
    }),
    priceLines: sentLines(draft).map(toPriceLineInput),
  };
}

export function sentLines(draft: ResponseDraft): PriceLineDraft[] {
  return draft.priceLines.filter((l) => !isBlankLine(l));
}

/** What stops the draft being saved, with the field to go to. */
export function draftProblems(draft: ResponseDraft, response: SupplierResponse): DraftProblem[] {
  const problems: DraftProblem[] = [];
  for (const answer of response.answers) {
    if ((draft.answers[answer.criterionId] ?? '').length > RESPONSE_LIMITS.answerChars)
      problems.push({
        fieldId: fieldIds.answer(answer.criterionId),
        message: `Your answer to "${answer.criterionName}" is too long to save: shorten it to ${RESPONSE_LIMITS.answerChars.toLocaleString('en-GB')} characters or fewer`,
      });
  }
  for (const declaration of response.declarations) {
    if ((draft.declarations[declaration.requirementId]?.evidence ?? '').length > RESPONSE_LIMITS.evidenceChars)
      problems.push({
        fieldId: `${fieldIds.declaration(declaration.requirementId)}-evidence`,
        message: `Your evidence for "${declaration.requirementOutcome}" is too long: shorten it to ${RESPONSE_LIMITS.evidenceChars.toLocaleString('en-GB')} characters or fewer`,
      });
  }
  const lines = sentLines(draft);
  if (lines.length > RESPONSE_LIMITS.priceLines)
    problems.push({ fieldId: fieldIds.price, message: `A price can have at most ${RESPONSE_LIMITS.priceLines} lines` });
  lines.forEach((line, index) => {
    for (const problem of priceLineProblems(line))
      problems.push({ fieldId: fieldIds.priceLine(line.key, problem.field), message: `Price line ${index + 1}: ${problem.message}` });
  });
  return problems;
}

/** After a save: the server gave ids to new lines, in the order they were sent. */
export function withLineIds(draft: ResponseDraft, sentKeys: readonly string[], ids: readonly string[]): ResponseDraft {
  const idByKey = new Map(sentKeys.map((key, i) => [key, ids[i]]));
  let changed = false;
  const priceLines = draft.priceLines.map((line) => {
    const id = idByKey.get(line.key);
    if (!id || line.id === id) return line;
    changed = true;
    return { ...line, id };
  });
  return changed ? { ...draft, priceLines } : draft;
}

export function sameDraft(a: ResponseDraft | null, b: ResponseDraft | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One of the supplier's edits that the version saved by someone else does not have. */
export interface Leftover {
  key: string;
  label: string;
  mine: string;
  theirs: string;
  apply: (draft: ResponseDraft) => ResponseDraft;
}

const yesNo = (d: DeclarationDraft | undefined) =>
  `${d?.meets === true ? 'Yes' : d?.meets === false ? 'No' : 'Not answered'}${d?.evidence ? `. ${d.evidence}` : ''}`;
const linesText = (lines: readonly PriceLineDraft[]) =>
  lines
    .filter((l) => !isBlankLine(l))
    .map((l) => `${l.description}: ${l.quantity} × ${l.unitPrice}${l.unit ? ` per ${l.unit}` : ''}`)
    .join('; ');

/**
 * The supplier's edits (since the last version it saved) that differ from the version now on the server,
 * each with a way to put it back: nothing typed is lost when a colleague saved first.
 */
export function leftovers(base: ResponseDraft, mine: ResponseDraft, theirs: ResponseDraft, current: SupplierResponse): Leftover[] {
  const out: Leftover[] = [];
  for (const answer of current.answers) {
    const id = answer.criterionId;
    const own = mine.answers[id] ?? '';
    if (own !== (base.answers[id] ?? '') && own !== (theirs.answers[id] ?? ''))
      out.push({
        key: `answer:${id}`,
        label: `Answer: ${answer.criterionName}`,
        mine: own,
        theirs: theirs.answers[id] ?? '',
        apply: (d) => ({ ...d, answers: { ...d.answers, [id]: own } }),
      });
  }
  for (const declaration of current.declarations) {
    const id = declaration.requirementId;
    const own = mine.declarations[id];
    if (
      own &&
      JSON.stringify(own) !== JSON.stringify(base.declarations[id]) &&
      JSON.stringify(own) !== JSON.stringify(theirs.declarations[id])
    )
      out.push({
        key: `declaration:${id}`,
        label: `Declaration: ${declaration.requirementOutcome}`,
        mine: yesNo(own),
        theirs: yesNo(theirs.declarations[id]),
        apply: (d) => ({ ...d, declarations: { ...d.declarations, [id]: own } }),
      });
  }
  const ownLines = linesText(mine.priceLines);
  if (ownLines !== linesText(base.priceLines) && ownLines !== linesText(theirs.priceLines))
    out.push({
      key: 'price',
      label: 'Price breakdown',
      mine: ownLines,
      theirs: linesText(theirs.priceLines),
      // Their line ids may be gone: put the lines back as new ones.
      apply: (d) => ({ ...d, priceLines: mine.priceLines.map((l) => ({ ...l, id: undefined, key: newLineKey() })) }),
    });
  return out;
}
