export * from './lib/api';
export * from './lib/comments';
export * from './lib/identity';
export * from './lib/tenders';
export * from './lib/tender-rules';
