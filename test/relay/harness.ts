/**
 * Test harness for the relay: the relay runs as a real child process (`dist/relay/src/main.js`, built by `npm test`;
 * pg-boss is an ES module that jest's module system cannot load), HighLevel and Zapier hooks are loopback servers here.
 */
import { ChildProcess, spawn } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { checkRequest } from '../../contract/openapi';

// test/relay (jest) or dist/test/relay (compiled, used by the benchmark)
export const ROOT = [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..', '..', '..')].find((d) =>
  fs.existsSync(path.join(d, 'package-lock.json')),
)!;
export const MAIN = path.join(ROOT, 'dist', 'relay', 'src', 'main.js');
export const GOOD_TOKEN = 'hl-location-token-good-123456';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  throw new Error(`relay tests need Node >= 22.12 (pg-boss); this is ${process.version}. Run them through npm (npm test / npx jest).`);
}
if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does).`);

export interface Backend {
  name: 'PGlite' | 'PostgreSQL';
  /** A fresh store: a PGlite folder or a new PostgreSQL database. */
  create(): Promise<{ env: Record<string, string>; dataDir?: string; drop(): Promise<void> }>;
}

const PG_URL = process.env.RELAY_TEST_DATABASE_URL;
let warned = false;

/** PGlite always; PostgreSQL when RELAY_TEST_DATABASE_URL is set (a role allowed to CREATE DATABASE). */
export function backends(): Backend[] {
  const list: Backend[] = [
    {
      name: 'PGlite',
      async create() {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-test-'));
        return { env: { RELAY_DATA_DIR: dataDir }, dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
      },
    },
  ];
  if (PG_URL) {
    list.push({
      name: 'PostgreSQL',
      async create() {
        const name = `relay_test_${crypto.randomBytes(5).toString('hex')}`;
        const admin = new Client({ connectionString: PG_URL });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${name}`);
        await admin.end();
        const url = new URL(PG_URL);
        url.pathname = `/${name}`;
        return {
          env: { DATABASE_URL: url.toString() },
          drop: async () => {
            const c = new Client({ connectionString: PG_URL });
            await c.connect();
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
            await c.end();
          },
        };
      },
    });
  } else if (!warned) {
    warned = true;
    console.log('Relay tests against a real PostgreSQL SKIPPED: set RELAY_TEST_DATABASE_URL (bash .ci/run does).');
  }
  return list;
}

export function pgUrl(): string | undefined {
  return PG_URL;
}

/** An Ed25519 signer standing in for HighLevel, and its public key for GHL_WEBHOOK_PUBLIC_KEY. */
export function signer() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (raw: string | Buffer) => crypto.sign(null, Buffer.from(raw), privateKey).toString('base64'),
  };
}

export interface RelayProcess {
  url: string;
  proc: ChildProcess;
  output(): string;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

/** Spawns `node dist/relay/src/main.js` with `env` and waits for its "relay listening on" line. */
export async function spawnRelay(env: Record<string, string>, timeoutMs = 30_000): Promise<RelayProcess> {
  const proc = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', RELAY_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      const m = /relay listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout!.on('data', check);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    proc,
    output: () => out,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      // The grace timer is cleared once the process has exited: a pending one kept jest alive 10 s after the run.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (grace = setTimeout(r, 10_000)))]);
      clearTimeout(grace);
      if (proc.exitCode === null) {
        proc.kill('SIGKILL');
        await exited;
      }
    },
    async kill9() {
      proc.kill('SIGKILL');
      await exited;
    },
  };
}

export interface HookCall {
  path: string;
  at: number;
  body: any;
}

/**
 * A stand-in for Zapier's hook endpoints. Each path answers from its script (status, delay, headers) in turn, then
 * 200; every request is recorded.
 */
export async function hookServer() {
  const calls: HookCall[] = [];
  const scripts = new Map<string, { status: number; delayMs?: number; headers?: Record<string, string> }[]>();
  const delays = new Map<string, number>();
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      const step = scripts.get(req.url!)?.shift();
      const delay = step?.delayMs ?? delays.get(req.url!) ?? 0;
      setTimeout(() => {
        let body: any = data;
        try {
          body = JSON.parse(data);
        } catch {
          /* recorded as text */
        }
        const status = step?.status ?? 200;
        calls.push({ path: req.url!, at: Date.now(), body, status } as HookCall);
        res.writeHead(status, step?.headers ?? {});
        res.end('{}');
      }, delay);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as any).port}`;
  return {
    base,
    calls,
    url: (p: string) => `${base}${p}`,
    script: (p: string, steps: { status: number; delayMs?: number; headers?: Record<string, string> }[]) => scripts.set(p, steps),
    delay: (p: string, ms: number) => delays.set(p, ms),
    to: (p: string) => calls.filter((c) => c.path === p),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Fake HighLevel: GET /locations/{id} answers 200 for GOOD_TOKEN, 401 otherwise; requests are checked against the spec. */
export async function fakeHighLevel() {
  const contractErrors: string[] = [];
  const server = http.createServer((req, res) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
    const verdict = checkRequest({ method: req.method!, url: req.url!, headers, body: undefined });
    if (!verdict.ok) contractErrors.push(...verdict.errors);
    const m = /^\/locations\/([^/?]+)$/.exec(req.url ?? '');
    if (m && req.headers.authorization === `Bearer ${GOOD_TOKEN}`) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ location: { id: decodeURIComponent(m[1]), name: 'Test' } }));
    } else {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ statusCode: 401, message: 'Invalid JWT' }));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    base: `http://127.0.0.1:${(server.address() as any).port}`,
    contractErrors,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function request(base: string, method: string, p: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${p}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, body: json };
}

/** Posts a webhook as HighLevel would: the raw JSON bytes with their Ed25519 signature. */
export function sendWebhook(base: string, sign: (raw: string) => string, event: object) {
  const raw = JSON.stringify(event);
  return request(base, 'POST', '/v1/highlevel/webhook', raw, { 'x-ghl-signature': sign(raw) });
}

export async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function baseEnv(hl: string, publicPem: string): Record<string, string> {
  return {
    GHL_WEBHOOK_PUBLIC_KEY: publicPem,
    GHL_API_BASE_URL: hl,
    GHL_APP_ID: 'app123',
    RELAY_ALLOWED_TARGET_PREFIXES: 'http://127.0.0.1:',
    RELAY_ADMIN_TOKEN: 'admin-token-for-tests',
    RELAY_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    RELAY_RETRY_DELAY_SECONDS: '1',
    RELAY_RETRY_DELAY_MAX_SECONDS: '2',
    RELAY_MAX_ATTEMPTS: '3',
    RELAY_TEST_HOOKS: '1',
    RELAY_MAX_BODY_BYTES: '16384',
  };
}

export const ADMIN = { authorization: 'Bearer admin-token-for-tests' };
