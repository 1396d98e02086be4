const swcNest = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2021',
  },
};

module.exports = {
  displayName: 'server',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swcNest] },
  moduleFileExtensions: ['ts', 'js'],
  moduleNameMapper: { '^@huifang/shared$': '<rootDir>/../shared/src/index.ts' },
  coverageDirectory: '../coverage/server',
};
