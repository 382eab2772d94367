import * as fs from 'fs';
import * as path from 'path';
import { checkResponse } from '../../contract/openapi';
import { AGENCY_CODE } from '../../sandbox/routes/oauth';
import { ResponseRecord, Sandbox, SandboxOptions, startSandbox } from '../../sandbox/server';

/** A sandbox whose every response is checked against the spec's response schema for its route and status. */
export async function checkedSandbox(options: SandboxOptions = {}) {
  const violations: string[] = [];
  const onResponse = (r: ResponseRecord) => {
    if (!r.route) return;
    const result = checkResponse(r.method, r.route, r.status, r.body);
    if (!result.ok) violations.push(`${r.method} ${r.route} → ${r.status}: ${result.errors.join('; ')}`);
  };
  const sandbox = await startSandbox({ ...options, onResponse });
  const close = sandbox.close;
  sandbox.close = async () => {
    await close();
    countCheckedRequests(sandbox.requests.filter((r) => r.route && r.status !== 401 && r.status !== 429).length);
  };
  return { sandbox, violations };
}

/**
 * The sandbox checked every routed request with checkRequest: add them to the run's "Contract: N requests"
 * total (summed by test/support/contract-reporter.js, one file per worker process).
 */
function countCheckedRequests(n: number) {
  if (!n) return;
  const dir = path.join(__dirname, '..', '..', 'node_modules', '.cache', 'contract-counts');
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(path.join(dir, `${process.pid}.txt`), `${n}\n`);
}

export interface Call {
  status: number;
  body: any;
  headers: Headers;
}

/** One HTTP request to the sandbox, as the app would send it (Bearer token, Version header, JSON body). */
export async function call(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; form?: Record<string, string>; version?: string | null } = {},
): Promise<Call> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.version !== null) headers.Version = options.version ?? '2021-07-28';
  let body: string | undefined;
  if (options.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${sandbox.url}${path}`, { method, headers, body });
  const text = await response.text();
  // File answers (recordings, transcripts) come back as their text.
  const json = /json/i.test(response.headers.get('content-type') ?? '');
  return { status: response.status, body: text ? (json ? JSON.parse(text) : text) : undefined, headers: response.headers };
}

/** A token for the sandbox location without the OAuth dance. */
export function tokenFor(sandbox: Sandbox): string {
  return sandbox.state.issueTokens().access_token;
}

type Item = Record<string, any>;

export interface SandboxApp {
  sandbox: Sandbox;
  /** The connection's authData (a sub-account connection, or the agency's with `agency: true`). */
  authData: Item;
  /** The sandbox location (the one a sub-account connection is for). */
  locationId: string;
  /** Runs an operation's perform through the Zapier runtime, as a Zap step would. */
  run(key: string, inputData?: Item): Promise<any>;
  /** A sub-account token for direct requests. */
  token(): string;
}

/**
 * Registers the hooks of an end-to-end test file: a checked sandbox, the app connected to it by OAuth (the
 * sandbox location, or with `agency` the agency), and after each test: no contract violations and no request
 * refused by the contract (422). Returns the harness, filled in by `beforeAll`.
 */
export function sandboxApp(options: { agency?: boolean } = {}): SandboxApp {
  // Loaded here so that only the end-to-end files pay for building the app.
  const { createAppTester } = require('zapier-platform-core');
  const App = require('../../app/index').default;
  const appTester = createAppTester(App);
  let violations: string[] = [];
  let checked = 0;
  const harness = {
    run(key: string, inputData: Item = {}) {
      const op = App.triggers[key] ?? App.creates[key] ?? App.searches[key];
      if (!op) throw new Error(`no operation ${key}`);
      process.env.GHL_API_BASE_URL = harness.sandbox.url; // a file may run two harnesses (sub-account and agency)
      return appTester(op.operation.perform, { authData: harness.authData, inputData });
    },
    token: () => tokenFor(harness.sandbox),
  } as SandboxApp;
  beforeAll(async () => {
    ({ sandbox: harness.sandbox, violations } = await checkedSandbox());
    process.env.GHL_API_BASE_URL = harness.sandbox.url;
    harness.locationId = harness.sandbox.state.locationId;
    harness.authData = await appTester(App.authentication.oauth2Config.getAccessToken, {
      inputData: {
        code: options.agency ? AGENCY_CODE : 'sandbox-code',
        redirect_uri: 'https://zapier.com/dashboard/auth/oauth/return/App000CLIAPI/',
      },
    });
  });
  afterAll(async () => {
    delete process.env.GHL_API_BASE_URL;
    await harness.sandbox.close();
  });
  afterEach(() => {
    // Taken before asserting, so that one failing test does not fail the next ones too.
    const refused = harness.sandbox.requests.slice(checked).filter((r) => r.status === 422);
    checked = harness.sandbox.requests.length;
    expect(violations.splice(0)).toEqual([]);
    expect(refused).toEqual([]);
  });
  return harness;
}
