/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup-after-env.ts'],
  testTimeout: 30000,
  // Jest's default is one worker less than the cores: on CI's 2 cores a single worker, the other core idle.
  maxWorkers: '100%',
  // Jest's default reporter without the console output of passing files (test/support/quiet-reporter.js), its summary,
  // and the count of contract-checked requests.
  reporters: ['<rootDir>/test/support/quiet-reporter.js', 'summary', '<rootDir>/test/support/contract-reporter.js'],
};
