import { EvaluationRules, PriceParameters } from '@openbrief/contracts';
import { withRules } from '../data-access/content-ops';
import { TenderEditorStore } from '../data-access/tender-editor.store';

export type RulesPatch = Partial<Omit<EvaluationRules, 'price'>> & { price?: Partial<PriceParameters> };

/**
 * Changes some of a lot's rules, merged into the rules in the working copy now (not the ones last rendered), so two
 * quick edits, or an edit just after a colleague's, never undo each other.
 */
export function setLotRules(store: Pick<TenderEditorStore, 'content' | 'setModel'>, lotId: string, patch: RulesPatch): void {
  const lot = store.content()?.lots.find((l) => l.id === lotId);
  if (lot) store.setModel(lotId, { rules: withRules(lot.evaluationModel.rules, patch) });
}
