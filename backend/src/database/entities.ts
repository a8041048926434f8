import { AuditEvent } from '../modules/audit/entities/audit-event.entity';
import { CommentThread } from '../modules/comments/entities/comment-thread.entity';
import { TenderComment } from '../modules/comments/entities/tender-comment.entity';
import { Invitation } from '../modules/identity/entities/invitation.entity';
import { Organisation } from '../modules/identity/entities/organisation.entity';
import { PublishedTender } from '../modules/marketplace/entities/published-tender.entity';
import { Session } from '../modules/identity/entities/session.entity';
import { User } from '../modules/identity/entities/user.entity';
import { Criterion } from '../modules/tenders/entities/criterion.entity';
import { Lot } from '../modules/tenders/entities/lot.entity';
import { Requirement } from '../modules/tenders/entities/requirement.entity';
import { TenderRevision } from '../modules/tenders/entities/tender-revision.entity';
import { TenderVersion } from '../modules/tenders/entities/tender-version.entity';
import { Tender } from '../modules/tenders/entities/tender.entity';

/** Listed explicitly: globs break once the app is bundled. */
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
  TenderRevision,
  CommentThread,
  TenderComment,
  AuditEvent,
];
