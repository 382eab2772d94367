/**
 * `npm run bench:relay`: the relay's throughput and latency, on PGlite and (when a server is reachable) PostgreSQL.
 *
 * For each store: a fresh relay process, 100 subscriptions (one per location), then
 *  1. accepted events/s: 10,000 signed webhooks sent as fast as 32 concurrent connections allow, until every
 *     delivery reaches the local hook (lost = acknowledged but never delivered; duplicates = delivered twice);
 *  2. end-to-end latency (sent → the hook receives it) for 10,000 more at a fixed 500 events/s: median and p95;
 *  3. the same load against a bare fastify endpoint (the machine's ceiling), and the ratio.
 * PostgreSQL: DATABASE_URL or RELAY_TEST_DATABASE_URL (a role that may CREATE DATABASE); skipped when absent.
 * Options: --events N (10000), --rate N (500), --concurrency N (32), --only pglite|postgres. A quicker run on a busy
 * machine: `--events 2000` (the README's table is the full 10,000). Profiling: BENCH_RELAY_NODE_OPTIONS is passed
 * to the relay process as NODE_OPTIONS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`); BENCH_WORKERS sets RELAY_WORKERS.
 */
import * as crypto from 'crypto';
import * as http from 'http';
import * as path from 'path';
import { Client } from 'pg';
import { spawn } from 'child_process';
import { GOOD_TOKEN, baseEnv, fakeHighLevel, request, signer, spawnRelay, RelayProcess } from '../../test/relay/harness';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const EVENTS = opt('events', 10_000);
const RATE = opt('rate', 500);
const CONCURRENCY = opt('concurrency', 32);
const SUBS = 100;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

interface Row {
  store: string;
  accepted: number;
  ceiling: number;
  median: number;
  p95: number;
  lost: number;
  duplicates: number;
  drainSeconds: number;
}

/** Hook endpoint counting deliveries per webhookId and recording sent→received latency. */
async function hookCounter() {
  const seen = new Map<string, number>();
  const latencies: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const now = Date.now();
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        seen.set(body.webhookId, (seen.get(body.webhookId) ?? 0) + 1);
        if (body.phase === 'latency') latencies.push(now - body.sentAt);
      } catch {
        /* counted as nothing */
      }
      res.writeHead(200).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { base: `http://127.0.0.1:${(server.address() as any).port}`, seen, latencies, close: () => server.close() };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function post(base: string, raw: string, signature: string): Promise<number> {
  const url = new URL(`${base}/v1/highlevel/webhook`);
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'x-ghl-signature': signature, 'content-length': Buffer.byteLength(raw) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(raw);
  });
}

function makeEvents(sign: (raw: string) => string, phase: string, n: number) {
  return Array.from({ length: n }, (_, i) => {
    const body = {
      type: 'ContactCreate',
      locationId: `benchLoc${i % SUBS}`,
      webhookId: `${phase}-${i}-${crypto.randomBytes(4).toString('hex')}`,
      phase,
      id: `c${i}`,
      sentAt: 0,
    };
    return body;
  }).map((body) => ({ body, sign }));
}

/** Sends as fast as CONCURRENCY allows; returns acknowledged ids and events/s. */
async function flood(base: string, events: { body: any; sign: (raw: string) => string }[]) {
  const pre = events.map((e) => {
    const raw = JSON.stringify(e.body);
    return { id: e.body.webhookId as string, raw, sig: e.sign(raw) };
  });
  const acked: string[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < pre.length) {
        const e = pre[next++];
        if ((await post(base, e.raw, e.sig)) === 200) acked.push(e.id);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { acked, perSecond: pre.length / seconds };
}

/** Sends at a fixed rate (signing each just before it leaves, with its send time inside). */
async function paced(base: string, events: { body: any; sign: (raw: string) => string }[], rate: number) {
  const acked: string[] = [];
  const started = Date.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < events.length; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const e = events[i];
    e.body.sentAt = Date.now();
    const raw = JSON.stringify(e.body);
    pending.push(post(base, raw, e.sign(raw)).then((s) => void (s === 200 && acked.push(e.body.webhookId))));
  }
  await Promise.all(pending);
  return acked;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

async function waitDelivered(seen: Map<string, number>, ids: string[], timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end && ids.some((id) => !seen.has(id))) await new Promise((r) => setTimeout(r, 100));
}

async function ceiling(): Promise<number> {
  const proc = spawn(process.execPath, [path.join(__dirname, 'bare.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) =>
    proc.stdout!.on('data', (d) => {
      const m = /listening on (\S+)/.exec(String(d));
      if (m) resolve(m[1]);
    }),
  );
  const key = signer();
  const { perSecond } = await flood(url, makeEvents(key.sign, 'bare', EVENTS));
  proc.kill('SIGTERM');
  return perSecond;
}

async function run(store: string, storeEnv: Record<string, string>, bare: number): Promise<Row> {
  const hl = await fakeHighLevel();
  const hooks = await hookCounter();
  const key = signer();
  const relay: RelayProcess = await spawnRelay(
    {
      ...baseEnv(hl.base, key.publicPem),
      ...storeEnv,
      RELAY_LOG_LEVEL: 'warn',
      RELAY_RATE_LIMIT_PER_MINUTE: '100000',
      ...(process.env.BENCH_WORKERS ? { RELAY_WORKERS: process.env.BENCH_WORKERS } : {}),
      ...(process.env.BENCH_RELAY_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_RELAY_NODE_OPTIONS } : {}),
    },
    60_000,
  );
  try {
    for (let i = 0; i < SUBS; i++) {
      const r = await request(
        relay.url,
        'POST',
        '/v1/subscriptions',
        { targetUrl: `${hooks.base}/hook/${i}`, locationId: `benchLoc${i}`, events: ['ContactCreate'], triggerKey: 'bench' },
        {
          authorization: `Bearer ${GOOD_TOKEN}`,
        },
      );
      if (r.status !== 201) throw new Error(`subscribe failed: ${r.status}`);
    }
    const t0 = Date.now();
    const a = await flood(relay.url, makeEvents(key.sign, 'throughput', EVENTS));
    await waitDelivered(hooks.seen, a.acked, 300_000);
    const drainSeconds = (Date.now() - t0) / 1000;
    const b = await paced(relay.url, makeEvents(key.sign, 'latency', EVENTS), RATE);
    await waitDelivered(hooks.seen, b, 300_000);
    await new Promise((r) => setTimeout(r, 1000));
    const acked = [...a.acked, ...b];
    const lost = acked.filter((id) => !hooks.seen.has(id)).length + (2 * EVENTS - acked.length);
    const duplicates = [...hooks.seen.values()].filter((n) => n > 1).length;
    return {
      store,
      accepted: a.perSecond,
      ceiling: bare,
      median: pct(hooks.latencies, 50),
      p95: pct(hooks.latencies, 95),
      lost,
      duplicates,
      drainSeconds,
    };
  } finally {
    await relay.stop();
    hooks.close();
    await hl.close();
  }
}

async function main() {
  const rows: Row[] = [];
  process.stdout.write(
    `relay benchmark: ${EVENTS} events over ${SUBS} subscriptions, ${CONCURRENCY} connections; latency at ${RATE} events/s\n`,
  );
  const bare = await ceiling();
  process.stdout.write(`bare fastify endpoint: ${bare.toFixed(0)} events/s\n`);
  if (only !== 'postgres') {
    const dir = path.join(require('os').tmpdir(), `relay-bench-${crypto.randomBytes(4).toString('hex')}`);
    rows.push(await run('PGlite', { RELAY_DATA_DIR: dir }, bare));
    require('fs').rmSync(dir, { recursive: true, force: true });
  }
  const pg = process.env.RELAY_TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (pg && only !== 'pglite') {
    const name = `relay_bench_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: pg });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(pg);
    url.pathname = `/${name}`;
    try {
      rows.push(await run('PostgreSQL', { DATABASE_URL: url.toString() }, bare));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    }
  } else if (!pg) {
    process.stdout.write('PostgreSQL skipped: set RELAY_TEST_DATABASE_URL or DATABASE_URL.\n');
  }
  const f = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
  process.stdout.write(
    [
      '',
      `| Store | Accepted events/s (sustained, ${EVENTS.toLocaleString('en-US')} events) | Bare fastify events/s | Ratio | All delivered after (s) | Latency median @ ${RATE}/s (ms) | Latency p95 (ms) | Lost | Duplicates |`,
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.store} | ${f(r.accepted)} | ${f(r.ceiling)} | ${(r.accepted / r.ceiling).toFixed(2)} | ${r.drainSeconds.toFixed(1)} | ${f(r.median)} | ${f(r.p95)} | ${r.lost} | ${r.duplicates} |`,
      ),
      '',
    ].join('\n'),
  );
  agent.destroy();
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${(error as Error).stack}\n`);
    process.exit(1);
  },
);
