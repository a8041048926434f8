import { ApiProperty } from '@nestjs/swagger';
import {
  type InterestState,
  type OwnQuestion,
  type PublishedClarification,
  type QueuedQuestion,
  type QuestionQueue,
  QuestionStatus,
} from '@openbrief/contracts';

export class InterestStateResponse implements InterestState {
  @ApiProperty() registered!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) registeredAt!: string | null;
}

export class OwnQuestionResponse implements OwnQuestion {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) askedAt!: string;
  @ApiProperty({ enum: QuestionStatus }) status!: QuestionStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Present once answered, publicly or privately' }) answer!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) answeredAt!: string | null;
}

export class PublishedClarificationResponse implements PublishedClarification {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Order of publication, from 1' }) number!: number;
  @ApiProperty() question!: string;
  @ApiProperty() answer!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
}

export class QueuedQuestionResponse implements QueuedQuestion {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) askedAt!: string;
  @ApiProperty() askerOrganisation!: string;
  @ApiProperty({ enum: QuestionStatus }) status!: QuestionStatus;
  @ApiProperty() draftAnswer!: string;
  @ApiProperty({ nullable: true, type: String }) answer!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) answeredAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) privateReason!: string | null;
  @ApiProperty({ nullable: true, type: Number }) publishedNumber!: number | null;
  @ApiProperty({ description: 'Send it as If-Match when saving a draft answer' }) revision!: number;
}

export class QuestionCountsResponse implements Record<QuestionStatus, number> {
  @ApiProperty() [QuestionStatus.New]!: number;
  @ApiProperty() [QuestionStatus.Drafted]!: number;
  @ApiProperty() [QuestionStatus.Published]!: number;
  @ApiProperty() [QuestionStatus.AnsweredPrivately]!: number;
}

export class QuestionQueueResponse implements QuestionQueue {
  @ApiProperty({ type: QuestionCountsResponse }) counts!: QuestionCountsResponse;
  @ApiProperty({ type: [QueuedQuestionResponse] }) questions!: QueuedQuestionResponse[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Questions close' }) clarificationDeadline!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Answers published by' }) answersPublishedBy!:
    string | null;
}
