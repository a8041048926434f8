export { buildQaAnnex, renderQaAnnexToBuffer, type QaAnnexEntry, type QaAnnexInput } from './render-qa-annex';
