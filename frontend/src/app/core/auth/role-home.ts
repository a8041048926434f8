import { Role } from '@openbrief/contracts';

/** Where each role starts after signing in. */
export function homeFor(role: Role): string {
  switch (role) {
    case Role.Admin:
    case Role.Buyer:
      return '/tenders';
    case Role.Evaluator:
      return '/evaluations';
    case Role.Supplier:
      return '/opportunities';
  }
}

/** Only same-site paths, so a crafted link cannot bounce users to another site. */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return null;
  }
  return value.startsWith('/sign-in') ? null : value;
}
