module.exports = {
  ...require('../jest.base'),
  displayName: 'e2e-crash',
  testMatch: ['<rootDir>/**/*.crash-spec.ts'],
  maxWorkers: 1,
  testTimeout: 110_000,
};
