import { ApiProperty } from '@nestjs/swagger';
import type {
  DeclareConflictsRequest,
  FormPanelRequest,
  ModerateScoreRequest,
  RecordConflictHandlingRequest,
  RecordGateRequest,
  SaveScoreRequest,
} from '@openbrief/contracts';
import { EVALUATION_TEXT_LIMITS } from '@openbrief/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsUUID, Max, Min, MinLength } from 'class-validator';
import { Id, Nested, RequiredText, Text } from '../../../common/validation/fields';

/** Panels are small: a few evaluators, each on a handful of criteria. */
const MAX_EVALUATORS = 30;
const MAX_CRITERIA = 100;
const MAX_BIDDERS = 1000;

/** A text of at least `min` characters (trimmed) and at most `max`. */
function TextBetween(min: number, max: number, description: string) {
  return (target: object, key: string) => {
    RequiredText(max, description)(target, key);
    MinLength(min, { message: `$property must be at least ${min} characters.` })(target, key);
  };
}

/** A whole-number score; the lot's scale (0–4, 0–10 or 0–100) is checked against the published model. */
function ScoreField(description: string) {
  return (target: object, key: string) => {
    ApiProperty({ type: 'integer', minimum: 0, maximum: 100, description })(target, key);
    IsInt({ message: '$property must be a whole number.' })(target, key);
    Min(0, { message: '$property must be at least 0.' })(target, key);
    Max(100, { message: '$property must be at most 100.' })(target, key);
  };
}

export class PanelEvaluatorDto {
  @Id('An evaluator of your organisation') userId!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The scored criteria this evaluator scores (at least one)' })
  @IsArray({ message: 'criterionIds must be a list.' })
  @ArrayMinSize(1, { message: 'criterionIds must name at least one criterion.' })
  @ArrayMaxSize(MAX_CRITERIA, { message: `criterionIds can have at most ${MAX_CRITERIA} items.` })
  @IsUUID('all', { each: true, message: 'Each of criterionIds must be an id (a UUID).' })
  criterionIds!: string[];
}

export class FormPanelDto implements FormPanelRequest {
  @Id('Any buyer, administrator or evaluator of your organisation who does not score on the panel') moderatorId!: string;

  @Nested(() => PanelEvaluatorDto, { each: true, maxItems: MAX_EVALUATORS })
  @ArrayMinSize(1, { message: 'evaluators must name at least one evaluator.' })
  evaluators!: PanelEvaluatorDto[];
}

export class RecordConflictHandlingDto implements RecordConflictHandlingRequest {
  @TextBetween(EVALUATION_TEXT_LIMITS.recordedReasonMin, 2000, 'How the conflict was handled, e.g. "Replaced by J. Smith for this bid"')
  handling!: string;
}

export class RecordGateDto implements RecordGateRequest {
  @Id('One of the lot’s pass/fail requirements') requirementId!: string;

  @ApiProperty({ description: 'false: the response fails this requirement (not scored further); true: restore it' })
  @IsBoolean({ message: 'passed must be true or false.' })
  passed!: boolean;

  @TextBetween(EVALUATION_TEXT_LIMITS.recordedReasonMin, 2000, 'Why, on the evidence') reason!: string;
}

export class ConflictDeclarationDto {
  @Id('A bidder on the panel') responseId!: string;

  @ApiProperty({ description: 'true: a conflict of interest with this bidder (you are removed from it)' })
  @IsBoolean({ message: 'conflict must be true or false.' })
  conflict!: boolean;

  @Text(2000, 'What the conflict is (at least 10 characters when there is one); may be empty when there is none') details!: string;
}

export class DeclareConflictsDto implements DeclareConflictsRequest {
  @Nested(() => ConflictDeclarationDto, { each: true, maxItems: MAX_BIDDERS })
  @ArrayMinSize(1, { message: 'declarations must have one item per bidder.' })
  declarations!: ConflictDeclarationDto[];
}

export class SaveScoreDto implements SaveScoreRequest {
  @ScoreField('On the lot’s scale') score!: number;

  @RequiredText(5000, 'Why, referring to the response (at least the lot’s minimum number of characters)') justification!: string;
}

export class ModerateScoreDto implements ModerateScoreRequest {
  @ScoreField('The consensus score, on the lot’s scale') score!: number;

  @TextBetween(EVALUATION_TEXT_LIMITS.recordedReasonMin, 5000, 'How the panel reached it') note!: string;
}
