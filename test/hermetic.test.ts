import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Nothing in `.env` or the environment changes a test's result: a few suites (nock against HighLevel's URL, the
// OAuth client, the sandbox) run in a jest started from a folder with a hostile `.env` (what `npm run sandbox` and
// a real account's setup put there) and the same variables exported, as after `export $(cat .env)`.
const ROOT = path.join(__dirname, '..');
const SUITES = ['test/core/auth.test.ts', 'test/sandbox/locations.test.ts'];

const HOSTILE: Record<string, string> = {
  // Nothing listens on port 9: a test that used it would fail to connect.
  GHL_API_BASE_URL: 'http://127.0.0.1:9',
  CLIENT_ID: 'hostile-client-id',
  CLIENT_SECRET: 'hostile-client-secret',
  authData_access_token: 'hostile-access-token',
  authData_refresh_token: 'hostile-refresh-token',
  authData_locationId: 'hostileLocation00001',
  authData_companyId: 'hostileCompany000001',
  authData_userType: 'Company',
  ZAPIER_BASE_ENDPOINT: 'http://127.0.0.1:9',
  ZAPIER_DEPLOY_KEY: 'hostile-deploy-key',
  SANDBOX_PORT: '9',
  LOG_TO_STDOUT: 'true',
  DETAILED_LOG_TO_STDOUT: 'true',
};

it('suites pass with a hostile .env and environment', () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-env-'));
  try {
    fs.writeFileSync(
      path.join(cwd, '.env'),
      Object.entries(HOSTILE)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
    const results = path.join(cwd, 'results.json');
    const child = spawnSync(
      process.execPath,
      [
        require.resolve('jest/bin/jest'),
        '--config',
        path.join(ROOT, 'jest.config.js'),
        '--runTestsByPath',
        ...SUITES.map((s) => path.join(ROOT, s)),
        '--json',
        '--outputFile',
        results,
        '--silent',
        '--ci',
        '--reporters=default',
        '--runInBand',
      ],
      { cwd, encoding: 'utf8', env: { ...process.env, ...HOSTILE }, timeout: 240_000 },
    );
    const summary = fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, 'utf8')) : undefined;
    const failures = (summary?.testResults ?? []).flatMap((file: any) =>
      file.assertionResults.filter((a: any) => a.status === 'failed').map((a: any) => `${path.relative(ROOT, file.name)}: ${a.fullName}`),
    );
    expect({ exit: child.status, failures, error: summary ? undefined : (child.stderr ?? '').slice(-2000) }).toEqual({
      exit: 0,
      failures: [],
      error: undefined,
    });
    expect(summary.numTotalTestSuites).toBe(SUITES.length);
    expect(summary.numPassedTests).toBeGreaterThan(10);
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
});

it("no test code reads .env (zapier-platform-core's tools.env.inject, dotenv)", () => {
  const readers: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (
        /\.(ts|js)$/.test(entry.name) &&
        file !== __filename &&
        /env\.inject\(|require\(['"]dotenv|from ['"]dotenv|loadEnvFile\(/.test(fs.readFileSync(file, 'utf8'))
      ) {
        readers.push(path.relative(ROOT, file));
      }
    }
  };
  walk(__dirname);
  expect(readers).toEqual([]);
});
