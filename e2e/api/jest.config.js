module.exports = {
  ...require('../jest.base'),
  displayName: 'e2e-api',
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  maxWorkers: 2,
};
