import { ApiProperty } from '@nestjs/swagger';
import {
  type AssessmentCriterion,
  type AssessmentSummary,
  type AwardDecision,
  type AwardState,
  CriterionType,
  type EvaluationResults,
  Jurisdiction,
  type PriceInvestigation,
  PriceMethod,
  type PriceResult,
  type ResponseTotal,
  type SensitivityResult,
  TieBreakRule,
} from '@openbrief/contracts';

const pointsById = { type: 'object', additionalProperties: { type: 'number' } } as const;
const nullableInstant = { format: 'date-time', nullable: true, type: String } as const;

export class PriceInvestigationResponse implements PriceInvestigation {
  @ApiProperty({ enum: ['accepted', 'rejected'] }) outcome!: 'accepted' | 'rejected';
  @ApiProperty() note!: string;
  @ApiProperty({ description: 'Who recorded it' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class AbnormallyLowResponse {
  @ApiProperty({ description: 'Why it is flagged, with the figures' }) reason!: string;
  @ApiProperty({ type: PriceInvestigationResponse, nullable: true }) investigation!: PriceInvestigationResponse | null;
}

export class PriceResultResponse implements PriceResult {
  @ApiProperty({ format: 'uuid' }) responseId!: string;
  @ApiProperty() label!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty({ description: 'The total, or the discounted whole-life cost' }) evaluatedPrice!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'null under price per quality point, or when not scored' }) score!:
    number | null;
  @ApiProperty({ type: AbnormallyLowResponse, nullable: true }) abnormallyLow!: AbnormallyLowResponse | null;
}

export class ResultCriterionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CriterionType }) type!: CriterionType;
  @ApiProperty({ description: 'Percent of the whole' }) effectiveWeight!: number;
}

export class ResponseTotalResponse implements ResponseTotal {
  @ApiProperty({ format: 'uuid' }) responseId!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty({ nullable: true, type: Number, description: '1 = leading; null when disqualified' }) rank!: number | null;
  @ApiProperty() total!: number;
  @ApiProperty() qualityTotal!: number;
  @ApiProperty({ nullable: true, type: Number }) priceScore!: number | null;
  @ApiProperty({ nullable: true, type: Number }) pricePerQualityPoint!: number | null;
  @ApiProperty({ ...pointsById, description: 'Points per criterion id' }) subtotals!: Record<string, number>;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was disqualified' }) disqualified!: string | null;
  @ApiProperty({ nullable: true, type: String }) tieBreak!: string | null;
  @ApiProperty() nearTie!: boolean;
}

export class SmallestChangeResponse {
  @ApiProperty({ format: 'uuid' }) criterionId!: string;
  @ApiProperty() criterionName!: string;
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ description: 'The supplier who would lead' }) newLeader!: string;
}

export class SensitivityResponse implements SensitivityResult {
  @ApiProperty({ type: SmallestChangeResponse, nullable: true }) smallestChange!: SmallestChangeResponse | null;
  @ApiProperty() draws!: number;
  @ApiProperty({ description: '± percentage points' }) perturbation!: number;
  @ApiProperty({ ...pointsById, description: 'Share of draws (0–1) each response wins, by response id' }) winShare!: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: pointsById,
    description: 'Points lost to the leader, by response id then top-level criterion id',
  })
  pointsLost!: Record<string, Record<string, number>>;
}

export class EvaluationResultsResponse implements EvaluationResults {
  @ApiProperty({ format: 'uuid' }) panelId!: string;
  @ApiProperty({ description: 'false while moderation is incomplete: the figures are provisional' }) complete!: boolean;
  @ApiProperty({ enum: PriceMethod }) priceMethod!: PriceMethod;
  @ApiProperty({ enum: TieBreakRule }) tieBreakRule!: TieBreakRule;
  @ApiProperty({ type: [ResultCriterionResponse] }) criteria!: ResultCriterionResponse[];
  @ApiProperty({ type: [ResponseTotalResponse] }) totals!: ResponseTotalResponse[];
  @ApiProperty({ type: [PriceResultResponse] }) prices!: PriceResultResponse[];
  @ApiProperty({ type: SensitivityResponse, nullable: true }) sensitivity!: SensitivityResponse | null;
  @ApiProperty() scoringVersion!: string;
}

export class AwardDecisionResponse implements AwardDecision {
  @ApiProperty({ format: 'uuid' }) panelId!: string;
  @ApiProperty({ format: 'uuid' }) responseId!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty() reasons!: string;
  @ApiProperty() decidedBy!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty(nullableInstant) noticePublishedAt!: string | null;
  @ApiProperty({ enum: Jurisdiction }) jurisdiction!: Jurisdiction;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Europe/London date' }) standstillLastDay!: string | null;
  @ApiProperty(nullableInstant) standstillEndsAt!: string | null;
  @ApiProperty(nullableInstant) contractEnteredAt!: string | null;
}

export class AssessmentCriterionResponse implements AssessmentCriterion {
  @ApiProperty({ format: 'uuid' }) criterionId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Relative importance: the effective weight, in percent' }) weight!: number;
  @ApiProperty() scoringScheme!: string;
  @ApiProperty({ nullable: true, type: Number }) score!: number | null;
  @ApiProperty() points!: number;
  @ApiProperty() explanation!: string;
}

export class AssessmentSummaryResponse implements AssessmentSummary {
  @ApiProperty({ format: 'uuid' }) panelId!: string;
  @ApiProperty({ format: 'uuid' }) responseId!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty() successful!: boolean;
  @ApiProperty({ type: [AssessmentCriterionResponse] }) criteria!: AssessmentCriterionResponse[];
  @ApiProperty() total!: number;
  @ApiProperty({ nullable: true, type: Number }) rank!: number | null;
  @ApiProperty({ nullable: true, type: String }) whyNotSuccessful!: string | null;
  @ApiProperty() winnerName!: string;
  @ApiProperty({ enum: ['draft', 'issued'] }) status!: 'draft' | 'issued';
  @ApiProperty(nullableInstant) issuedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) sha256!: string | null;
  @ApiProperty({ description: 'Send it as If-Match when editing' }) revision!: number;
}

export class AwardStateResponse implements AwardState {
  @ApiProperty({ type: AwardDecisionResponse, nullable: true }) decision!: AwardDecisionResponse | null;
  @ApiProperty({ type: [AssessmentSummaryResponse] }) summaries!: AssessmentSummaryResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Why the award notice cannot be published yet; null when it can' })
  noticeBlockedBy!: string | null;
}
