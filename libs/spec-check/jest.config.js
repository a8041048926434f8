module.exports = {
  ...require('../jest.preset'),
  displayName: 'spec-check',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
