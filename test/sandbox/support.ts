import * as fs from 'fs';
import * as path from 'path';
import { checkResponse } from '../../contract/openapi';
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
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** A token for the sandbox location without the OAuth dance. */
export function tokenFor(sandbox: Sandbox): string {
  return sandbox.state.issueTokens().access_token;
}
