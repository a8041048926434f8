module.exports = {
  ...require('../jest.preset'),
  displayName: 'tender-doc',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
