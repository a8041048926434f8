import { OrganisationKind, Role } from '@openbrief/contracts';

export const DEMO_PASSWORD = 'demo-password';

export const DEMO_ORGANISATIONS = {
  buyer: { name: 'Northshire Community Health NHS Trust', kind: OrganisationKind.Buyer, isSme: false, companyNumber: null },
  supplier: { name: 'Brightpath Digital Ltd', kind: OrganisationKind.Supplier, isSme: true, companyNumber: '12345678' },
} as const;

export const DEMO_USERS = [
  { email: 'buyer@demo.test', name: 'Priya Shah', role: Role.Buyer, organisation: 'buyer' },
  { email: 'evaluator@demo.test', name: 'Dr Tom Evans', role: Role.Evaluator, organisation: 'buyer' },
  { email: 'supplier@demo.test', name: 'Sam Okafor', role: Role.Supplier, organisation: 'supplier' },
] as const;
