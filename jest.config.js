// NestJS 12 is ESM-only, so Jest runs in ESM mode (NODE_OPTIONS=--experimental-vm-modules) on the output of
// `tsc -p tsconfig.json`: the tests are type-checked exactly like production code and nothing is transpiled twice.
export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/dist'],
  testMatch: ['**/*.spec.js'],
  transform: {},
  globalSetup: '<rootDir>/dist/test/setup/global-setup.js',
  globalTeardown: '<rootDir>/dist/test/setup/global-teardown.js',
  testTimeout: 60000,
};
