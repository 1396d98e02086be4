/** Shared Jest settings for the API and browser suites: TypeScript through SWC, real processes. */
module.exports = {
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  moduleFileExtensions: ['ts', 'js'],
  moduleNameMapper: { '^@huifang/shared$': '<rootDir>/../../shared/src/index.ts' },
  testTimeout: 120_000,
};
