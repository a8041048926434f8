import { ResponseAttachmentRow } from './response-attachment.entity';
import { ResponseOpeningRow } from './response-opening.entity';
import { ResponseSubmissionRow } from './response-submission.entity';
import { SupplierResponseRow } from './supplier-response.entity';

export { ResponseAttachmentRow, ResponseOpeningRow, ResponseSubmissionRow, SupplierResponseRow };

/** This module's entities, for src/entities.ts (processes without Nest) and this module's forFeature. */
export const RESPONSE_ENTITIES = [SupplierResponseRow, ResponseAttachmentRow, ResponseSubmissionRow, ResponseOpeningRow];
