import { ApiProperty } from '@nestjs/swagger';
import { type PublishedTenderSummary, type TenderListItem, TenderStatus } from '@openbrief/contracts';

export class TenderListItemResponse implements TenderListItem {
  @ApiProperty() id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: TenderStatus }) status!: TenderStatus;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submissionDeadline!: string | null;
}

export class PublishedTenderSummaryResponse implements PublishedTenderSummary {
  @ApiProperty() id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty() buyerName!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ nullable: true, type: Number }) estimatedValue!: number | null;
  @ApiProperty({ example: 'GBP' }) currency!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submissionDeadline!: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['goods', 'services', 'works'] }) mainCategory!: PublishedTenderSummary['mainCategory'];
  @ApiProperty({ type: [String], description: 'ITL 1 delivery regions; empty = anywhere in the UK' })
  regions!: PublishedTenderSummary['regions'];
  @ApiProperty({ enum: ['open', 'closed', 'awarded'] }) state!: PublishedTenderSummary['state'];
  @ApiProperty() suitableForSmallSuppliers!: boolean;
}
