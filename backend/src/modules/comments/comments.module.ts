import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { TendersModule } from '../tenders/tenders.module';
import { CommentsController, MentionsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { CommentThread } from './entities/comment-thread.entity';
import { TenderComment } from './entities/tender-comment.entity';

/** Owns comment_thread and tender_comment; reads tenders and people through their modules' read-only queries. */
@Module({
  imports: [TypeOrmModule.forFeature([CommentThread, TenderComment]), TendersModule, IdentityModule],
  controllers: [CommentsController, MentionsController],
  providers: [CommentsService],
})
export class CommentsModule {}
