/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup-after-env.ts'],
  testTimeout: 30000,
  // maxWorkers stays jest's default (cores - 1: one worker on CI's 2 cores). A worker per core ran faster but every full
  // run then ended with "A worker process has failed to exit gracefully" (not reproducible on any subset of suites).
  // Jest's default reporter without the console output of passing files (test/support/quiet-reporter.js), its summary,
  // and the count of contract-checked requests.
  reporters: ['<rootDir>/test/support/quiet-reporter.js', 'summary', '<rootDir>/test/support/contract-reporter.js'],
};
