import { RESPONSE_RULES_HEADING, TENDER_FIELDS, TenderContent, responseRuleProblems, weightProblems } from '@openbrief/contracts';

export type GuidedStepId =
  'problem' | 'users' | 'outcomes' | 'measures' | 'room' | 'evaluation' | 'summary' | 'dates' | 'responding' | 'contact';

export interface Example {
  readonly text: string;
  readonly why: string;
}

export interface GuidedStep {
  readonly id: GuidedStepId;
  /** In the list of steps. */
  readonly label: string;
  /** The page's question: its h1 (for a step that asks one field, the field's own question in TENDER_FIELDS). */
  readonly question: string;
  readonly hint: string;
  readonly good: readonly Example[];
  readonly bad: readonly Example[];
  /** Whether a field (by DOM id) belongs to this step, for its error summary. */
  owns(fieldId: string): boolean;
  /** True once the step has an answer. */
  done(c: TenderContent): boolean;
}

const requirements = (c: TenderContent) => c.lots.flatMap((l) => l.requirements);

/** The guided route through a tender: the problem first, the solution never. */
export const GUIDED_STEPS: readonly GuidedStep[] = [
  {
    id: 'problem',
    label: 'The problem',
    question: TENDER_FIELDS.problem.label,
    hint: TENDER_FIELDS.problem.hint,
    good: [
      {
        text: 'Our phone line takes 14,000 calls a month and a third are abandoned. 1 in 10 community appointments is missed, often because the letter arrived late.',
        why: 'Says what goes wrong, for whom, and gives figures.',
      },
    ],
    bad: [
      {
        text: 'We need a new online booking system built on Microsoft Dynamics.',
        why: 'Names a solution and a product, so suppliers with better ideas cannot offer them.',
      },
    ],
    owns: (id) => ['problem', 'work-done', 'engagement-summary', 'no-engagement-reason'].includes(id),
    done: (c) => !!c.problem.trim(),
  },
  {
    id: 'users',
    label: 'Who the users are',
    question: TENDER_FIELDS.users.label,
    hint: TENDER_FIELDS.users.hint,
    good: [
      {
        text: 'Patients of all ages, many over 75, and their carers. 12 community teams who book appointments. About 1 in 5 patients does not use the internet.',
        why: 'Names each group and what makes their needs different.',
      },
    ],
    bad: [{ text: 'End users.', why: 'Does not say who they are or what they need.' }],
    owns: (id) => id === 'users',
    done: (c) => !!c.users.trim(),
  },
  {
    id: 'outcomes',
    label: 'Outcomes',
    question: 'What must be true when this works?',
    hint: 'Write each outcome as a result for people, not a task, a product or a method. Start with who benefits. The checker underlines wording that would shut suppliers out.',
    good: [
      {
        text: 'Patients can book, change or cancel an appointment without phoning, at any time of day.',
        why: 'A result for people, open to any solution.',
      },
      { text: 'Booking staff spend less time on routine calls.', why: 'Measurable, and leaves the “how” to suppliers.' },
    ],
    bad: [
      { text: 'The supplier must provide a Salesforce CRM with 5 licences.', why: 'Names a product and a quantity instead of a result.' },
      { text: 'The system shall be user-friendly.', why: 'Vague: nobody can tell whether it has been achieved.' },
    ],
    owns: (id) => id.startsWith('outcome-') || /^req-.*-why$/.test(id),
    done: (c) => requirements(c).some((r) => !!r.outcome.trim()),
  },
  {
    id: 'measures',
    label: 'Measures',
    question: 'How will you know each outcome has been achieved?',
    hint: 'For each outcome, say what you will count or check, where things are now, and the target. If you do not know the baseline yet, say how you will find it.',
    good: [
      {
        text: 'Share of bookings made without a phone call: now 0%, target 40% within a year.',
        why: 'Clear measure, baseline and target.',
      },
    ],
    bad: [{ text: 'Improved satisfaction.', why: 'No measure, no baseline, no target.' }],
    owns: (id) => /^req-.*-(measure|baseline|target|unit)$/.test(id),
    done: (c) => requirements(c).length > 0 && requirements(c).every((r) => !!r.measure.description.trim()),
  },
  {
    id: 'room',
    label: 'Room for proposals',
    question: 'What are suppliers free to propose?',
    hint: 'For each outcome, say what is open: the approach, technology, staffing, channel, even how you work. The more room you leave, the more ideas and the better value you will get.',
    good: [
      { text: 'Any channel or combination: web, app, text message, or the NHS App.', why: 'Invites ideas you might not have thought of.' },
    ],
    bad: [{ text: 'None.', why: 'Leaves suppliers only one way to bid, so you compare price alone.' }],
    owns: (id) => /^req-.*-room$/.test(id),
    done: (c) => requirements(c).length > 0 && requirements(c).every((r) => !!r.roomForProposals.trim()),
  },
  {
    id: 'evaluation',
    label: 'How bids are scored',
    question: 'How will you score the bids?',
    hint: 'Weight each criterion by how much it matters. At each level the weights must add up to 100%. Most outcome-based tenders give quality more weight than price.',
    good: [{ text: 'Quality 60%, Price 30%, Social value 10%.', why: 'Rewards good proposals and follows the guidance on social value.' }],
    bad: [{ text: 'Price 100%.', why: 'Ignores how well a bid achieves the outcomes.' }],
    owns: (id) => id.startsWith('criterion-') || /^lot-.*-(criteria|price-method|price-\w+|rules-abnormallyLowPercent)$/.test(id),
    done: (c) =>
      c.lots.every(
        (l) =>
          l.evaluationModel.criteria.length > 0 &&
          l.evaluationModel.criteria.every((cr) => Number.isFinite(cr.weight)) &&
          weightProblems(l.evaluationModel.criteria).length === 0,
      ),
  },
  {
    id: 'summary',
    label: 'Summary',
    question: TENDER_FIELDS.summary.question,
    hint: TENDER_FIELDS.summary.hint,
    good: [
      {
        text: 'We want more patients to be able to book and change community appointments without phoning, while keeping a phone line for those who need it.',
        why: 'Plain English; says the result and who it is for.',
      },
    ],
    bad: [
      {
        text: 'Provision of a digital front door solution (DFD) for CHS.',
        why: 'Jargon and abbreviations; says nothing about the result.',
      },
    ],
    owns: (id) => ['summary', 'title', 'main-category'].includes(id) || id.startsWith('regions'),
    done: (c) => !!c.summary.trim(),
  },
  {
    id: 'dates',
    label: 'Key dates',
    question: 'When are the key dates?',
    hint: 'All times are UK time. Give suppliers enough time: at least 25 days from publishing to the deadline for bids is usual for an open procedure.',
    good: [],
    bad: [],
    owns: (id) => id.startsWith('timetable-'),
    done: (c) => !!c.timetable.submissionDeadline,
  },
  {
    id: 'responding',
    label: RESPONSE_RULES_HEADING,
    question: 'How should suppliers respond?',
    hint: 'Suppliers answer your questions in a form on Openbrief. Choose whether they may also attach documents, and whether opening the responses needs two people.',
    good: [],
    bad: [],
    owns: (id) => id.startsWith('response-rules-'),
    // The defaults are a sound choice, so the step is done unless a number is out of range.
    done: (c) => responseRuleProblems(c.responseRules).length === 0,
  },
  {
    id: 'contact',
    label: 'Contact',
    question: 'Who can suppliers contact with questions?',
    hint: 'Suppliers will see this on the published tender.',
    good: [],
    bad: [],
    owns: (id) => id.startsWith('contact-'),
    done: (c) => !!c.contact.email.trim(),
  },
];

export function guidedStep(id: string): GuidedStep | undefined {
  return GUIDED_STEPS.find((s) => s.id === id);
}
