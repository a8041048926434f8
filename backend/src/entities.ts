import type { DataSourceOptions } from 'typeorm';
import type { Settings } from './config/settings';
import { dataSourceOptions } from './database/data-source';
import { AuditEvent } from './modules/audit/entities/audit-event.entity';
import { CommentThread } from './modules/comments/entities/comment-thread.entity';
import { TenderComment } from './modules/comments/entities/tender-comment.entity';
import { Invitation } from './modules/identity/entities/invitation.entity';
import { Organisation } from './modules/identity/entities/organisation.entity';
import { Session } from './modules/identity/entities/session.entity';
import { User } from './modules/identity/entities/user.entity';
import { PublishedTender } from './modules/marketplace/entities/published-tender.entity';
import { SavedSearchRow } from './modules/marketplace/entities/saved-search.entity';
import { Criterion } from './modules/tenders/entities/criterion.entity';
import { Lot } from './modules/tenders/entities/lot.entity';
import { Requirement } from './modules/tenders/entities/requirement.entity';
import { TenderRevision } from './modules/tenders/entities/tender-revision.entity';
import { TenderVersion } from './modules/tenders/entities/tender-version.entity';
import { Tender } from './modules/tenders/entities/tender.entity';
import { CLARIFICATION_ENTITIES } from './modules/clarifications/entities';
import { NOTIFICATION_ENTITIES } from './modules/notifications/entities';
import { RESPONSE_ENTITIES } from './modules/responses/entities';
import { VAULT_ENTITIES } from './modules/vault/entities';
import { EVALUATION_ENTITIES } from './modules/evaluation/entities';
import { AWARD_ENTITIES } from './modules/award/entities';
import { ENGAGEMENT_ENTITIES } from './modules/engagement/entities';

/**
 * Every module's entities, for processes that build a DataSource without Nest (command-line tools,
 * migration tests). The app itself does not use this list: each module registers its own entities with
 * `TypeOrmModule.forFeature` and the data source loads them (`autoLoadEntities`). Listed explicitly:
 * globs break once the app is bundled. `test/architecture.spec.ts` checks it names every entity.
 */
export const ENTITIES = [
  Organisation,
  User,
  Session,
  Invitation,
  Tender,
  Lot,
  Requirement,
  Criterion,
  TenderVersion,
  PublishedTender,
  SavedSearchRow,
  TenderRevision,
  CommentThread,
  TenderComment,
  AuditEvent,
  ...CLARIFICATION_ENTITIES,
  ...VAULT_ENTITIES,
  ...RESPONSE_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...EVALUATION_ENTITIES,
  ...AWARD_ENTITIES,
  ...ENGAGEMENT_ENTITIES,
];

/** The app's data source options with every entity, for a DataSource built without Nest. */
export function standaloneDataSourceOptions(database: Settings['database']): DataSourceOptions {
  return { ...dataSourceOptions(database), entities: ENTITIES } as DataSourceOptions;
}
