import { ApiProperty } from '@nestjs/swagger';
import {
  type BuyerEngagementView,
  type EngagementEvent,
  type EngagementEventFormat,
  type EngagementFeedback,
  type EngagementFeedbackKind,
  type EngagementNotice,
  type EngagementNoticePage,
  type EngagementOutcome,
  type EngagementRegistration,
  type EngagementStatus,
  ENGAGEMENT_EVENT_FORMAT_LABELS,
  type SupplierEngagementView,
} from '@openbrief/contracts';

export class EngagementEventResponse implements EngagementEvent {
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endsAt!: string | null;
  @ApiProperty({ enum: Object.keys(ENGAGEMENT_EVENT_FORMAT_LABELS) }) format!: EngagementEventFormat;
  @ApiProperty() place!: string;
  @ApiProperty({ nullable: true, type: Number }) capacity!: number | null;
}

export class EngagementOutcomeResponse implements EngagementOutcome {
  @ApiProperty({ format: 'uuid' }) requirementId!: string;
  @ApiProperty() lotTitle!: string;
  @ApiProperty({ example: '1.3' }) number!: string;
  @ApiProperty() outcome!: string;
  @ApiProperty({ nullable: true, type: String }) measure!: string | null;
}

export class EngagementNoticeResponse implements EngagementNotice {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty() buyerName!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() questions!: string;
  @ApiProperty({ type: [EngagementOutcomeResponse] }) outcomes!: EngagementOutcomeResponse[];
  @ApiProperty({ type: EngagementEventResponse, nullable: true }) event!: EngagementEventResponse | null;
  @ApiProperty({ format: 'date-time' }) feedbackCloses!: string;
  @ApiProperty({ enum: ['open', 'closed'], description: 'closed once the buyer closes it or feedback closes' }) status!: EngagementStatus;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ description: 'How many suppliers registered for the event' }) registrations!: number;
}

export class EngagementNoticePageResponse implements EngagementNoticePage {
  @ApiProperty({ type: [EngagementNoticeResponse] }) items!: EngagementNoticeResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor to get the next page; null on the last page' })
  nextCursor!: string | null;
  @ApiProperty() total!: number;
}

export class EngagementFeedbackResponse implements EngagementFeedback {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requirementId!: string;
  @ApiProperty({ enum: ['comment', 'alternative'] }) kind!: EngagementFeedbackKind;
  @ApiProperty() text!: string;
  @ApiProperty({ nullable: true, type: String }) proposedOutcome!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) supplierName!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) adoptedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) adoptedBy!: string | null;
}

export class EngagementRegistrationResponse implements EngagementRegistration {
  @ApiProperty() supplierName!: string;
  @ApiProperty() contactName!: string;
  @ApiProperty() contactEmail!: string;
  @ApiProperty() attendees!: number;
  @ApiProperty() accessNeeds!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

export class BuyerEngagementViewResponse implements BuyerEngagementView {
  @ApiProperty({ type: EngagementNoticeResponse }) notice!: EngagementNoticeResponse;
  @ApiProperty({ type: [EngagementFeedbackResponse] }) feedback!: EngagementFeedbackResponse[];
  @ApiProperty({ type: [EngagementRegistrationResponse] }) registrations!: EngagementRegistrationResponse[];
}

export class SupplierEngagementViewResponse implements SupplierEngagementView {
  @ApiProperty({ type: EngagementNoticeResponse }) notice!: EngagementNoticeResponse;
  @ApiProperty({ type: [EngagementFeedbackResponse] }) myFeedback!: EngagementFeedbackResponse[];
  @ApiProperty({ type: EngagementRegistrationResponse, nullable: true }) myRegistration!: EngagementRegistrationResponse | null;
}
