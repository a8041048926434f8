import type { CurrentUser } from '@openbrief/contracts';
import type { Actor } from '../../common/events/domain-events';

export const actorOf = (user: CurrentUser): Actor => ({ userId: user.id, name: user.name, organisationId: user.organisation.id });
