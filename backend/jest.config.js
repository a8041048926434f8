const integrationOnly = process.env.BACKEND_TESTS === 'integration';

const preset = require('../libs/jest.preset');

module.exports = {
  ...preset,
  displayName: process.env.TEST_DATABASE === 'postgres' ? 'backend (postgres)' : 'backend (sqlite)',
  rootDir: __dirname,
  testMatch: integrationOnly
    ? ['<rootDir>/test/integration/**/*.spec.ts']
    : ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  setupFiles: ['reflect-metadata'],
  // Generous: on a busy shared machine a live or spawned-server test can take many times its quiet-machine time.
  // Speed goals live in `npm run bench`, not here.
  testTimeout: 120_000,
};
