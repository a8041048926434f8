import { IdentityAndTenders1763769600000 } from './1763769600000-IdentityAndTenders';
import { TenderAuthoring1763856000000 } from './1763856000000-TenderAuthoring';
import { StoredFiles1763942400000 } from './1763942400000-StoredFiles';
import { CollaborationStore1764028800000 } from './1764028800000-CollaborationStore';
import { TenderComments1764118800000 } from './1764118800000-TenderComments';
import { PublishedTenderList1764205200000 } from './1764205200000-PublishedTenderList';
import { AuditLog1764300000000 } from './1764300000000-AuditLog';
import { PublishedRecords1764387600000 } from './1764387600000-PublishedRecords';
import { TenderResponseRules1764480000000 } from './1764480000000-TenderResponseRules';
import { SupplierAccounts1764490000000 } from './1764490000000-SupplierAccounts';
import { Clarifications1764500000000 } from './1764500000000-Clarifications';
import { Vault1764510000000 } from './1764510000000-Vault';
import { SealedResponses1764520000000 } from './1764520000000-SealedResponses';
import { Notifications1764530000000 } from './1764530000000-Notifications';
import { EvaluationRules1764535000000 } from './1764535000000-EvaluationRules';
import { Evaluation1764540000000 } from './1764540000000-Evaluation';
import { Award1764550000000 } from './1764550000000-Award';
import { TenderClassification1764600000000 } from './1764600000000-TenderClassification';
import { PublicSearch1764610000000 } from './1764610000000-PublicSearch';
import { MarketEngagement1764620000000 } from './1764620000000-MarketEngagement';
import { SavedSearches1764630000000 } from './1764630000000-SavedSearches';

/** In order. Add each new migration here (see docs/development.md). */
export const MIGRATIONS = [
  IdentityAndTenders1763769600000,
  TenderAuthoring1763856000000,
  StoredFiles1763942400000,
  CollaborationStore1764028800000,
  TenderComments1764118800000,
  PublishedTenderList1764205200000,
  AuditLog1764300000000,
  PublishedRecords1764387600000,
  TenderResponseRules1764480000000,
  SupplierAccounts1764490000000,
  Clarifications1764500000000,
  Vault1764510000000,
  SealedResponses1764520000000,
  Notifications1764530000000,
  EvaluationRules1764535000000,
  Evaluation1764540000000,
  Award1764550000000,
  TenderClassification1764600000000,
  PublicSearch1764610000000,
  MarketEngagement1764620000000,
  SavedSearches1764630000000,
];
