import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CLARIFICATION_ENTITIES } from './entities';

/** Owns registered interest and clarification questions (interest, clarification_question). */
@Module({
  imports: [TypeOrmModule.forFeature(CLARIFICATION_ENTITIES)],
})
export class ClarificationsModule {}
