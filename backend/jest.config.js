const integrationOnly = process.env.BACKEND_TESTS === 'integration';

module.exports = {
  ...require('../libs/jest.preset'),
  displayName: process.env.TEST_DATABASE === 'postgres' ? 'backend (postgres)' : 'backend (sqlite)',
  rootDir: __dirname,
  testMatch: integrationOnly
    ? ['<rootDir>/test/integration/**/*.spec.ts']
    : ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
};
