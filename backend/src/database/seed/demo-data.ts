import { OrganisationKind, Role, TenderStatus } from '@openbrief/contracts';

export const DEMO_PASSWORD = 'demo-password';

export const DEMO_ORGANISATIONS = {
  buyer: { name: 'Northshire Community Health NHS Trust', kind: OrganisationKind.Buyer, isSme: false },
  supplier: { name: 'Brightpath Digital Ltd', kind: OrganisationKind.Supplier, isSme: true, companyNumber: '12345678' },
} as const;

export const DEMO_USERS = [
  { email: 'buyer@demo.test', name: 'Priya Shah', role: Role.Buyer, organisation: 'buyer' },
  { email: 'evaluator@demo.test', name: 'Dr Tom Evans', role: Role.Evaluator, organisation: 'buyer' },
  { email: 'supplier@demo.test', name: 'Sam Okafor', role: Role.Supplier, organisation: 'supplier' },
] as const;

const DAY = 86_400_000;

/** Dates relative to the seeding moment, so the demo always has a live deadline. */
export function demoTenders(now: Date) {
  return [
    {
      reference: 'NCH-2026-014',
      title: 'Digital front door for community health services',
      status: TenderStatus.Draft,
      summary:
        'Patients and carers find it hard to contact our community nursing, physiotherapy and podiatry teams. ' +
        'We want more people to be able to book, change and ask about their care without phoning, while keeping ' +
        'a phone route for those who need it.',
      estimatedValue: 480_000,
      submissionDeadline: new Date(now.getTime() + 45 * DAY),
      publishedAt: null,
      publishedVersion: 0,
    },
    {
      reference: 'NCH-2026-009',
      title: 'Reducing missed hospital outpatient appointments',
      status: TenderStatus.Published,
      summary:
        'About 1 in 12 outpatient appointments at our hospitals is missed. We want to halve that within two years, ' +
        'especially for patients in our most deprived areas, and we are open to any approach that gets there.',
      estimatedValue: 250_000,
      submissionDeadline: new Date(now.getTime() + 30 * DAY),
      publishedAt: new Date(now.getTime() - 2 * DAY),
      publishedVersion: 1,
    },
  ];
}
