import { Module } from '@nestjs/common';
import { CommentsController, MentionsController } from './comments.controller';
import { CommentsService } from './comments.service';

@Module({
  controllers: [CommentsController, MentionsController],
  providers: [CommentsService],
})
export class CommentsModule {}
