import { ApiProperty } from '@nestjs/swagger';
import {
  type ConfirmChangesRequest,
  type CriterionAnswerInput,
  type DeclarationInput,
  type PriceLineInput,
  RESPONSE_LIMITS,
  type ResponseContentInput,
  type ReuseAttachmentRequest,
  type StartResponseRequest,
} from '@openbrief/contracts';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { DecimalNumber, Id, Nested, Text } from '../../../common/validation/fields';

/** Lots, criteria and requirements are few: a generous ceiling keeps a hostile list from costing anything. */
const MAX_ITEMS = 500;

export class StartResponseDto implements StartResponseRequest {
  @Id('The published tender') tenderId!: string;
  @Id('The lot of that tender to respond to') lotId!: string;
}

export class CriterionAnswerDto implements CriterionAnswerInput {
  @Id('A criterion of the lot, by its stable id') criterionId!: string;
  /** Not trimmed: the supplier's text is kept exactly as written (the word count reads it as it is). */
  @ApiProperty({ maxLength: RESPONSE_LIMITS.answerChars })
  @IsString({ message: '$property must be text.' })
  @MaxLength(RESPONSE_LIMITS.answerChars, {
    message: `An answer can be at most ${RESPONSE_LIMITS.answerChars.toLocaleString('en-GB')} characters.`,
  })
  text!: string;
}

export class DeclarationDto implements DeclarationInput {
  @Id('A pass/fail requirement of the lot, by its stable id') requirementId!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether you meet it; null while not answered' })
  @ValidateIf((_, v) => v !== null)
  @IsBoolean({ message: '$property must be true, false or null.' })
  meets!: boolean | null;
  @Text(RESPONSE_LIMITS.evidenceChars, 'Optional evidence that you meet it') evidence!: string;
}

/** No `total`: totals are computed by the server, and a sent total is refused (forbidNonWhitelisted). */
export class PriceLineDto implements PriceLineInput {
  @ApiProperty({ required: false, maxLength: 36, description: 'The line’s id, kept across saves' })
  @IsOptional()
  @IsString({ message: '$property must be text.' })
  @MaxLength(36)
  id?: string;
  @Text(RESPONSE_LIMITS.priceLineDescription, 'What is priced') description!: string;
  @ApiProperty({ minimum: 0, maximum: RESPONSE_LIMITS.maxQuantity })
  @DecimalNumber(0, RESPONSE_LIMITS.maxQuantity, 2)
  quantity!: number;
  @Text(RESPONSE_LIMITS.priceLineUnit, 'e.g. month, visit, licence') unit!: string;
  @ApiProperty({ minimum: 0, maximum: RESPONSE_LIMITS.maxUnitPrice, description: 'In the tender’s currency and VAT basis' })
  @DecimalNumber(0, RESPONSE_LIMITS.maxUnitPrice, 2)
  unitPrice!: number;
}

export class ResponseContentDto implements ResponseContentInput {
  @Nested(() => CriterionAnswerDto, { each: true, maxItems: MAX_ITEMS }) answers!: CriterionAnswerDto[];
  @Nested(() => DeclarationDto, { each: true, maxItems: MAX_ITEMS }) declarations!: DeclarationDto[];
  @Nested(() => PriceLineDto, { each: true, maxItems: RESPONSE_LIMITS.priceLines }) priceLines!: PriceLineDto[];
}

export class ConfirmChangesDto implements ConfirmChangesRequest {
  @ApiProperty({ description: 'The published version you have read (the latest)' })
  @IsInt({ message: 'version must be a whole number.' })
  @Min(1)
  @Max(1_000_000)
  version!: number;
}

export class ReuseAttachmentDto implements ReuseAttachmentRequest {
  @Id('A document of an earlier response of your organisation') attachmentId!: string;
}

export class AttachmentUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'One file' }) file!: unknown;
}
