import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Tender } from './entities/tender.entity';
import { TenderController } from './tender.controller';
import { TenderService } from './tender.service';

@Module({
  imports: [TypeOrmModule.forFeature([Tender])],
  controllers: [TenderController],
  providers: [TenderService],
  exports: [TenderService],
})
export class TendersModule {}
