import { IdentityAndTenders1763769600000 } from './1763769600000-IdentityAndTenders';

/** In order. Add each new migration here (see docs/development.md). */
export const MIGRATIONS = [IdentityAndTenders1763769600000];
