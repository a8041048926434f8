import type { SubmittedContent } from '@openbrief/contracts';

/** An attachment's sealed description: its name and type are content, and so is the hash of its bytes. */
export interface AttachmentMeta {
  fileName: string;
  contentType: string;
  sha256: string;
}

/** What a submission row seals: exactly what was hashed, and what the receipt names besides. */
export interface SealedSubmission {
  content: SubmittedContent;
  supplierName: string;
  tenderTitle: string;
  lotNumber: number;
}
