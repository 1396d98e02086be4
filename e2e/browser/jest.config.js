module.exports = {
  ...require('../jest.base'),
  displayName: 'e2e-browser',
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  maxWorkers: 1,
};
