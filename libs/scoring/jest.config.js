module.exports = {
  ...require('../jest.preset'),
  displayName: 'scoring',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
