module.exports = {
  displayName: 'client',
  preset: '../jest.preset.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../coverage/client',
  testEnvironment: 'jsdom',
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  // Angular's .mjs bundles, @jsverse/utils and Angular's locale data (ESM in .js files) must be
  // compiled to CommonJS.
  transformIgnorePatterns: ['node_modules/(?!(@jsverse/|@angular/common/locales/|.*\\.mjs$))'],
  moduleNameMapper: {
    '^@huifang/shared$': '<rootDir>/../shared/src/index.ts',
  },
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
};
