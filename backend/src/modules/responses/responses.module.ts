import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RESPONSE_ENTITIES } from './entities';

/** Owns suppliers' responses, their submissions, attachments and the opening (supplier_response, response_submission, response_attachment, response_opening). */
@Module({
  imports: [TypeOrmModule.forFeature(RESPONSE_ENTITIES)],
})
export class ResponsesModule {}
