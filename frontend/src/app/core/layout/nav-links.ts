import { Role } from '@openbrief/contracts';

export interface NavLink {
  readonly label: string;
  readonly path: string;
}

const PUBLIC_LINKS: readonly NavLink[] = [{ label: 'Find opportunities', path: '/opportunities' }];

const LINKS_BY_ROLE: Record<Role, readonly NavLink[]> = {
  [Role.Buyer]: [
    { label: 'Tenders', path: '/tenders' },
    { label: 'Invite to team', path: '/team/invite' },
    { label: 'Opportunities', path: '/opportunities' },
  ],
  [Role.Admin]: [
    { label: 'Tenders', path: '/tenders' },
    { label: 'Invite to team', path: '/team/invite' },
    { label: 'Opportunities', path: '/opportunities' },
  ],
  // Evaluators read published tenders as everyone does; buyers' drafts are not theirs.
  [Role.Evaluator]: [
    { label: 'Evaluations', path: '/evaluations' },
    { label: 'Opportunities', path: '/opportunities' },
  ],
  [Role.Supplier]: [
    { label: 'Opportunities', path: '/opportunities' },
    { label: 'Your responses', path: '/responses' },
  ],
};

export function navLinksFor(role: Role | null): readonly NavLink[] {
  return role ? LINKS_BY_ROLE[role] : PUBLIC_LINKS;
}
