import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AwardDecisionRequest,
  EditAssessmentSummaryRequest,
  EnterContractRequest,
  PublishAwardNoticeRequest,
  RecordPriceInvestigationRequest,
} from '@openbrief/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Id, Nested, NullableText } from '../../../common/validation/fields';
import { AWARD_LIMITS } from '../award-limits';

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Trimmed text between `min` and `max` characters, each limit said in words. */
function TextBetween(min: number, max: number, description: string) {
  return applyDecorators(
    ApiProperty({ minLength: min, maxLength: max, description }),
    trim,
    IsString({ message: '$property must be text.' }),
    MinLength(min, { message: `$property must be at least ${min} characters.` }),
    MaxLength(max, { message: `$property must be at most ${max} characters.` }),
  );
}

/** An optional ISO 8601 instant (the server's clock when absent). */
function OptionalInstant(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ format: 'date-time', description }),
    IsOptional(),
    IsISO8601({ strict: true }, { message: '$property must be a date and time like 2027-01-31T12:00:00Z.' }),
  );
}

export class RecordPriceInvestigationDto implements RecordPriceInvestigationRequest {
  @ApiProperty({ enum: ['accepted', 'rejected'], description: 'rejected disqualifies the response' })
  @IsIn(['accepted', 'rejected'], { message: 'outcome must be "accepted" or "rejected".' })
  outcome!: 'accepted' | 'rejected';

  @TextBetween(AWARD_LIMITS.investigationNote.min, AWARD_LIMITS.investigationNote.max, 'What the investigation found and why')
  note!: string;
}

export class AwardDecisionDto implements AwardDecisionRequest {
  @Id('The response awarded: a ranked (not disqualified) response of this lot') responseId!: string;

  @TextBetween(
    AWARD_LIMITS.reasons.min,
    AWARD_LIMITS.reasons.max,
    `Why this response; if it is not the leading one, at least ${AWARD_LIMITS.departureReasonsMin} characters saying why the ranking is departed from`,
  )
  reasons!: string;
}

export class SummaryExplanationDto {
  @Id('A criterion of the summary') criterionId!: string;

  @TextBetween(1, AWARD_LIMITS.explanation, 'Explains the score by reference to the response') explanation!: string;
}

export class EditAssessmentSummaryDto implements EditAssessmentSummaryRequest {
  @Nested(() => SummaryExplanationDto, { each: true, maxItems: AWARD_LIMITS.criteria })
  explanations!: SummaryExplanationDto[];

  @NullableText(AWARD_LIMITS.whyNotSuccessful, 'For an unsuccessful supplier, why it did not win; null for the successful one')
  whyNotSuccessful!: string | null;
}

export class PublishAwardNoticeDto implements PublishAwardNoticeRequest {
  @OptionalInstant('When the contract award notice was published; now (the server clock) when absent')
  publishedAt?: string;
}

export class EnterContractDto implements EnterContractRequest {
  @OptionalInstant('When the contract was entered into; now (the server clock) when absent')
  enteredAt?: string;
}
