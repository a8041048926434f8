import { RequirementKind, type TenderContent, type TenderTemplateSummary } from '@openbrief/contracts';
import { buildContent, type ContentSeed } from './template-builder';

/** Starting points, each itself outcome-based: they show the buyer what good looks like. */
const TEMPLATES: (TenderTemplateSummary & { seed: Omit<ContentSeed, 'title'> })[] = [
  {
    id: 'digital-service',
    name: 'Digital service',
    description: 'A public-facing online service: start from the users and what they need to get done.',
    seed: {
      summary: '',
      problem: '',
      users: '',
      outcomes: [
        {
          heading: 'Users',
          outcome: 'People can complete the task online without help, first time.',
          why: 'Failed attempts become phone calls and delays.',
          measure: 'Share of people who complete the task online unaided',
          baseline: 'Not measured',
          target: '80%',
          unit: '% of attempts',
          room: 'Any design, technology or channel; you may propose assisted-digital support.',
        },
        {
          heading: 'Users',
          outcome: 'Disabled people can use the service as easily as anyone else.',
          why: 'It is a legal duty and a quarter of our users have a disability.',
          measure: 'Conformance to WCAG 2.2 AA or equivalent, and task completion in testing with disabled users',
          target: 'No failures at level A or AA',
          room: 'How you test and with whom.',
        },
        {
          heading: 'Running the service',
          outcome: 'The service is available when people need it.',
          why: 'Most people use it in the evening.',
          measure: 'Availability each month',
          target: '99.5%',
          unit: '% of time',
          room: 'Hosting, architecture and support model are for you to propose.',
        },
      ],
      qualityQuestions: [
        {
          name: 'Meeting user needs',
          description: 'How your proposal will achieve the user outcomes, and how you will know.',
          wordLimit: 750,
          outcomeIndexes: [0, 1],
        },
        {
          name: 'Running a reliable service',
          description: 'How you will keep the service available and improve it.',
          wordLimit: 500,
          outcomeIndexes: [2],
        },
      ],
    },
  },
  {
    id: 'clinical-system',
    name: 'Clinical system',
    description: 'A system used by clinicians: outcomes for patients and staff, safety, and working with existing records.',
    seed: {
      summary: '',
      problem: '',
      users: '',
      constraints:
        'Patient records must stay in our existing electronic patient record; data must be exchanged using an open standard such as HL7 FHIR or an equivalent.',
      outcomes: [
        {
          heading: 'Patient safety',
          outcome: 'Clinicians have the information they need at the point of care.',
          why: 'Missing information leads to repeated tests and delayed treatment.',
          measure: 'Share of appointments where key information was missing',
          baseline: 'Audit figure',
          target: 'Under 2%',
          unit: '% of appointments',
          room: 'How information is gathered and presented.',
        },
        {
          heading: 'Staff time',
          outcome: 'Clinicians spend less time on record-keeping.',
          why: 'Time saved goes back into patient care.',
          measure: 'Minutes of record-keeping per appointment',
          baseline: '12 minutes',
          target: '6 minutes',
          unit: 'minutes',
          room: 'Any approach, including changes to how we work.',
        },
        {
          heading: 'Safety and compliance',
          outcome: 'The system meets the clinical risk management standards DCB0129 and DCB0160.',
          why: 'These are mandatory for health IT in England.',
          measure: 'A clinical safety case accepted by our Clinical Safety Officer',
          room: 'How you produce and maintain the safety case.',
          kind: RequirementKind.Mandatory,
        },
      ],
      qualityQuestions: [
        {
          name: 'Outcomes for patients and staff',
          description: 'How you will achieve the patient safety and staff time outcomes.',
          wordLimit: 750,
          outcomeIndexes: [0, 1],
        },
        {
          name: 'Clinical safety',
          description: 'How you will manage clinical risk throughout the contract.',
          wordLimit: 500,
          outcomeIndexes: [2],
        },
      ],
    },
  },
  {
    id: 'facilities-services',
    name: 'Facilities services',
    description: 'Cleaning, maintenance or grounds: outcomes in the condition of buildings, not hours worked.',
    seed: {
      summary: '',
      problem: '',
      users: '',
      outcomes: [
        {
          heading: 'Condition',
          outcome: 'Rooms are clean and ready for use at the start of each day.',
          why: 'Unready rooms delay services.',
          measure: 'Share of rooms passing the daily inspection',
          target: '98%',
          unit: '% of rooms',
          room: 'Staffing, schedules, methods and equipment are for you to propose.',
        },
        {
          heading: 'Responsiveness',
          outcome: 'Urgent problems are made safe quickly.',
          why: 'Hazards put people at risk.',
          measure: 'Time from report to made safe',
          target: 'Within 4 hours',
          unit: 'hours',
          room: 'How you organise cover and response.',
        },
        {
          heading: 'Environment',
          outcome: 'The service produces less carbon each year.',
          why: 'We have committed to net zero by 2040.',
          measure: 'Carbon emissions of the service',
          baseline: 'Year 1 figure',
          target: '10% less each year',
          unit: 'tonnes CO2e',
          room: 'Products, vehicles and methods.',
        },
      ],
      qualityQuestions: [
        {
          name: 'Keeping buildings ready',
          description: 'How you will achieve the condition and responsiveness outcomes.',
          wordLimit: 750,
          outcomeIndexes: [0, 1],
        },
        { name: 'Reducing carbon', description: 'Your plan to reduce emissions year on year.', wordLimit: 500, outcomeIndexes: [2] },
      ],
    },
  },
];

export function listTemplates(): TenderTemplateSummary[] {
  return TEMPLATES.map(({ id, name, description }) => ({ id, name, description }));
}

export function templateContent(id: string, title: string): TenderContent | null {
  const t = TEMPLATES.find((x) => x.id === id);
  return t ? buildContent({ ...t.seed, title }) : null;
}
