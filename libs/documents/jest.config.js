module.exports = {
  ...require('../jest.preset'),
  displayName: 'documents',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // Rendering real PDFs and shelling out to poppler/qpdf takes a few seconds per case on 2 cores.
  testTimeout: 60000,
};
