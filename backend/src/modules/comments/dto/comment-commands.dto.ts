import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMMENT_FIELDS,
  COMMENT_LIMITS,
  COMMENT_STATUS_FILTERS,
  type CommentAnchorRequest,
  type CommentField,
  type CommentStatusFilter,
  type CreateCommentThreadRequest,
  type ReplyToCommentThreadRequest,
} from '@openbrief/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { RequiredText } from '../../../common/validation/fields';

function OptionalUuid(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ format: 'uuid', description }),
    IsOptional(),
    IsUUID('all', { message: '$property must be an id (a UUID).' }),
  );
}

/** Kept exactly as sent (not trimmed): a quote is the reader's selection, a position is opaque. */
function OptionalRawText(max: number, description: string) {
  return applyDecorators(
    ApiPropertyOptional({ maxLength: max, description }),
    IsOptional(),
    IsString({ message: '$property must be text.' }),
    MaxLength(max, { message: `$property must be at most ${max} characters.` }),
  );
}

function Mentions() {
  return applyDecorators(
    ApiPropertyOptional({
      type: [String],
      format: 'uuid',
      maxItems: COMMENT_LIMITS.mentions,
      description: 'Ids of team members to mention (GET /tenders/:id/team)',
    }),
    IsOptional(),
    IsArray({ message: 'mentions must be a list of team member ids.' }),
    ArrayMaxSize(COMMENT_LIMITS.mentions, { message: `You can mention at most ${COMMENT_LIMITS.mentions} people in one comment.` }),
    IsUUID('all', { each: true, message: 'Each mention must be the id (a UUID) of a team member.' }),
  );
}

function CommentBody() {
  return RequiredText(COMMENT_LIMITS.body, 'The comment, plain text', 'Can we say how we will measure this?');
}

export class CommentAnchorDto implements CommentAnchorRequest {
  @OptionalUuid('A requirement of this tender') requirementId?: string;

  @ApiPropertyOptional({ enum: COMMENT_FIELDS, description: 'The field the comment is about' })
  @IsOptional()
  @IsIn(COMMENT_FIELDS, { message: `field must be one of: ${COMMENT_FIELDS.join(', ')}.` })
  field?: CommentField;

  @OptionalRawText(COMMENT_LIMITS.quote, 'The selected text the comment is about') quote?: string;
  @OptionalRawText(COMMENT_LIMITS.position, 'Opaque start of the selection (the editor keeps a Yjs relative position here)') start?: string;
  @OptionalRawText(COMMENT_LIMITS.position, 'Opaque end of the selection') end?: string;
}

export class CreateCommentThreadDto implements CreateCommentThreadRequest {
  @ApiPropertyOptional({ type: () => CommentAnchorDto, description: 'Leave out for a thread about the tender as a whole' })
  @IsOptional()
  @IsObject({ message: 'anchor must be an object.' })
  @ValidateNested()
  @Type(() => CommentAnchorDto)
  anchor?: CommentAnchorDto;

  @CommentBody() body!: string;
  @Mentions() mentions?: string[];
}

export class ReplyToCommentThreadDto implements ReplyToCommentThreadRequest {
  @CommentBody() body!: string;
  @Mentions() mentions?: string[];
}

export class ListCommentThreadsQueryDto {
  @ApiPropertyOptional({ enum: COMMENT_STATUS_FILTERS, default: 'all' })
  @IsOptional()
  @IsIn(COMMENT_STATUS_FILTERS, { message: `status must be one of: ${COMMENT_STATUS_FILTERS.join(', ')}.` })
  status?: CommentStatusFilter;

  @ApiPropertyOptional({ enum: ['me'], description: 'Only threads in which you were mentioned' })
  @IsOptional()
  @IsIn(['me'], { message: 'mentioning can only be "me".' })
  mentioning?: 'me';

  @OptionalUuid('Only threads about this requirement') requirementId?: string;
}

/** Resolving and reopening take no fields; the empty body keeps every POST's schema explicit (and refuses stray fields). */
export class ThreadStatusChangeDto {}
