import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type ChangeLogEntry,
  type FieldDiff,
  type PublishBlocker,
  type PublishedTenderView,
  type PublishedVersion,
  type SaveCheckSummary,
  type SavedTender,
  type TenderComparison,
  type TenderDetail,
  type TenderRevisionSummary,
  type TenderTemplateSummary,
  TenderStatus,
} from '@openbrief/contracts';
import { CriterionDto, EvaluationModelDto, LotDto, RequirementDto, TenderContentDto } from './tender-content.dto';

class RequirementResponse extends RequirementDto {
  @ApiProperty() lotId!: string;
  @ApiProperty() order!: number;
}

class CriterionResponse extends CriterionDto {
  @ApiProperty() order!: number;
}

class EvaluationModelResponse extends EvaluationModelDto {
  @ApiProperty({ type: [CriterionResponse] }) declare criteria: CriterionResponse[];
}

class LotResponse extends LotDto {
  @ApiProperty() number!: number;
  @ApiProperty({ type: EvaluationModelResponse }) declare evaluationModel: EvaluationModelResponse;
  @ApiProperty({ type: [RequirementResponse] }) declare requirements: RequirementResponse[];
}

class BuyerResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class TenderDetailResponse extends TenderContentDto implements TenderDetail {
  @ApiProperty() id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: TenderStatus }) status!: TenderStatus;
  @ApiProperty({ type: BuyerResponse }) buyer!: BuyerResponse;
  @ApiProperty({ type: [LotResponse] }) declare lots: LotResponse[];
  @ApiProperty({ description: 'Send this back with your next change' }) revision!: number;
  @ApiProperty() publishedVersion!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

class SaveCheckSummaryResponse implements SaveCheckSummary {
  @ApiProperty({ minimum: 0, maximum: 100 }) openness!: number;
  @ApiProperty() findings!: number;
  @ApiProperty({ description: 'Unjustified error findings; publishing is blocked while above 0' }) blockingFindings!: number;
}

export class SavedTenderResponse extends TenderDetailResponse implements SavedTender {
  @ApiProperty({ type: SaveCheckSummaryResponse }) check!: SaveCheckSummaryResponse;
}

export class PublishedVersionResponse implements PublishedVersion {
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ nullable: true, type: String }) changeNote!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of the stored tender pack' }) packSha256!: string | null;
  @ApiProperty({ type: TenderDetailResponse }) tender!: TenderDetailResponse;
}

class ChangeLogEntryResponse implements ChangeLogEntry {
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ nullable: true, type: String }) changeNote!: string | null;
}

class SmeSuitabilityReasonResponse {
  @ApiProperty({ enum: ['thresholds', 'lots', 'reading-age', 'procedure'] })
  test!: PublishedTenderView['openness']['reasons'][number]['test'];
  @ApiProperty() met!: boolean;
  @ApiProperty() text!: string;
}

class TenderOpennessResponse {
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ nullable: true, type: Number }) readingAge!: number | null;
  @ApiProperty() suitableForSmallSuppliers!: boolean;
  @ApiProperty({ type: [SmeSuitabilityReasonResponse] }) reasons!: SmeSuitabilityReasonResponse[];
}

export class PublishedTenderViewResponse extends PublishedVersionResponse implements PublishedTenderView {
  @ApiProperty({ type: [ChangeLogEntryResponse] }) changeLog!: ChangeLogEntryResponse[];
  @ApiProperty({ type: TenderOpennessResponse }) openness!: TenderOpennessResponse;
}

export class TenderTemplateResponse implements TenderTemplateSummary {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
}

export class TenderRevisionResponse implements TenderRevisionSummary {
  @ApiProperty() revision!: number;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
  @ApiProperty() changedBy!: string;
  @ApiProperty({ type: [String] }) changedFields!: string[];
}

class DiffPartResponse {
  @ApiProperty() value!: string;
  @ApiPropertyOptional() added?: boolean;
  @ApiPropertyOptional() removed?: boolean;
}

class FieldDiffResponse implements FieldDiff {
  @ApiProperty() path!: string;
  @ApiProperty() label!: string;
  @ApiProperty() before!: string;
  @ApiProperty() after!: string;
  @ApiProperty({ type: [DiffPartResponse] }) parts!: DiffPartResponse[];
}

export class TenderComparisonResponse implements TenderComparison {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ type: [FieldDiffResponse] }) fields!: FieldDiffResponse[];
}

export class PublishBlockerResponse implements PublishBlocker {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional() path?: string;
  @ApiPropertyOptional({ enum: ['blocker', 'warning'], description: 'A warning does not stop publication; absent means blocker' })
  severity?: 'blocker' | 'warning';
}
