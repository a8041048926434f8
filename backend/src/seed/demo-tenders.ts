import { PriceMethod, ProcurementCategory, RequirementKind, type TenderContent, TieBreakRule } from '@openbrief/contracts';
import { buildContent } from '../modules/tenders/templates/template-builder';

const DAY = 86_400_000;
const at = (now: Date, days: number, hour = 12) => {
  const d = new Date(now.getTime() + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

const contact = { name: 'Priya Shah', email: 'procurement@northshire-nhs.test', phone: '01632 960 123' };

/** A realistic draft: the buyer is still writing it, and a few statements are deliberately prescriptive. */
export function demoDraft(now: Date): TenderContent {
  const c = buildContent({
    title: 'Digital front door for community health services',
    summary:
      'Patients and carers find it hard to contact our community nursing, physiotherapy and podiatry teams. We want more people to be able to book, change and ask about their care without phoning, while keeping a phone route for those who need it.',
    problem:
      'Our single phone line takes 14,000 calls a month; a third are abandoned. Letters about appointments arrive late, and 1 in 10 community appointments is missed.',
    users: 'Patients of all ages, many over 75; carers and families; our clinical and booking staff in 12 community teams.',
    estimatedValue: 480_000,
    mainCategory: ProcurementCategory.Services,
    // Northshire is in the North East.
    regions: ['TLC'],
    outcomes: [
      {
        heading: 'Patients and carers',
        outcome: 'Patients can book, change or cancel a community appointment without phoning, at any time of day.',
        why: 'Phone queues put people off and waste staff time.',
        measure: 'Share of bookings and changes made without a phone call',
        baseline: '0%',
        target: '40% within a year',
        unit: '% of bookings',
        room: 'Any channel or combination: web, app, text message, NHS App integration.',
      },
      {
        heading: 'Patients and carers',
        outcome: 'The solution must be built with Microsoft Power Apps and hosted on Azure.',
        why: 'Our IT team knows these tools.',
        measure: '',
        room: '',
      },
      {
        heading: 'Staff',
        outcome: 'Booking staff spend less time on routine calls.',
        why: 'Time saved goes into complex cases.',
        measure: 'Routine calls handled per week',
        baseline: '3,300',
        target: 'Under 2,000',
        unit: 'calls a week',
        room: 'How work moves between channels and teams.',
      },
    ],
    qualityQuestions: [
      {
        name: 'Outcomes for patients',
        description: 'How your proposal helps patients and carers reach us without phoning.',
        wordLimit: 750,
        outcomeIndexes: [0, 1],
      },
      { name: 'Outcomes for staff', description: 'How your proposal reduces routine calls.', wordLimit: 500, outcomeIndexes: [2] },
    ],
  });
  c.contact = contact;
  c.location = 'Northshire, England';
  c.timetable = {
    ...c.timetable,
    clarificationDeadline: at(now, 30),
    answersPublishedBy: at(now, 35),
    submissionDeadline: at(now, 45),
    expectedAward: at(now, 75),
  };
  // Still being decided: the defaults, with room for a larger demonstration video.
  c.responseRules = { attachmentsAllowed: true, maxAttachments: 5, maxAttachmentMb: 20, twoPersonOpening: false };
  // Price scored against the budget rather than the lowest bid, so one very low price cannot distort every score.
  c.budget = { ...c.budget, min: 350_000, max: 500_000 };
  const model = c.lots[0].evaluationModel;
  model.priceMethod = PriceMethod.LinearBudgetToFloor;
  model.rules = { ...model.rules, price: { ...model.rules.price, floorPrice: 300_000 } };
  return c;
}

/** A published tender: complete, outcome-based, passes every check. */
export function demoPublished(now: Date): TenderContent {
  const c = buildContent({
    title: 'Reducing missed hospital outpatient appointments',
    summary:
      'About 1 in 12 outpatient appointments at our hospitals is missed. We want to halve that within two years, especially for patients in our most deprived areas, and we are open to any approach that gets there.',
    problem:
      'In 2025 patients missed 41,000 outpatient appointments. Each costs about £160 and delays care for someone else. Missed appointments are twice as common in our most deprived neighbourhoods.',
    users: 'Outpatients and their carers, including people who do not speak English as a first language; clinic and booking staff.',
    workDone: 'We send text reminders 3 days before each appointment. They reduced missed appointments by 1 percentage point.',
    estimatedValue: 250_000,
    mainCategory: ProcurementCategory.Services,
    // The trust's hospitals are in the North East; some outpatient clinics are over the border in Yorkshire.
    regions: ['TLC', 'TLE'],
    outcomes: [
      {
        heading: 'Attendance',
        outcome: 'Fewer patients miss their outpatient appointments.',
        why: 'Missed appointments delay care and waste clinic time.',
        measure: 'Missed appointment rate across all clinics',
        baseline: '8.2%',
        target: '4% or lower',
        unit: '% of appointments',
        room: 'Any approach: reminders, transport, rebooking, community outreach, or something we have not thought of.',
      },
      {
        heading: 'Attendance',
        outcome: 'The gap in attendance between our most and least deprived areas narrows.',
        why: 'Health inequalities are a priority for our board.',
        measure: 'Difference in missed appointment rate between most and least deprived quintiles',
        baseline: '6 percentage points',
        target: '3 percentage points',
        unit: 'percentage points',
        room: 'How you reach the people least likely to attend.',
      },
      {
        heading: 'Data and privacy',
        outcome: 'Patient data is processed lawfully and securely.',
        why: 'This is a legal requirement.',
        measure: 'A completed Data Security and Protection Toolkit return, or equivalent evidence',
        room: 'How you meet it.',
        kind: RequirementKind.Mandatory,
      },
    ],
    qualityQuestions: [
      {
        name: 'Reducing missed appointments',
        description: 'Your approach and the evidence that it will work.',
        wordLimit: 1000,
        outcomeIndexes: [0, 1],
      },
      { name: 'Protecting patient data', description: 'How you will keep patient data safe.', wordLimit: 500, outcomeIndexes: [2] },
    ],
  });
  c.contact = contact;
  c.location = 'Northshire, England';
  c.engagementSummary =
    'Six suppliers came to our engagement event. Because of what they told us, we now describe the result we want instead of a reminder service, and we allow three months to set up before the service starts.';
  c.timetable = {
    ...c.timetable,
    clarificationDeadline: at(now, 20),
    answersPublishedBy: at(now, 23),
    submissionDeadline: at(now, 30),
    evaluationStart: at(now, 31),
    evaluationEnd: at(now, 45),
    expectedAward: at(now, 50),
    contractStart: at(now, 90),
  };
  // Open to suppliers from the moment the demo starts (deadlines above are in the future): a short case study or
  // two is enough, and patient data makes a second person at the opening worth the effort.
  c.responseRules = { attachmentsAllowed: true, maxAttachments: 3, maxAttachmentMb: 10, twoPersonOpening: true };
  // Blind marking with prices hidden until quality is moderated; a tie goes to the better quality, and the panel
  // writes at least a couple of sentences for each score.
  const model = c.lots[0].evaluationModel;
  model.rules = { ...model.rules, tieBreak: TieBreakRule.HigherQuality, minJustificationChars: 80, abnormallyLowPercent: 20 };
  return c;
}
