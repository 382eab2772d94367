import nock from 'nock';
import * as fs from 'fs';
import * as path from 'path';
import { createAppTester } from 'zapier-platform-core';
import { checkRequest } from '../../contract/openapi';
import { DEFAULT_API_BASE_URL } from '../../src/config';
import App from '../../app/index';
import { Operation } from '../../src/factories/operation';
import { operations } from '../../app/operations';

export const BASE = DEFAULT_API_BASE_URL;
export const appTester = createAppTester(App);

export const AUTH = {
  access_token: 'at-secret-1234567890',
  refresh_token: 'rt-secret-1234567890',
  locationId: 'loc_5Yc1sLr8xq',
  companyId: 'cmp_8XyQ1z',
};

export interface ContractRecord {
  method: string;
  url: string;
  ok: boolean;
  errors: string[];
}

/** Every request nock intercepted in this test file, with its contract verdict. */
export const contractRecords: ContractRecord[] = [];

/**
 * A nock scope for HighLevel whose every intercepted request is checked against the official OpenAPI specs.
 * A request that breaks the contract fails the test (see `expectContractClean`, run after each test).
 */
export function highlevel(base: string = BASE): nock.Scope {
  const scope = nock(base);
  scope.on('request', (req: any, _interceptor: unknown, body: string) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
    const parsed = interceptedBody(body, headers['content-type']);
    const result = checkRequest({ method: req.method, url: req.path, headers, body: parsed });
    contractRecords.push({ method: req.method, url: req.path, ok: result.ok, errors: result.errors });
  });
  return scope;
}

/**
 * A body nock intercepted, as the contract checker takes it: JSON parsed; a multipart upload as its bytes (nock
 * hands a binary body over hex-encoded, a text one as it is); anything else as the string.
 */
export function interceptedBody(body: string, contentType: string | undefined): unknown {
  if (!body) return undefined;
  if (/multipart\/form-data/i.test(contentType ?? '')) {
    return /^([0-9a-f]{2})+$/i.test(body) && !body.startsWith('--') ? Buffer.from(body, 'hex') : Buffer.from(body, 'utf8');
  }
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** Runs an operation through the Zapier runtime with a sub-account connection. */
export function run(op: Operation, inputData: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<any> {
  return appTester(op.perform as any, { authData: AUTH, inputData, ...extra } as any);
}

export function operation(key: string): Operation {
  const op = operations.find((o) => o.key === key);
  if (!op) throw new Error(`no operation ${key}`);
  return op;
}

/** Call in afterEach: fails on any request that broke the contract, and counts the checked ones. */
export function expectContractClean() {
  const bad = contractRecords.filter((r) => !r.ok);
  const count = contractRecords.length;
  contractRecords.length = 0;
  recordCount(count);
  if (bad.length) {
    throw new Error(
      `Requests that break HighLevel's OpenAPI contract:\n${bad.map((r) => `${r.method} ${r.url}: ${r.errors.join('; ')}`).join('\n')}`,
    );
  }
}

// The count of contract-checked requests is summed across jest workers by test/support/contract-reporter.js.
export const COUNT_DIR = path.join(__dirname, '..', '..', 'node_modules', '.cache', 'contract-counts');
function recordCount(n: number) {
  if (!n) return;
  fs.mkdirSync(COUNT_DIR, { recursive: true });
  fs.appendFileSync(path.join(COUNT_DIR, `${process.pid}.txt`), `${n}\n`);
}

/** The error a step failed with, as the user sees it: Zapier errors carry `{message, code, status}` as JSON. */
export async function failureOf(promise: Promise<unknown>): Promise<{ name: string; message: string; code?: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error;
    try {
      const parsed = JSON.parse(e.message);
      if (parsed && typeof parsed === 'object' && 'message' in parsed) return { name: e.name, ...parsed };
    } catch {
      /* a plain message */
    }
    return { name: e.name, message: e.message };
  }
  throw new Error('expected the step to fail, but it succeeded');
}
