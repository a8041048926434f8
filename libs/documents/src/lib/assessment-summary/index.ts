export {
  buildAssessmentSummary,
  renderAssessmentSummary,
  renderAssessmentSummaryToBuffer,
  type AssessmentSummaryContext,
} from './render-assessment-summary';
