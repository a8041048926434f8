import {
  CriterionType,
  JURISDICTION_LABELS,
  Jurisdiction,
  PriceMethod,
  Procedure,
  RequirementKind,
  RequirementPriority,
  ScoringScale,
  TIE_BREAK_LABELS,
  TieBreakRule,
  VatBasis,
} from '@openbrief/contracts';
import { PRICE_METHODS } from '@openbrief/scoring';
import { CRITERION_TYPE_LABELS, PROCEDURE_LABELS } from '../../../shared/ui/tender/tender-labels';
import { RadioOption } from './radios.component';

/** Choices offered in the editor, with the plain-English help a buyer needs to pick one. */
export const KIND_OPTIONS: readonly RadioOption[] = [
  { value: RequirementKind.Outcome, label: 'Outcome', hint: 'A result. Suppliers propose how to achieve it.' },
  { value: RequirementKind.Constraint, label: 'Constraint', hint: 'A limit any solution must respect.' },
  { value: RequirementKind.Mandatory, label: 'Must meet (pass or fail)', hint: 'Bids that do not meet it are excluded.' },
];

export const PRIORITY_OPTIONS: readonly RadioOption[] = [
  { value: RequirementPriority.Essential, label: 'Essential' },
  { value: RequirementPriority.Desirable, label: 'Desirable' },
];

export const CRITERION_TYPE_OPTIONS: readonly RadioOption[] = Object.values(CriterionType).map((value) => ({
  value,
  label: CRITERION_TYPE_LABELS[value],
}));

export const SCALE_OPTIONS: readonly RadioOption[] = [
  { value: ScoringScale.ZeroToFour, label: '0 to 4 (most common)' },
  { value: ScoringScale.ZeroToTen, label: '0 to 10' },
  { value: ScoringScale.ZeroToHundred, label: '0 to 100' },
];

/** Every price method, in the scoring library's words (the pack and the public page use the same). */
export const PRICE_METHOD_OPTIONS: readonly RadioOption[] = Object.values(PriceMethod).map((value) => ({
  value,
  label: PRICE_METHODS[value].label,
  hint: PRICE_METHODS[value].explanation,
}));

export const TIE_BREAK_OPTIONS: readonly RadioOption[] = Object.values(TieBreakRule).map((value) => ({
  value,
  label: TIE_BREAK_LABELS[value],
}));

export const JURISDICTION_OPTIONS: readonly RadioOption[] = Object.values(Jurisdiction).map((value) => ({
  value,
  label: JURISDICTION_LABELS[value],
}));

export const VAT_OPTIONS: readonly RadioOption[] = [
  { value: VatBasis.ExcludingVat, label: 'Excluding VAT' },
  { value: VatBasis.IncludingVat, label: 'Including VAT' },
];

export const PROCEDURE_OPTIONS: readonly RadioOption[] = Object.values(Procedure).map((value) => ({
  value,
  label: PROCEDURE_LABELS[value],
}));

/** Above this estimated value, a single-lot tender must say why it is not divided (Procurement Act 2023, s18). */
export const SINGLE_LOT_REASON_ABOVE = 500_000;

/** PPN 06/20 (now PPN 002): social value should carry at least 10% of the total score. */
export const SOCIAL_VALUE_MINIMUM = 10;
