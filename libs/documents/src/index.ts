export * from './lib/layout';
export * from './lib/tender-pack';
