export * from './lib/api';
export * from './lib/identity';
export * from './lib/tenders';
export * from './lib/tender-rules';
