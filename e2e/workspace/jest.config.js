module.exports = {
  ...require('../jest.base'),
  displayName: 'e2e-workspace',
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
