module.exports = {
  ...require('../jest.preset'),
  displayName: 'ocds',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
