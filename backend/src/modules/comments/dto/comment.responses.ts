import { ApiProperty } from '@nestjs/swagger';
import {
  COMMENT_FIELDS,
  type CommentAnchor,
  type CommentCounts,
  type CommentEntry,
  type CommentEntryKind,
  type CommentField,
  type CommentPerson,
  type CommentThread,
  type CommentTenderRef,
  type CommentThreadInContext,
  type CommentThreadList,
  CommentThreadStatus,
  type RequirementCommentCount,
  Role,
  type TeamMember,
} from '@openbrief/contracts';

export class CommentPersonResponse implements CommentPerson {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class CommentAnchorResponse implements CommentAnchor {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) requirementId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '1.2' }) requirementNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) requirementExcerpt!: string | null;
  @ApiProperty() requirementDeleted!: boolean;
  @ApiProperty({ enum: COMMENT_FIELDS, nullable: true, type: String }) field!: CommentField | null;
  @ApiProperty({ nullable: true, type: String }) quote!: string | null;
  @ApiProperty({ nullable: true, type: String }) start!: string | null;
  @ApiProperty({ nullable: true, type: String }) end!: string | null;
}

export class CommentEntryResponse implements CommentEntry {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['comment', 'resolved', 'reopened'] }) kind!: CommentEntryKind;
  @ApiProperty({ type: CommentPersonResponse }) author!: CommentPersonResponse;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [CommentPersonResponse] }) mentions!: CommentPersonResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CommentThreadResponse implements CommentThread {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty({ enum: CommentThreadStatus }) status!: CommentThreadStatus;
  @ApiProperty({ type: CommentAnchorResponse }) anchor!: CommentAnchorResponse;
  @ApiProperty({ type: [CommentEntryResponse] }) entries!: CommentEntryResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) lastActivityAt!: string;
  @ApiProperty({ type: CommentPersonResponse, nullable: true }) resolvedBy!: CommentPersonResponse | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt!: string | null;
}

export class RequirementCommentCountResponse implements RequirementCommentCount {
  @ApiProperty({ format: 'uuid' }) requirementId!: string;
  @ApiProperty() open!: number;
  @ApiProperty() total!: number;
}

export class CommentCountsResponse implements CommentCounts {
  @ApiProperty() open!: number;
  @ApiProperty() resolved!: number;
  @ApiProperty() mentioningMe!: number;
  @ApiProperty() openMentioningMe!: number;
  @ApiProperty({ type: [RequirementCommentCountResponse] }) byRequirement!: RequirementCommentCountResponse[];
}

export class CommentThreadListResponse implements CommentThreadList {
  @ApiProperty({ type: [CommentThreadResponse] }) threads!: CommentThreadResponse[];
  @ApiProperty({ type: CommentCountsResponse }) counts!: CommentCountsResponse;
}

export class TeamMemberResponse implements TeamMember {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role }) role!: Role;
}

export class CommentTenderRefResponse implements CommentTenderRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
}

export class CommentThreadInContextResponse implements CommentThreadInContext {
  @ApiProperty({ type: CommentTenderRefResponse }) tender!: CommentTenderRefResponse;
  @ApiProperty({ type: CommentThreadResponse }) thread!: CommentThreadResponse;
}
