import { type EvaluationRules, type ResponseRules, TieBreakRule } from './tenders';

/**
 * The one description of how a supplier responds, shown on the public tender page, on the signed-in supplier's
 * opportunity page and in the tender pack, so the three never disagree again.
 */
export const HOW_TO_RESPOND_SUMMARY =
  'Respond online through Openbrief. You need a free supplier account. Your response stays sealed until the deadline: nobody, not even the buyer, can read it before then.';

export const HOW_TO_RESPOND_STEPS: readonly string[] = [
  'Create a free supplier account, or sign in.',
  'Open this opportunity and choose "Register interest". We will tell you about changes to the tender and answers to questions.',
  'Ask any questions before questions close. Answers are published to everyone, without your name.',
  'Choose "Start a response". Answer each question, confirm each pass or fail requirement and fill in the price table. Your work saves as you go.',
  'Choose "Submit" before the deadline. You get a receipt with a time stamp. You can withdraw and submit again until the deadline.',
];

/** What a supplier may attach, in one plain sentence: the tender pack, the tender page and the history say it alike. */
export function attachmentRuleText(r: ResponseRules): string {
  if (!r.attachmentsAllowed) return 'You cannot attach documents: give every answer in the response form.';
  const count = r.maxAttachments === 1 ? '1 document' : `up to ${r.maxAttachments} documents`;
  return `You may attach ${count} to your response, each no larger than ${r.maxAttachmentMb} MB.`;
}

/**
 * How the panel will treat a bid, in the sentences a supplier needs: blind marking, when prices are seen, how a tie
 * is broken and how an abnormally low price is handled. The panel's own working rules (near-tie margin, justification
 * length, moderation spread) are not a supplier's concern and are not said. The pack and the tender page use these.
 */
export function evaluationRuleSentences(r: EvaluationRules): string[] {
  const out: string[] = [];
  out.push(
    r.blindMarking
      ? 'Evaluators mark quality and social value answers blind. They see “Response A”, “Response B” and so on, not your name. Do not name your organisation in those answers.'
      : 'Evaluators see your organisation’s name beside your answers.',
  );
  if (r.priceHiddenUntilModerated)
    out.push('Evaluators see no prices until the panel has agreed every quality score. So price cannot sway the quality marks.');
  out.push(
    r.tieBreak === TieBreakRule.LowerPrice
      ? 'If two bids have the same total (to 2 decimal places), we rank the one with the lower price first.'
      : 'If two bids have the same total (to 2 decimal places), we rank the one with the higher quality score first.',
  );
  out.push(
    `We will check any price more than ${r.abnormallyLowPercent}% below the average price or our estimate. We will ask the bidder to explain it. We never reject a bid for a low price without asking first.`,
  );
  return out;
}
