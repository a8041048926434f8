import { Module } from '@nestjs/common';
import { FileStore } from './file-store';
import { TenderPackService } from './tender-pack.service';

@Module({
  providers: [FileStore, TenderPackService],
  exports: [TenderPackService],
})
export class DocumentsModule {}
