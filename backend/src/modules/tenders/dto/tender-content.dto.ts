import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  type Budget,
  type Contact,
  type ContractTerms,
  type CriterionContent,
  CriterionType,
  EVALUATION_RULE_LIMITS,
  type EvaluationModelContent,
  type EvaluationRules,
  type FindingJustification,
  ITL_REGION_CODES,
  type ItlRegion,
  Jurisdiction,
  type LotContent,
  type Measure,
  PriceMethod,
  type PriceParameters,
  ProcurementCategory,
  Procedure,
  RequirementKind,
  RequirementPriority,
  type RequirementContent,
  RESPONSE_RULE_LIMITS,
  type ResponseRules,
  type ScaleDescriptor,
  ScoringScale,
  type TenderContent,
  TieBreakRule,
  TEXT_LIMITS as L,
  type Timetable,
  VatBasis,
  isCurrencyCode,
} from '@openbrief/contracts';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import {
  DecimalNumber,
  EnumField,
  Id,
  Nested,
  NullableInstant,
  NullableNumber,
  NullableText,
  MaxDecimalPlaces,
  RequiredText,
  Text,
} from '../../../common/validation/fields';

/**
 * Each item of a list is an object. class-validator's nested validation walks into an array found where an item
 * belongs, so `criteria: [[{…}]]` passed it and reached the rules between fields as an array (a 500), or was
 * stored as it was (descriptors). (Nested in common/validation/fields.ts would be the place for all lists.)
 */
const ObjectItems = () => IsObject({ each: true, message: '$property must be a list of objects.' });

/** true or false, nothing else (no "yes", no 1): a response rule is a checkbox. */
function YesNo(description: string) {
  return applyDecorators(ApiProperty({ type: Boolean, description }), IsBoolean({ message: '$property must be true or false.' }));
}

/** A whole number within the limits the contracts declare (RESPONSE_RULE_LIMITS, EVALUATION_RULE_LIMITS), so editor, API and pack agree. */
function WholeNumber(limits: { min: number; max: number }, description: string) {
  const message = `$property must be a whole number from ${limits.min} to ${limits.max}.`;
  return applyDecorators(
    ApiProperty({ type: Number, minimum: limits.min, maximum: limits.max, description }),
    IsInt({ message }),
    Min(limits.min, { message }),
    Max(limits.max, { message }),
  );
}

/** A number within the limits the contracts declare, with at most `places` decimal places (a percentage, a ratio). */
function RangedNumber(limits: { min: number; max: number }, places: number, description: string) {
  const message = `$property must be a number from ${limits.min} to ${limits.max}, with at most ${places} decimal places.`;
  return applyDecorators(
    ApiProperty({ type: Number, minimum: limits.min, maximum: limits.max, description }),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message }),
    MaxDecimalPlaces(places, { message }),
    Min(limits.min, { message }),
    Max(limits.max, { message }),
  );
}

const MAX_MONEY = 100_000_000_000;

export class MeasureDto implements Measure {
  @Text(L.measure.description, 'How success will be measured') description!: string;
  @NullableText(L.measure.baseline) baseline!: string | null;
  @NullableText(L.measure.target) target!: string | null;
  @NullableText(L.measure.unit) unit!: string | null;
}

export class RequirementDto implements RequirementContent {
  @Id() id!: string;
  @NullableText(L.requirement.heading, 'Heading the requirement is grouped under') heading!: string | null;
  @EnumField(RequirementKind, 'requirement kind') kind!: RequirementKind;
  @EnumField(RequirementPriority, 'priority') priority!: RequirementPriority;
  @Text(L.requirement.outcome, 'What must be true') outcome!: string;
  @Text(L.requirement.whyItMatters) whyItMatters!: string;
  @Nested(() => MeasureDto) measure!: MeasureDto;
  @Text(L.requirement.roomForProposals, 'What suppliers are free to propose') roomForProposals!: string;
  @NullableText(L.requirement.justification, 'Why this requirement must be specific') justification!: string | null;
}

export class CriterionDto implements CriterionContent {
  @Id() id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'parentId must be the id of another criterion, or null.' })
  parentId!: string | null;
  @RequiredText(L.criterion.name) name!: string;
  @EnumField(CriterionType, 'criterion type') type!: CriterionType;
  @ApiProperty({ minimum: 0, maximum: 100 })
  @DecimalNumber(0, 100, 2)
  weight!: number;
  @Text(L.criterion.description) description!: string;
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray({ message: 'requirementIds must be a list.' })
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'requirementIds must be requirement ids.' })
  requirementIds!: string[];
  @NullableNumber(1, 10_000, { integer: true, description: 'Word limit for the answer' }) wordLimit!: number | null;
}

export class ScaleDescriptorDto implements ScaleDescriptor {
  @ApiProperty() @IsInt({ message: 'score must be a whole number.' }) @Min(0) @Max(100) score!: number;
  @RequiredText(L.scaleDescriptor.label) label!: string;
  @Text(L.scaleDescriptor.description) description!: string;
}

const R = EVALUATION_RULE_LIMITS;

export class PriceParametersDto implements PriceParameters {
  @NullableNumber(0, MAX_MONEY, {
    description: 'Linear between the budget and a floor: the price that scores nothing (null: the budget’s maximum)',
  })
  ceilingPrice!: number | null;
  @NullableNumber(0, MAX_MONEY, {
    description: 'Linear between the budget and a floor: the price at and below which price scores full marks (null: 0)',
  })
  floorPrice!: number | null;
  @RangedNumber(R.logRatio, 2, 'Logarithmic: A, the ratio to the lowest price at which the score reaches 0') logRatio!: number;
  @RangedNumber(R.discountRatePercent, 2, 'Whole-life cost: the yearly discount rate, in percent') discountRatePercent!: number;
}

export class EvaluationRulesDto implements EvaluationRules {
  @YesNo('Evaluators of quality criteria see “Response A”, not the bidder’s name') blindMarking!: boolean;
  @YesNo('Evaluators see no price until every quality score is moderated') priceHiddenUntilModerated!: boolean;
  @EnumField(TieBreakRule, 'how a tie is broken') tieBreak!: TieBreakRule;
  @RangedNumber(R.nearTieMargin, 2, 'Totals this many points apart or closer are flagged as a near-tie') nearTieMargin!: number;
  @WholeNumber(R.minJustificationChars, 'The fewest characters in an evaluator’s justification') minJustificationChars!: number;
  @NullableNumber(R.moderationSpread.min, R.moderationSpread.max, {
    integer: true,
    description: 'Scores this many points apart are flagged for moderation (null: half the scale’s maximum)',
  })
  moderationSpread!: number | null;
  @RangedNumber(R.abnormallyLowPercent, 2, 'A price this percentage below the average or the estimate is flagged as abnormally low')
  abnormallyLowPercent!: number;
  @Nested(() => PriceParametersDto) price!: PriceParametersDto;
}

export class EvaluationModelDto implements EvaluationModelContent {
  @EnumField(ScoringScale, 'scoring scale') scale!: ScoringScale;
  @Nested(() => ScaleDescriptorDto, { each: true, maxItems: 101 }) @ObjectItems() descriptors!: ScaleDescriptorDto[];
  @NullableNumber(0, 100, { integer: true }) minimumQualityPercent!: number | null;
  @EnumField(PriceMethod, 'price scoring method') priceMethod!: PriceMethod;
  @Nested(() => EvaluationRulesDto) rules!: EvaluationRulesDto;
  @Nested(() => CriterionDto, { each: true, maxItems: 200 }) @ObjectItems() criteria!: CriterionDto[];
}

export class LotDto implements LotContent {
  @Id() id!: string;
  @RequiredText(L.lot.title) title!: string;
  @Text(L.lot.description) description!: string;
  @NullableNumber(0, MAX_MONEY) estimatedValue!: number | null;
  @Nested(() => EvaluationModelDto) evaluationModel!: EvaluationModelDto;
  @Nested(() => RequirementDto, { each: true, maxItems: 1000 }) @ObjectItems() requirements!: RequirementDto[];
}

export class BudgetDto implements Budget {
  @NullableNumber(0, MAX_MONEY) min!: number | null;
  @NullableNumber(0, MAX_MONEY) max!: number | null;
  @ApiProperty({ example: 'GBP', pattern: '^[A-Z]{3}$', description: 'An ISO 4217 currency code' })
  @ValidateBy(
    { name: 'isCurrencyCode', validator: { validate: (v: unknown) => isCurrencyCode(v) } },
    { message: 'currency must be a currency code like GBP, EUR or USD.' },
  )
  currency!: string;
  @EnumField(VatBasis, 'VAT basis') vatBasis!: VatBasis;
}

export class ContractTermsDto implements ContractTerms {
  @NullableNumber(1, 240, { integer: true }) lengthMonths!: number | null;
  @Text(L.contract.extensionOptions) extensionOptions!: string;
  @EnumField(Jurisdiction, 'jurisdiction: whose bank holidays the standstill skips') jurisdiction!: Jurisdiction;
}

export class TimetableDto implements Timetable {
  @NullableInstant() clarificationDeadline!: string | null;
  @NullableInstant() submissionDeadline!: string | null;
  @NullableInstant() evaluationStart!: string | null;
  @NullableInstant() evaluationEnd!: string | null;
  @NullableInstant() expectedAward!: string | null;
  @NullableInstant() contractStart!: string | null;
  @NullableInstant('When answers to clarification questions will have been published: after questions close, before bids are due')
  answersPublishedBy!: string | null;
}

export class ResponseRulesDto implements ResponseRules {
  @YesNo('Suppliers may attach documents to their response') attachmentsAllowed!: boolean;
  @WholeNumber(RESPONSE_RULE_LIMITS.maxAttachments, 'The most attachments per response') maxAttachments!: number;
  @WholeNumber(RESPONSE_RULE_LIMITS.maxAttachmentMb, 'The largest attachment, in megabytes') maxAttachmentMb!: number;
  @YesNo('A second member of the buying organisation must confirm the opening of responses') twoPersonOpening!: boolean;
}

export class ContactDto implements Contact {
  @Text(L.contact.name) name!: string;
  @ApiProperty({ format: 'email', maxLength: L.contact.email })
  @ValidateIf((_, v) => v !== '')
  @MaxLength(L.contact.email, { message: `contact email must be at most ${L.contact.email} characters.` })
  @IsEmail({}, { message: 'contact email must be an e-mail address, or empty.' })
  email!: string;
  @NullableText(L.contact.phone) phone!: string | null;
}

export class JustificationDto implements FindingJustification {
  @ApiProperty({
    description:
      'The requirement the finding is about, "tender" for a finding about the whole tender, or the checked text it is in: ' +
      'a tender field ("problem") or "<requirement, lot or criterion id>/<field>" (contracts checkedTexts)',
  })
  @Matches(
    /^(?:tender|summary|problem|users|workDone|constraints|engagementSummary|noEngagementReason|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\/(?:measure|roomForProposals|lotDescription|criterionDescription))?)$/i,
    {
      message:
        'requirementId must be a requirement id, "tender" for a finding about the whole tender, or a checked text (such as "problem" or "<lot id>/lotDescription").',
    },
  )
  requirementId!: string;
  @RequiredText(L.justification.rule) rule!: string;
  @RequiredText(L.justification.text) text!: string;
}

/** ITL 1 delivery regions: each a known code, each once, at most one of each (none: anywhere in the UK). */
function Regions() {
  const max = ITL_REGION_CODES.length;
  return applyDecorators(
    ApiProperty({
      type: [String],
      enum: ITL_REGION_CODES,
      maxItems: max,
      uniqueItems: true,
      description: 'ITL 1 regions where the work is delivered; empty for anywhere in the UK',
    }),
    IsArray({ message: '$property must be a list.' }),
    ArrayMaxSize(max, { message: `$property can have at most ${max} items.` }),
    ArrayUnique((code: unknown) => code, { message: '$property must not name a region twice.' }),
    IsIn(ITL_REGION_CODES, { each: true, message: `each of $property must be one of: ${ITL_REGION_CODES.join(', ')} (ITL 1 regions).` }),
  );
}

export class TenderContentDto implements TenderContent {
  @RequiredText(L.tender.title) title!: string;
  @Text(L.tender.summary, 'Plain-English summary') summary!: string;
  @Text(L.tender.problem, 'The problem to be solved') problem!: string;
  @Text(L.tender.users, 'Who the users are') users!: string;
  @Text(L.tender.workDone) workDone!: string;
  @Text(L.tender.constraints) constraints!: string;
  @Nested(() => BudgetDto) budget!: BudgetDto;
  @Nested(() => ContractTermsDto) contract!: ContractTermsDto;
  @NullableNumber(0, MAX_MONEY) estimatedValue!: number | null;
  @Text(L.tender.location) location!: string;
  @EnumField(ProcurementCategory, 'main procurement category') mainCategory!: ProcurementCategory;
  @Regions() regions!: ItlRegion[];
  @EnumField(Procedure, 'procedure') procedure!: Procedure;
  @NullableText(L.tender.singleLotReason) singleLotReason!: string | null;
  @Text(L.tender.engagementSummary, 'What changed because of preliminary market engagement') engagementSummary!: string;
  @NullableText(L.tender.noEngagementReason, 'Why there was no preliminary market engagement') noEngagementReason!: string | null;
  @Nested(() => TimetableDto) timetable!: TimetableDto;
  @Nested(() => ResponseRulesDto) responseRules!: ResponseRulesDto;
  @Nested(() => ContactDto) contact!: ContactDto;
  @Nested(() => LotDto, { each: true, maxItems: 50 }) @ObjectItems() lots!: LotDto[];
  @Nested(() => JustificationDto, { each: true, maxItems: 2000 }) @ObjectItems() justifications!: JustificationDto[];
}
