export * from './lib/layout';
export * from './lib/tender-pack';
export * from './lib/qa-annex';
export * from './lib/receipt';
export * from './lib/evaluation-report';
export * from './lib/assessment-summary';
