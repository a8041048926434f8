import { Role } from '@openbrief/contracts';

const ROLE_NAMES: Record<Role, string> = {
  [Role.Admin]: 'Administrator',
  [Role.Buyer]: 'Buyer',
  [Role.Evaluator]: 'Evaluator',
  [Role.Supplier]: 'Supplier',
};

/** A role as people read it. */
export function roleName(role: Role): string {
  return ROLE_NAMES[role];
}
