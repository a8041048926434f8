const integrationOnly = process.env.BACKEND_TESTS === 'integration';

const preset = require('../libs/jest.preset');

// Packages that ship only ES modules (content-disposition under @fastify/static; cookie,
// which @fastify/cookie loads with import()). Node loads them through require(esm); Jest's module runtime cannot, so
// SWC turns them (and the import() call) into CommonJS for the tests.
const ESM_ONLY = ['@fastify/static/node_modules/content-disposition', '@fastify/cookie'];

module.exports = {
  ...preset,
  transform: {
    ...preset.transform,
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: ['@swc/jest', { module: { type: 'commonjs' }, jsc: { target: 'es2022' } }],
  },
  // Every other file under node_modules is left as it is.
  transformIgnorePatterns: [`^(?!.*/node_modules/(${ESM_ONLY.join('|')})/).*/node_modules/`],
  displayName: process.env.TEST_DATABASE === 'postgres' ? 'backend (postgres)' : 'backend (sqlite)',
  rootDir: __dirname,
  testMatch: integrationOnly ? ['<rootDir>/test/integration/**/*.spec.ts'] : ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  setupFiles: ['reflect-metadata'],
  // Generous: on a busy shared machine a live or spawned-server test can take many times its quiet-machine time.
  // Speed goals live in `npm run bench`, not here.
  testTimeout: 120_000,
};
