import { ConflictDeclarationRow } from './conflict-declaration.entity';
import { ConsensusScoreRow } from './consensus-score.entity';
import { EvaluationPanelRow } from './evaluation-panel.entity';
import { GateDecisionRow } from './gate-decision.entity';
import { IndividualScoreRow } from './individual-score.entity';

export { ConflictDeclarationRow, ConsensusScoreRow, EvaluationPanelRow, GateDecisionRow, IndividualScoreRow };
export type { PanelAssignment } from './evaluation-panel.entity';

/** This module's entities, for src/entities.ts (processes without Nest) and this module's forFeature. */
export const EVALUATION_ENTITIES = [EvaluationPanelRow, ConflictDeclarationRow, GateDecisionRow, IndividualScoreRow, ConsensusScoreRow];
