import { Module } from '@nestjs/common';
import { PublicTenderController } from './public-tender.controller';
import { PublicTenderService } from './public-tender.service';

@Module({
  controllers: [PublicTenderController],
  providers: [PublicTenderService],
})
export class MarketplaceModule {}
