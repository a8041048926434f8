import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { PublicPackController } from './public-pack.controller';
import { PublicTenderController } from './public-tender.controller';
import { PublicTenderService } from './public-tender.service';

@Module({
  imports: [DocumentsModule],
  controllers: [PublicTenderController, PublicPackController],
  providers: [PublicTenderService],
})
export class MarketplaceModule {}
