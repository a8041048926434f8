export {
  buildEvaluationReport,
  renderEvaluationReport,
  renderEvaluationReportToBuffer,
  type EvaluationReportOptions,
} from './render-evaluation-report';
