/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2023' } }] },
  maxWorkers: 2,
  testTimeout: 30000,
  // One Samba AD DC per run (its LDAP ports are fixed); test files reach it with connectSamba().
  globalSetup: '<rootDir>/test/harness/samba-global-setup.ts',
  globalTeardown: '<rootDir>/test/harness/samba-global-teardown.ts',
};
