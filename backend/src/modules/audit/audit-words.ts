/**
 * An audit entry in the buyer's words, without the actor ("published version 2"), so the trail reads
 * "Priya Shah published version 2". Details come from the log as stored; a value of the wrong type (an
 * older event shape, or a tampered row that verify will report) is left out rather than trusted.
 */
const STATUS_WORDS: Record<string, string> = {
  draft: 'draft',
  in_review: 'in review',
  published: 'published',
  closed: 'closed',
  evaluating: 'evaluating',
  awarded: 'awarded',
  cancelled: 'cancelled',
};

const ROLE_WORDS: Record<string, string> = {
  admin: 'an administrator',
  buyer: 'a buyer',
  evaluator: 'an evaluator',
  supplier: 'a supplier',
};

const SIGN_IN_REASONS: Record<string, string> = {
  'wrong-password': 'wrong password',
  'unknown-account': 'no such account',
  throttled: 'too many attempts',
};

/** How many changed fields a saved entry names before "and N more". */
const FIELDS_NAMED = 8;

type Describe = (d: Record<string, unknown>) => string;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const whole = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const status = (v: unknown) => STATUS_WORDS[String(v)] ?? String(v ?? 'unknown');
const role = (v: unknown) => ROLE_WORDS[String(v)] ?? 'someone';
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const quoted = (v: string) => `“${v}”`;

function listFields(fields: string[]): string {
  if (fields.length <= FIELDS_NAMED) return fields.join(', ');
  return `${fields.slice(0, FIELDS_NAMED).join(', ')} and ${fields.length - FIELDS_NAMED} more`;
}

const DESCRIBE: Record<string, Describe> = {
  'tender.created': (d) => {
    const title = text(d['title']);
    const reference = text(d['reference']);
    return `created the tender${title ? ` ${quoted(title)}` : ''}${reference ? ` (${reference})` : ''}`;
  },
  'tender.saved': (d) => {
    const fields = texts(d['changedFields']);
    const live = d['source'] === 'live';
    if (!fields.length) return live ? 'saved live edits' : 'saved the tender';
    return `saved ${plural(fields.length, 'change')}${live ? ' from live editing' : ''}: ${listFields(fields)}`;
  },
  'tender.status-changed': (d) => {
    const reason = text(d['reason']);
    const to = String(d['to']);
    const what = to === 'cancelled' ? 'cancelled the tender' : `moved the tender from ${status(d['from'])} to ${status(to)}`;
    return reason ? `${what}, giving the reason ${quoted(reason)}` : what;
  },
  'tender.published': (d) => {
    const version = whole(d['version']);
    const note = text(d['changeNote']);
    return `published ${version ? `version ${version}` : 'the tender'}${note ? ` with the change note ${quoted(note)}` : ''}`;
  },
  'tender.pack-made': (d) => {
    const version = whole(d['version']);
    return `made the tender pack${version ? ` for version ${version}` : ''}`;
  },
  'comment.resolved': () => 'resolved a comment thread',
  'invitation.sent': (d) => {
    const domain = text(d['emailDomain']);
    return `invited someone${domain ? ` at ${domain}` : ''} to join as ${role(d['role'])}`;
  },
  'invitation.accepted': (d) => `accepted an invitation and joined as ${role(d['role'])}`,
  'user.role-changed': (d) => `changed someone's role ${d['from'] ? `from ${role(d['from'])} ` : ''}to ${role(d['to'])}`,
  'identity.sign-in-failed': (d) => {
    const reason = SIGN_IN_REASONS[String(d['reason'])];
    return `recorded a failed sign-in${reason ? ` (${reason})` : ''}`;
  },
  'account.profile-changed': () => 'changed their name',
  'account.password-changed': () => 'changed their password',
  'organisation.details-changed': (d) => {
    const fields = texts(d['changedFields']);
    return `changed the organisation's details${fields.length ? `: ${listFields(fields)}` : ''}`;
  },
  // Interest and responses before opening: no tender and no content is recorded, so the words say no more.
  'interest.registered': () => 'registered interest in a tender',
  'interest.withdrawn': () => 'withdrew interest in a tender',
  'question.asked': (d) => {
    const words = whole(d['words']);
    return `asked a clarification question${words !== null ? ` (${plural(words, 'word')})` : ''}`;
  },
  'question.answer-drafted': () => 'saved a draft answer to a clarification question',
  'question.answered': (d) => {
    const number = whole(d['number']);
    const reason = text(d['privateReason']);
    if (d['visibility'] === 'private')
      return `answered a clarification question privately${reason ? `, giving the reason ${quoted(reason)}` : ''}`;
    return `published the answer to clarification question${number ? ` ${number}` : ''}`;
  },
  'response.started': () => 'started a response',
  'response.saved': (d) => {
    const revision = whole(d['revision']);
    return `saved a response${revision ? ` (revision ${revision})` : ''}`;
  },
  'response.attachment-added': () => 'attached a document to a response',
  'response.attachment-removed': () => 'removed a document from a response',
  'response.submitted': (d) => {
    const sequence = whole(d['sequence']);
    const sha = text(d['sha256']);
    return `submitted a response${sequence && sequence > 1 ? ` (submission ${sequence})` : ''}${sha ? `, SHA-256 ${sha}` : ''}`;
  },
  'response.withdrawn': () => 'withdrew a response',
  'response.changes-confirmed': (d) => {
    const to = whole(d['toVersion']);
    return `confirmed a response against the changed tender${to ? ` (version ${to})` : ''}`;
  },
  'responses.opening-requested': () => 'asked to open the responses (a second member of the team must confirm)',
  'responses.opened': (d) => {
    const count = whole(d['count']);
    const confirmed = d['confirmedBy'] ? ', confirmed by a second member of the team' : '';
    return `opened the responses${count !== null ? ` (${plural(count, 'response')} counted)` : ''}${confirmed}`;
  },
  // Evaluation: ids and scores only (texts stay in their rows), so the words name what happened, not who was scored.
  'evaluation.panel-formed': (d) => {
    const revision = whole(d['revision']);
    const evaluators = Array.isArray(d['evaluators']) ? d['evaluators'].length : null;
    const what = revision && revision > 1 ? 're-formed an evaluation panel' : 'formed an evaluation panel';
    return `${what}${evaluators !== null ? ` with ${plural(evaluators, 'evaluator')} and a moderator` : ''}`;
  },
  'evaluation.conflicts-declared': (d) => {
    const all = Array.isArray(d['declarations']) ? (d['declarations'] as unknown[]) : [];
    const conflicts = all.filter((x) => x && typeof x === 'object' && (x as Record<string, unknown>)['conflict'] === true).length;
    return conflicts
      ? `declared a conflict of interest with ${plural(conflicts, 'bidder')} (of ${all.length})`
      : `declared no conflict of interest with any of ${plural(all.length, 'bidder')}`;
  },
  'evaluation.conflict-handled': (d) => {
    const handling = text(d['handling']);
    return `recorded how a declared conflict of interest was handled${handling ? `: ${quoted(handling)}` : ''}`;
  },
  'evaluation.gate-recorded': (d) => {
    const reason = text(d['reason']);
    const what = d['passed'] === false ? 'failed a bid on a pass/fail requirement' : 'restored a bid on a pass/fail requirement';
    return `${what}${reason ? `, giving the reason ${quoted(reason)}` : ''}`;
  },
  'evaluation.scores-submitted': (d) => {
    const scores = Array.isArray(d['scores']) ? d['scores'].length : null;
    return `submitted ${scores !== null ? plural(scores, 'score') : 'scores'} for a criterion`;
  },
  'evaluation.consensus-recorded': (d) => {
    const score = whole(d['score']);
    const previous = whole(d['previous']);
    const what = previous !== null ? `revised a consensus score from ${previous}` : 'recorded a consensus score';
    return `${what}${score !== null ? ` to ${score}` : ''}`;
  },
  'award.price-investigated': (d) => {
    const outcome = d['outcome'] === 'rejected' ? 'rejected the bid' : d['outcome'] === 'accepted' ? 'accepted the price' : null;
    return `recorded the investigation of an abnormally low price${outcome ? ` and ${outcome}` : ''}`;
  },
  'award.decided': (d) =>
    d['departsFromRanking'] === true
      ? 'recorded the award decision, departing from the ranking with reasons'
      : 'recorded the award decision',
  'award.summary-issued': (d) => {
    const sha = text(d['sha256']);
    return `issued an assessment summary${sha ? `, SHA-256 ${sha}` : ''}`;
  },
  'award.notice-published': (d) => {
    const lastDay = text(d['standstillLastDay']);
    return `published the contract award notice${lastDay ? `; the standstill runs to the end of ${lastDay}` : ''}`;
  },
  'award.contract-entered': () => 'recorded that the contract was entered into',
  // Market engagement: the trail is the buying team's, so it names the supplier (the public never sees it).
  'engagement.published': (d) => {
    const outcomes = whole(d['outcomes']);
    return `published the draft outcomes for market engagement${outcomes !== null ? ` (${plural(outcomes, 'outcome')})` : ''}`;
  },
  'engagement.closed': () => 'closed market engagement',
  'engagement.feedback-given': (d) => {
    const number = text(d['requirementNumber']);
    const supplier = text(d['supplierName']);
    const what = d['kind'] === 'alternative' ? 'proposed an alternative' : 'commented';
    return `${what}${supplier ? ` for ${supplier}` : ''} on ${number ? `requirement ${number}` : 'a draft outcome'}`;
  },
  'engagement.feedback-adopted': (d) => {
    const number = text(d['requirementNumber']);
    const supplier = text(d['supplierName']);
    return `adopted ${supplier ? `${supplier}'s` : "a supplier's"} suggestion for ${number ? `requirement ${number}` : 'a draft outcome'}`;
  },
  'engagement.registered': (d) => {
    const attendees = whole(d['attendees']);
    const supplier = text(d['supplierName']);
    return `registered ${attendees !== null ? plural(attendees, 'person', 'people') : 'people'}${supplier ? ` from ${supplier}` : ''} for the engagement event`;
  },
  'engagement.registration-withdrawn': (d) => {
    const supplier = text(d['supplierName']);
    return `withdrew${supplier ? ` ${supplier}'s` : ' a'} registration for the engagement event`;
  },
};

/** The words for an entry; an action this version does not know reads as its name ("bid.submitted" → "bid submitted"). */
export function describeAudit(action: string, detailsJson: string): string {
  let details: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(detailsJson);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) details = parsed as Record<string, unknown>;
  } catch {
    // Unreadable details: describe the action alone.
  }
  const describe = DESCRIBE[action];
  return describe ? describe(details) : action.replace(/[.-]/g, ' ');
}
