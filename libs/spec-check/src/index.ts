/**
 * @openbrief/spec-check — the over-prescription checker.
 * Pure TypeScript with no Node or framework imports: runs in the browser and in Node.
 */
export { checkRequirement, checkTender } from './lib/check';
export { RULES, RULE_LIST } from './lib/catalogue';
export { opennessScore, CATEGORY_WEIGHTS } from './lib/openness';
export { readingAge } from './lib/rules/readability';
export { CATEGORIES } from './lib/types';
export type {
  CategoryScore,
  CheckContext,
  CriterionInput,
  Finding,
  FindingCategory,
  Justification,
  JustificationMap,
  LotInput,
  OpennessScore,
  RequirementResult,
  RuleId,
  RuleInfo,
  Severity,
  TenderCheckInput,
  TenderCheckResult,
  TenderRequirementInput,
} from './lib/types';
export { BRAND_GROUPS, GENERICISED_TRADE_MARKS } from './lib/data/brands';
export type { BrandGroup, BrandSector, GenericisedMark } from './lib/data/brands';
export { parseDocxHtml, parseLines } from './lib/parse';
export type { ParsedRequirement } from './lib/parse';
export {
  SMALL_SUPPLIER_LIMITS,
  smallSupplierCheckInput,
  smallSupplierVerdict,
  type SmallSupplierReason,
  type SmallSupplierTender,
  type SmallSupplierText,
  type SmallSupplierVerdict,
} from './lib/small-supplier';
