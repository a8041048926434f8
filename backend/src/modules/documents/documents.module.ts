import { Module } from '@nestjs/common';
import { FileStore } from './file-store';
import { TenderPackService } from './tender-pack.service';

/**
 * PDF documents. Owns `stored_file` (raw SQL: binary column). Depends on no other domain module: what
 * to render is passed in (tenders → documents, never the other way).
 */
@Module({
  providers: [FileStore, TenderPackService],
  exports: [TenderPackService, FileStore],
})
export class DocumentsModule {}
