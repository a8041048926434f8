import type { CurrentUser } from '@openbrief/contracts';
import type { Organisation } from './entities/organisation.entity';
import type { User } from './entities/user.entity';

export function toCurrentUser(user: User, organisation: Organisation): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind },
  };
}
