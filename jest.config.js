/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type checking is `tsc --noEmit` (npm test runs it first); jest only strips types, which is fast.
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  maxWorkers: 2,
  // A guard against hangs, not a measure: starting slapd, Samba or PostgreSQL and passdesk (whose
  // policy warm-up builds the strength bound) takes seconds on a busy 2-core machine.
  testTimeout: 120000,
  // One Samba AD DC per run (its LDAP ports are fixed); test files reach it with connectSamba().
  globalSetup: '<rootDir>/test/harness/samba-global-setup.ts',
  globalTeardown: '<rootDir>/test/harness/samba-global-teardown.ts',
};
