// Keep tests hermetic: whatever the developer's shell or `.env` holds (the sandbox's GHL_API_BASE_URL, a real app's
// CLIENT_ID, authData_* lines, the deploy key `zapier-platform test` adds), every test sees the same environment.
// Runs before each test file; nothing may read `.env` afterwards (zapier-platform-core's `tools.env` injection
// would put it back; test/hermetic.test.ts checks both).
const FIXED: Record<string, string> = {
  DISABLE_ZAPIER_ANALYTICS: '1',
  CLIENT_ID: 'test-client-id',
  CLIENT_SECRET: 'test-client-secret',
};

// Variables the app, zapier-platform-core, the CLI or the sandbox read (see .env.example). FUZZ_RUNS stays: it only
// changes how many inputs the fuzz test tries.
const READ_BY_CODE = /^(GHL_|authData_|ZAPIER_|SANDBOX_|LOGGING_|LOG_TO_STDOUT$|DETAILED_LOG_TO_STDOUT$|_ZAPIER_)/;
for (const name of Object.keys(process.env)) {
  if (READ_BY_CODE.test(name)) delete process.env[name];
}
Object.assign(process.env, FIXED);
