import { ApiProperty } from '@nestjs/swagger';
import {
  type Budget,
  type Contact,
  type ContractTerms,
  type CriterionContent,
  CriterionType,
  type EvaluationModelContent,
  type FindingJustification,
  type LotContent,
  type Measure,
  PriceMethod,
  Procedure,
  RequirementKind,
  RequirementPriority,
  type RequirementContent,
  type ScaleDescriptor,
  ScoringScale,
  type TenderContent,
  type Timetable,
  VatBasis,
  isCurrencyCode,
} from '@openbrief/contracts';
import { ArrayMaxSize, IsArray, IsEmail, IsInt, IsUUID, Matches, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import {
  DecimalNumber,
  EnumField,
  Id,
  Nested,
  NullableInstant,
  NullableNumber,
  NullableText,
  RequiredText,
  Text,
} from '../../../common/validation/fields';

const MAX_MONEY = 100_000_000_000;

export class MeasureDto implements Measure {
  @Text(1000, 'How success will be measured') description!: string;
  @NullableText(200) baseline!: string | null;
  @NullableText(200) target!: string | null;
  @NullableText(60) unit!: string | null;
}

export class RequirementDto implements RequirementContent {
  @Id() id!: string;
  @NullableText(200, 'Heading the requirement is grouped under') heading!: string | null;
  @EnumField(RequirementKind, 'requirement kind') kind!: RequirementKind;
  @EnumField(RequirementPriority, 'priority') priority!: RequirementPriority;
  @Text(2000, 'What must be true') outcome!: string;
  @Text(2000) whyItMatters!: string;
  @Nested(() => MeasureDto) measure!: MeasureDto;
  @Text(2000, 'What suppliers are free to propose') roomForProposals!: string;
  @NullableText(2000, 'Why this requirement must be specific') justification!: string | null;
}

export class CriterionDto implements CriterionContent {
  @Id() id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'parentId must be the id of another criterion, or null.' })
  parentId!: string | null;
  @RequiredText(200) name!: string;
  @EnumField(CriterionType, 'criterion type') type!: CriterionType;
  @ApiProperty({ minimum: 0, maximum: 100 })
  @DecimalNumber(0, 100, 2)
  weight!: number;
  @Text(2000) description!: string;
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray({ message: 'requirementIds must be a list.' })
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'requirementIds must be requirement ids.' })
  requirementIds!: string[];
  @NullableNumber(1, 10_000, { integer: true, description: 'Word limit for the answer' }) wordLimit!: number | null;
}

export class ScaleDescriptorDto implements ScaleDescriptor {
  @ApiProperty() @IsInt({ message: 'score must be a whole number.' }) @Min(0) @Max(100) score!: number;
  @RequiredText(100) label!: string;
  @Text(1000) description!: string;
}

export class EvaluationModelDto implements EvaluationModelContent {
  @EnumField(ScoringScale, 'scoring scale') scale!: ScoringScale;
  @Nested(() => ScaleDescriptorDto, { each: true, maxItems: 101 }) descriptors!: ScaleDescriptorDto[];
  @NullableNumber(0, 100, { integer: true }) minimumQualityPercent!: number | null;
  @EnumField(PriceMethod, 'price scoring method') priceMethod!: PriceMethod;
  @Nested(() => CriterionDto, { each: true, maxItems: 200 }) criteria!: CriterionDto[];
}

export class LotDto implements LotContent {
  @Id() id!: string;
  @RequiredText(200) title!: string;
  @Text(5000) description!: string;
  @NullableNumber(0, MAX_MONEY) estimatedValue!: number | null;
  @Nested(() => EvaluationModelDto) evaluationModel!: EvaluationModelDto;
  @Nested(() => RequirementDto, { each: true, maxItems: 1000 }) requirements!: RequirementDto[];
}

export class BudgetDto implements Budget {
  @NullableNumber(0, MAX_MONEY) min!: number | null;
  @NullableNumber(0, MAX_MONEY) max!: number | null;
  @ApiProperty({ example: 'GBP', pattern: '^[A-Z]{3}$', description: 'An ISO 4217 currency code' })
  @ValidateBy({ name: 'isCurrencyCode', validator: { validate: (v: unknown) => isCurrencyCode(v) } }, { message: 'currency must be a currency code like GBP, EUR or USD.' })
  currency!: string;
  @EnumField(VatBasis, 'VAT basis') vatBasis!: VatBasis;
}

export class ContractTermsDto implements ContractTerms {
  @NullableNumber(1, 240, { integer: true }) lengthMonths!: number | null;
  @Text(1000) extensionOptions!: string;
}

export class TimetableDto implements Timetable {
  @NullableInstant() clarificationDeadline!: string | null;
  @NullableInstant() submissionDeadline!: string | null;
  @NullableInstant() evaluationStart!: string | null;
  @NullableInstant() evaluationEnd!: string | null;
  @NullableInstant() expectedAward!: string | null;
  @NullableInstant() contractStart!: string | null;
}

export class ContactDto implements Contact {
  @Text(200) name!: string;
  @ApiProperty({ format: 'email' })
  @ValidateIf((_, v) => v !== '')
  @IsEmail({}, { message: 'contact email must be an e-mail address, or empty.' })
  email!: string;
  @NullableText(40) phone!: string | null;
}

export class JustificationDto implements FindingJustification {
  @ApiProperty({ description: 'The requirement the finding is about, or "tender" for a finding about the whole tender' })
  @Matches(/^(?:tender|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'requirementId must be a requirement id, or "tender" for a finding about the whole tender.',
  })
  requirementId!: string;
  @RequiredText(100) rule!: string;
  @RequiredText(2000) text!: string;
}

export class TenderContentDto implements TenderContent {
  @RequiredText(200) title!: string;
  @Text(2000, 'Plain-English summary') summary!: string;
  @Text(5000, 'The problem to be solved') problem!: string;
  @Text(5000, 'Who the users are') users!: string;
  @Text(5000) workDone!: string;
  @Text(5000) constraints!: string;
  @Nested(() => BudgetDto) budget!: BudgetDto;
  @Nested(() => ContractTermsDto) contract!: ContractTermsDto;
  @NullableNumber(0, MAX_MONEY) estimatedValue!: number | null;
  @Text(200) location!: string;
  @EnumField(Procedure, 'procedure') procedure!: Procedure;
  @NullableText(2000) singleLotReason!: string | null;
  @Nested(() => TimetableDto) timetable!: TimetableDto;
  @Nested(() => ContactDto) contact!: ContactDto;
  @Nested(() => LotDto, { each: true, maxItems: 50 }) lots!: LotDto[];
  @Nested(() => JustificationDto, { each: true, maxItems: 2000 }) justifications!: JustificationDto[];
}
