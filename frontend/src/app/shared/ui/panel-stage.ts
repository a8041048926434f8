import { PanelStage } from '@openbrief/contracts';

const LABELS: Record<PanelStage, string> = {
  [PanelStage.Declaring]: 'Declaring conflicts',
  [PanelStage.Scoring]: 'Scoring',
  [PanelStage.Moderation]: 'Moderation',
  [PanelStage.Moderated]: 'Moderated',
  [PanelStage.Awarded]: 'Awarded',
};

/** A panel's stage in words; the tag's text carries the meaning, never its colour alone. */
export function stageLabel(stage: PanelStage): string {
  return LABELS[stage] ?? stage;
}

/** Reuses the tender status colours so the list reads like the rest of the app. */
export function stageTagClass(stage: PanelStage): string {
  return stage === PanelStage.Awarded ? 'tag tag--awarded' : stage === PanelStage.Moderated ? 'tag tag--published' : 'tag tag--evaluating';
}
