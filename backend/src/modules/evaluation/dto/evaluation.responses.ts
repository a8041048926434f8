import { ApiProperty } from '@nestjs/swagger';
import {
  type ConflictDeclaration,
  type CriterionAgreement,
  type CriterionScores,
  CriterionType,
  type EvaluationPanel,
  type EvaluationTask,
  type EvaluatorOffset,
  type EvaluatorResponseView,
  type EvaluatorScore,
  type EvaluatorWorkspace,
  type GateResult,
  type ModerationItem,
  type ModerationView,
  type PanelBidder,
  type PanelMember,
  PanelStage,
  ScoringScale,
  type TenderEvaluation,
} from '@openbrief/contracts';

const uuid = { format: 'uuid' } as const;
const instant = { format: 'date-time' } as const;
const nullableText = { nullable: true, type: String } as const;
const nullableInstant = { ...instant, nullable: true, type: String } as const;

class ScaleDescriptorResponse {
  @ApiProperty() score!: number;
  @ApiProperty() label!: string;
  @ApiProperty() description!: string;
}

class PersonResponse {
  @ApiProperty(uuid) userId!: string;
  @ApiProperty() name!: string;
}

export class PanelMemberResponse implements PanelMember {
  @ApiProperty(uuid) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) criterionIds!: string[];
}

export class PanelBidderResponse implements PanelBidder {
  @ApiProperty(uuid) responseId!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty({ example: 'Response A' }) label!: string;
}

export class ConflictDeclarationResponse implements ConflictDeclaration {
  @ApiProperty(uuid) id!: string;
  @ApiProperty(uuid) evaluatorId!: string;
  @ApiProperty() evaluatorName!: string;
  @ApiProperty(uuid) responseId!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty() conflict!: boolean;
  @ApiProperty() details!: string;
  @ApiProperty(instant) declaredAt!: string;
  @ApiProperty(nullableText) handling!: string | null;
  @ApiProperty(nullableText) handledBy!: string | null;
  @ApiProperty(nullableInstant) handledAt!: string | null;
}

export class GateResultResponse implements GateResult {
  @ApiProperty(uuid) responseId!: string;
  @ApiProperty({ ...uuid, nullable: true, type: String }) requirementId!: string | null;
  @ApiProperty({ enum: ['pass-fail', 'quality-threshold', 'abnormally-low'] }) gate!: GateResult['gate'];
  @ApiProperty() passed!: boolean;
  @ApiProperty() reason!: string;
  @ApiProperty(nullableText) decidedBy!: string | null;
  @ApiProperty(instant) decidedAt!: string;
}

class PanelProgressResponse {
  @ApiProperty() submitted!: number;
  @ApiProperty() assigned!: number;
  @ApiProperty() moderated!: number;
  @ApiProperty() toModerate!: number;
}

export class EvaluationPanelResponse implements EvaluationPanel {
  @ApiProperty(uuid) id!: string;
  @ApiProperty(uuid) tenderId!: string;
  @ApiProperty(uuid) lotId!: string;
  @ApiProperty() lotNumber!: number;
  @ApiProperty() lotTitle!: string;
  @ApiProperty({ enum: PanelStage }) stage!: PanelStage;
  @ApiProperty({ type: PersonResponse }) moderator!: PersonResponse;
  @ApiProperty({ type: [PanelMemberResponse] }) evaluators!: PanelMemberResponse[];
  @ApiProperty({ type: [PanelBidderResponse] }) bidders!: PanelBidderResponse[];
  @ApiProperty({ type: [ConflictDeclarationResponse] }) declarations!: ConflictDeclarationResponse[];
  @ApiProperty({ type: [GateResultResponse] }) gates!: GateResultResponse[];
  @ApiProperty({ type: PanelProgressResponse }) progress!: PanelProgressResponse;
  @ApiProperty({ description: 'Send it as If-Match to re-form the panel' }) revision!: number;
  @ApiProperty(instant) createdAt!: string;
}

class TenderEvaluationLotResponse {
  @ApiProperty(uuid) lotId!: string;
  @ApiProperty() lotNumber!: number;
  @ApiProperty() lotTitle!: string;
  @ApiProperty() responses!: number;
  @ApiProperty({ type: EvaluationPanelResponse, nullable: true }) panel!: EvaluationPanelResponse | null;
}

class TeamMemberResponse {
  @ApiProperty(uuid) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['admin', 'buyer', 'evaluator'] }) role!: 'admin' | 'buyer' | 'evaluator';
}

export class TenderEvaluationResponse implements TenderEvaluation {
  @ApiProperty(uuid) tenderId!: string;
  @ApiProperty() tenderReference!: string;
  @ApiProperty() tenderTitle!: string;
  @ApiProperty() opened!: boolean;
  @ApiProperty({ type: [TenderEvaluationLotResponse] }) lots!: TenderEvaluationLotResponse[];
  @ApiProperty({ type: [TeamMemberResponse] }) members!: TeamMemberResponse[];
}

export class EvaluationTaskResponse implements EvaluationTask {
  @ApiProperty(uuid) panelId!: string;
  @ApiProperty(uuid) tenderId!: string;
  @ApiProperty() tenderReference!: string;
  @ApiProperty() tenderTitle!: string;
  @ApiProperty() lotNumber!: number;
  @ApiProperty() lotTitle!: string;
  @ApiProperty({ enum: PanelStage }) stage!: PanelStage;
  @ApiProperty() isModerator!: boolean;
  @ApiProperty() isEvaluator!: boolean;
  @ApiProperty() nextStep!: string;
}

class WorkspaceCriterionResponse {
  @ApiProperty(uuid) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CriterionType }) type!: CriterionType;
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: Number }) wordLimit!: number | null;
  @ApiProperty() submitted!: boolean;
}

class WorkspaceResponseResponse {
  @ApiProperty(uuid) responseId!: string;
  @ApiProperty() label!: string;
  @ApiProperty() scored!: number;
  @ApiProperty() toScore!: number;
}

export class EvaluatorWorkspaceResponse implements EvaluatorWorkspace {
  @ApiProperty(uuid) panelId!: string;
  @ApiProperty() tenderReference!: string;
  @ApiProperty() tenderTitle!: string;
  @ApiProperty() lotNumber!: number;
  @ApiProperty() lotTitle!: string;
  @ApiProperty({ enum: PanelStage }) stage!: PanelStage;
  @ApiProperty({ type: [PanelBidderResponse], description: 'Bidders to declare against, by name; empty once declared' })
  toDeclare!: PanelBidderResponse[];
  @ApiProperty() declared!: boolean;
  @ApiProperty({ enum: ScoringScale }) scale!: ScoringScale;
  @ApiProperty({ type: [ScaleDescriptorResponse] }) descriptors!: ScaleDescriptorResponse[];
  @ApiProperty() minJustificationChars!: number;
  @ApiProperty() blindMarking!: boolean;
  @ApiProperty({ type: [WorkspaceCriterionResponse] }) criteria!: WorkspaceCriterionResponse[];
  @ApiProperty({ type: [WorkspaceResponseResponse] }) responses!: WorkspaceResponseResponse[];
}

export class EvaluatorScoreResponse implements EvaluatorScore {
  @ApiProperty(uuid) responseId!: string;
  @ApiProperty(uuid) criterionId!: string;
  @ApiProperty(uuid) evaluatorId!: string;
  @ApiProperty() evaluatorName!: string;
  @ApiProperty({ nullable: true, type: Number }) score!: number | null;
  @ApiProperty() justification!: string;
  @ApiProperty({ ...nullableInstant, description: 'null: a draft only its evaluator sees' }) submittedAt!: string | null;
  @ApiProperty({ description: 'Send it as If-Match with the next save' }) revision!: number;
}

class AnswerViewResponse {
  @ApiProperty(uuid) criterionId!: string;
  @ApiProperty() criterionName!: string;
  @ApiProperty({ nullable: true, type: Number }) wordLimit!: number | null;
  @ApiProperty({ description: 'The words an evaluator considers' }) considered!: string;
  @ApiProperty({ description: 'Words past the limit: shown, not considered' }) notConsidered!: string;
}

class DeclarationViewResponse {
  @ApiProperty(uuid) requirementId!: string;
  @ApiProperty() requirementOutcome!: string;
  @ApiProperty({ nullable: true, type: Boolean }) meets!: boolean | null;
  @ApiProperty() evidence!: string;
}

class PriceViewResponse {
  @ApiProperty() total!: number;
  @ApiProperty() currency!: string;
}

export class EvaluatorResponseViewResponse implements EvaluatorResponseView {
  @ApiProperty(uuid) responseId!: string;
  @ApiProperty({ description: 'The supplier’s name, or "Response A" under blind marking' }) label!: string;
  @ApiProperty({ type: [AnswerViewResponse] }) answers!: AnswerViewResponse[];
  @ApiProperty({ type: [DeclarationViewResponse] }) declarations!: DeclarationViewResponse[];
  @ApiProperty({ type: PriceViewResponse, nullable: true, description: 'null while prices are hidden until moderation' })
  price!: PriceViewResponse | null;
  @ApiProperty({ type: [EvaluatorScoreResponse] }) scores!: EvaluatorScoreResponse[];
}

export class CriterionScoresResponse implements CriterionScores {
  @ApiProperty(uuid) criterionId!: string;
  @ApiProperty() criterionName!: string;
  @ApiProperty({ type: [EvaluatorScoreResponse] }) scores!: EvaluatorScoreResponse[];
}

class ConsensusResponse {
  @ApiProperty() score!: number;
  @ApiProperty() note!: string;
  @ApiProperty() moderatedBy!: string;
  @ApiProperty(instant) moderatedAt!: string;
}

export class ModerationItemResponse implements ModerationItem {
  @ApiProperty(uuid) responseId!: string;
  @ApiProperty() label!: string;
  @ApiProperty(uuid) criterionId!: string;
  @ApiProperty() criterionName!: string;
  @ApiProperty({ type: [EvaluatorScoreResponse] }) scores!: EvaluatorScoreResponse[];
  @ApiProperty({ nullable: true, type: Number }) spread!: number | null;
  @ApiProperty() flagged!: boolean;
  @ApiProperty({ type: ConsensusResponse, nullable: true }) consensus!: ConsensusResponse | null;
}

class EvaluatorOffsetResponse implements EvaluatorOffset {
  @ApiProperty(uuid) evaluatorId!: string;
  @ApiProperty() evaluatorName!: string;
  @ApiProperty() meanOffset!: number;
  @ApiProperty() items!: number;
  @ApiProperty() outOfLine!: boolean;
}

class CriterionAgreementResponse implements CriterionAgreement {
  @ApiProperty(uuid) criterionId!: string;
  @ApiProperty() criterionName!: string;
  @ApiProperty({ nullable: true, type: Number }) alpha!: number | null;
  @ApiProperty() reading!: string;
}

export class ModerationViewResponse implements ModerationView {
  @ApiProperty(uuid) panelId!: string;
  @ApiProperty() spreadThreshold!: number;
  @ApiProperty({ enum: ScoringScale }) scale!: ScoringScale;
  @ApiProperty({ type: [ScaleDescriptorResponse] }) descriptors!: ScaleDescriptorResponse[];
  @ApiProperty({ type: [ModerationItemResponse] }) items!: ModerationItemResponse[];
  @ApiProperty({ type: [EvaluatorOffsetResponse] }) offsets!: EvaluatorOffsetResponse[];
  @ApiProperty({ type: [CriterionAgreementResponse] }) agreement!: CriterionAgreementResponse[];
}
