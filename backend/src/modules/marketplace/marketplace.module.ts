import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Tender } from '../tenders/entities/tender.entity';
import { PublicTenderController } from './public-tender.controller';
import { PublicTenderService } from './public-tender.service';

@Module({
  imports: [TypeOrmModule.forFeature([Tender])],
  controllers: [PublicTenderController],
  providers: [PublicTenderService],
})
export class MarketplaceModule {}
