import '../sandbox/walkthrough-env'; // first: the environment zapier-platform-core reads when it loads
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { Bundle, createAppTester, ZObject } from 'zapier-platform-core';
import { Sandbox, startSandbox } from '../sandbox/server';
import { CACHE_TTL_SECONDS } from '../src/cache';
import { Operation } from '../src/factories/operation';
import { FieldDef } from '../src/fields/field';
import App from '../app/index';
import { addSubmission, parentsOf, SubmissionKind } from '../sandbox/routes/forms';
import { OrderInput, placeOrder } from '../sandbox/routes/payments';
import { operations } from '../app/operations';

/**
 * `npm run bench`: cold start, HTTP requests per poll, polling correctness, a throttled burst of actions and the
 * size of the upload, printed as tables. Everything runs locally: the app against the sandbox (sandbox/server.ts).
 *
 *   --runs N      cold-start samples of each kind (default 15)
 *   --polls N     simulated polls per trigger (default 1000)
 *   --burst-polls N  polls of the heavy-tailed simulation (bursts larger than a page; default 200)
 *   --burst-polls-new N  its polls for each New … trigger of issue 14 (forms, money, products, objects; default: --burst-polls)
 *   --only NAME   run some sections (comma-separated): cold, polls, correctness, bursts, burst, size
 *   --burst N     actions in the burst (default 1000)
 *   --window-ms N the burst's rate-limit window: 100 requests per N ms (default 1000, HighLevel's 10 s / 10)
 *   --skip-build  do not run `zapier-platform build` (reports an existing build/build.zip, if any)
 *
 * BENCH_ONLY=cold (or --only, or a comma-separated list of cold, polls, correctness, bursts, burst, size) runs only
 * those parts, e.g. `BENCH_ONLY=cold npm run bench` for the cold-start ratio alone (bursts: heavy-tailed arrivals).
 */

const ROOT = path.resolve(__dirname, '..', '..'); // dist/scripts → the project
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && Number(args[i + 1]) > 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = option('runs', 15);
// BENCH_ONLY=a,b or --only a
const ONLY = (process.env.BENCH_ONLY ?? (args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined))
  ?.split(',')
  .map((part) => part.trim());
const runs = (part: 'cold' | 'polls' | 'correctness' | 'bursts' | 'burst' | 'size') => !ONLY || ONLY.includes(part);
const POLLS = option('polls', 1000);
/** Polls of the heavy-tailed (bursty) simulation: its arrivals average ~20 contacts a poll. */
const BURST_POLLS = option('burst-polls', 200);
/** Polls of the same simulation for each New … trigger of issue 14 (forms, money, products, custom objects). */
const BURST_POLLS_NEW = option('burst-polls-new', BURST_POLLS);
const BURST = option('burst', 1000);

// HighLevel's burst limit is 100 requests per 10 s; the burst runs it 10× faster (100 requests per 1 s, --window-ms),
// which the app, run locally, can outpace: faster clocks would leave the limit unreached and nothing to measure.
const REAL_WINDOW_MS = 10_000;
const BURST_LIMIT = { limit: 100, windowMs: option('window-ms', 1000) };
const TIME_SCALE = BURST_LIMIT.windowMs / REAL_WINDOW_MS;
/** Attempts Zapier makes of a throttled step in this simulation (the first try and its retries). */
const MAX_ATTEMPTS = 10;

// ---------------------------------------------------------------------------------------------------------
// Output

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n: number, digits = 1) => n.toFixed(digits);

function table(title: string, header: string[], rows: Array<Array<string | number>>) {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(header));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of cells.slice(1)) console.log(line(r));
}

// ---------------------------------------------------------------------------------------------------------
// 1. Cold start: require the app in a fresh process, alternating with a bare zapier-platform-core app.

type ColdTarget = 'app' | 'bare' | 'poll' | 'live';
const CHILD = (target: ColdTarget) => `
const t0 = process.hrtime.bigint();
${
  target === 'bare'
    ? `const core = require('zapier-platform-core');
const app = { version: '1.0.0', platformVersion: core.version, triggers: { ping: { key: 'ping', noun: 'Ping',
  display: { label: 'Ping', description: 'Triggers on a ping.' }, operation: { perform: async () => [] } } } };`
    : target === 'live'
      ? `require(${JSON.stringify(path.join(ROOT, 'dist', 'app', 'index.js'))});`
      : `const app = require(${JSON.stringify(path.join(ROOT, 'index.js'))});${
          target === 'poll' ? '\napp.triggers.new_contact.operation.perform.resolve();' : ''
        }`
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS }));
`;

function coldStart() {
  const targets: ColdTarget[] = ['bare', 'app', 'poll', 'live'];
  const samples = Object.fromEntries(targets.map((t) => [t, [] as Array<{ ms: number; wallMs: number; rssMb: number }>])) as Record<
    ColdTarget,
    Array<{ ms: number; wallMs: number; rssMb: number }>
  >;
  for (let i = 0; i < RUNS; i++) {
    // Rotated each round, so no kind always runs first (or right after another) on a noisy machine.
    const order = targets.map((_t, j) => targets[(i + j) % targets.length]);
    for (const target of order) {
      const started = process.hrtime.bigint();
      const child = spawnSync(process.execPath, ['-e', CHILD(target)], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'production' },
      });
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (child.status !== 0) throw new Error(`cold start of ${target} failed: ${child.stderr}`);
      const { ms, maxRssKb } = JSON.parse(child.stdout);
      samples[target].push({ ms, wallMs, rssMb: maxRssKb / 1024 });
    }
  }
  const m = (t: ColdTarget, k: 'ms' | 'wallMs' | 'rssMb') => median(samples[t].map((s) => s[k]));
  const ratio = (t: ColdTarget) => [
    fmt(m(t, 'ms') / m('bare', 'ms'), 2),
    fmt(m(t, 'wallMs') / m('bare', 'wallMs'), 2),
    fmt(m(t, 'rssMb') / m('bare', 'rssMb'), 2),
  ];
  const row = (label: string, t: ColdTarget) => [label, fmt(m(t, 'ms')), fmt(m(t, 'wallMs')), fmt(m(t, 'rssMb'))];
  table(
    `Cold start (${RUNS} fresh processes each, rotating order; medians). Zapier requires index.js, the shipped definition (operations as data, functions loading their module on first call; scripts/shipDefinition.ts); the invocation then loads the module of the operation it runs`,
    ['', 'require (ms)', 'process wall (ms)', 'peak RSS (MB)'],
    [
      row('bare zapier-platform-core app', 'bare'),
      row('this app (index.js)', 'app'),
      ['ratio (goal ≤ 1.15)', ...ratio('app')],
      row('index.js + New Contact poll module (a cold poll)', 'poll'),
      ['ratio', ...ratio('poll')],
      row('every operation module (dist/app/index.js)', 'live'),
      ['ratio', ...ratio('live')],
    ],
  );
}

// ---------------------------------------------------------------------------------------------------------
// The runtime's z, bound to a sandbox connection.

let z: ZObject;
/** The store behind this z's `z.cache` (the app tester's stand-in for Zapier's cache, kept across calls). */
let zcache: Record<string, unknown> = {};
async function runtimeZ(authData: Record<string, string>) {
  // The z of one real invocation: zapier-platform-core's request client with the app's middleware and errors.
  // Each operation then runs as `perform(z, bundle)`, without a full appTester round (~50 ms) per call.
  const tester = createAppTester(App);
  await tester(
    async (runtime: ZObject) => {
      z = runtime;
      return {};
    },
    { authData } as any,
  );
  zcache = (tester as unknown as { zcacheTestObj: Record<string, unknown> }).zcacheTestObj;
}

/** Empties z.cache: the next poll is the one after the cache expired (or Zapier's first). */
const clearCache = () => Object.keys(zcache).forEach((key) => delete zcache[key]);

function connect(sandbox: Sandbox): Record<string, string> {
  const tokens = sandbox.state.issueTokens();
  process.env.GHL_API_BASE_URL = sandbox.url;
  return { ...tokens, locationId: sandbox.state.locationId, companyId: sandbox.state.companyId, userType: 'Location' };
}

const bundleOf = (authData: Record<string, string>, inputData: Record<string, unknown> = {}): Bundle =>
  ({ authData, inputData, meta: { isLoadingSample: false, isFillingDynamicDropdown: false, page: 0 } }) as unknown as Bundle;

/** HighLevel's API, called directly (the "someone changes data in HighLevel" side of the simulation). */
async function api(sandbox: Sandbox, token: string, method: string, url: string, body?: unknown): Promise<any> {
  const response = await fetch(`${sandbox.url}${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, Version: '2021-07-28', Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json();
  if (response.status >= 400) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(data)}`);
  return data;
}

// ---------------------------------------------------------------------------------------------------------
// 2. HTTP requests per poll, for every polling trigger of the app.

const CANDIDATES: unknown[] = [
  'false',
  'lead',
  '2026-03-10T09:00:00Z',
  '2026-03-10',
  '1',
  'rosa@example.com',
  '+15550100199',
  'https://example.com',
  'US',
];
const accepts = (field: FieldDef, value: unknown) => field.schema().safeParse(value).success;

/** A value for one field: a dropdown's first record for id fields, else a choice, the default or a value the schema accepts. */
async function fieldValue(field: FieldDef, authData: Record<string, string>, depth: number): Promise<unknown> {
  const dropdown = field.dynamic && depth < 2 ? operations.find((o) => o.key === field.dynamic!.split('.')[0]) : undefined;
  if (dropdown) {
    const dropdownInput = await requiredInput(dropdown, authData, depth + 1);
    const items = dropdownInput ? ((await dropdown.perform(z, bundleOf(authData, dropdownInput)).catch(() => [])) as any[]) : [];
    if (items?.[0]?.id !== undefined) return items[0].id;
  }
  if (field.choices) return Object.keys(field.choices)[0];
  if (field.default !== undefined && accepts(field, field.default)) return field.default;
  return CANDIDATES.find((c) => accepts(field, c));
}

/** Values for an operation's required fields. */
async function requiredInput(op: Operation, authData: Record<string, string>, depth = 0): Promise<Record<string, unknown> | undefined> {
  const input: Record<string, unknown> = {};
  for (const field of op.def.fields.filter((f) => f.required)) {
    const value = await fieldValue(field, authData, depth);
    if (value === undefined) return undefined;
    input[field.key] = value;
  }
  return input;
}

/**
 * Inputs to try for a trigger: its required fields, then each optional dropdown field added in turn (for
 * triggers with a rule across fields, e.g. "fill in one of Calendar, User or Calendar Group").
 */
async function candidateInputs(op: Operation, authData: Record<string, string>): Promise<Array<Record<string, unknown>>> {
  const base = await requiredInput(op, authData);
  if (!base) return [];
  const inputs = [base];
  for (const field of op.def.fields.filter((f) => !f.required && f.dynamic)) {
    const value = await fieldValue(field, authData, 0);
    if (value !== undefined) inputs.push({ ...base, [field.key]: value });
  }
  return inputs;
}

/** The user-facing message of an error (Zapier's errors carry it inside JSON). */
function messageOf(error: unknown): string {
  const raw = String((error as Error)?.message ?? error);
  try {
    return String(JSON.parse(raw).message ?? raw);
  } catch {
    return raw;
  }
}

const isInvalidInput = (error: unknown) => /"code":"InvalidInput"/.test(String((error as Error)?.message));

/**
 * Requests one poll sends when HighLevel answers every request with the trigger's sample: a catch-all local
 * server, for triggers whose endpoints the sandbox does not serve.
 */
async function requestsWithSampleServer(
  op: Operation,
  input: Record<string, unknown>,
  authData: Record<string, string>,
): Promise<{ cold: number; warm: number; items: number | string }> {
  const answer = JSON.stringify(op.def.sampleAnswer ?? (op.def.resultKey ? { [op.def.resultKey]: [op.def.sample] } : [op.def.sample]));
  let count = 0;
  const server = http.createServer((req, res) => {
    count++;
    req.resume();
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const saved = process.env.GHL_API_BASE_URL;
  process.env.GHL_API_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    clearCache();
    const items = await op.perform(z, bundleOf(authData, input)).catch(() => undefined);
    const cold = count;
    await op.perform(z, bundleOf(authData, input)).catch(() => undefined);
    return { cold, warm: count - cold, items: Array.isArray(items) ? items.length : '–' };
  } finally {
    process.env.GHL_API_BASE_URL = saved;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

async function requestsPerPoll() {
  const sandbox = await startSandbox({ port: 0, seed: true });
  try {
    const authData = connect(sandbox);
    await runtimeZ(authData);
    const rows: Array<Array<string | number>> = [];
    for (const op of operations.filter((o) => o.kind === 'trigger' && !o.def.hidden)) {
      const sorting = (op.def as { newestFirst?: unknown }).newestFirst ? 'sorted in the app' : 'as HighLevel orders it';
      const agencyOnly = (op.def as { agencyOnly?: boolean }).agencyOnly ?? (op.def.endpoint as { agencyOnly?: boolean }).agencyOnly;
      if (agencyOnly) {
        rows.push([op.key, '–', '–', '–', 'agency connection only (the sandbox issues location tokens)']);
        continue;
      }
      const inputs = await candidateInputs(op, authData);
      if (!inputs.length) {
        rows.push([op.key, '–', '–', '–', 'no value found for a required field']);
        continue;
      }
      let row: Array<string | number> | undefined;
      for (const input of inputs) {
        const before = sandbox.requests.length;
        try {
          // Twice: on an empty z.cache (location data read to name ids, e.g. pipeline names, is fetched), then
          // on the cache the first poll filled (the next poll within its lifetime).
          clearCache();
          const items = (await op.perform(z, bundleOf(authData, input))) as unknown[];
          const cold = sandbox.requests.slice(before);
          const warmFrom = sandbox.requests.length;
          await op.perform(z, bundleOf(authData, input));
          const warm = sandbox.requests.slice(warmFrom);
          const endpoints = [...new Set(cold.map((r) => `${r.method} ${r.route ?? r.path}`))].join(', ');
          row = [op.key, cold.length, warm.length, items.length, `sandbox; ${sorting}; ${endpoints}`];
          break;
        } catch (error) {
          if (isInvalidInput(error)) continue;
          // Measured against a server answering the trigger's sample instead, with the sandbox's reason.
          const unserved = sandbox.requests.slice(before).find((r) => r.status === 404 && !r.route);
          const why = unserved
            ? `the sandbox has no ${unserved.method} ${unserved.path.replace(/\/[A-Za-z0-9]{20}(?=\/|$)/g, '/{id}')}`
            : `the sandbox answered: ${messageOf(error)
                .replace(/ \(HighLevel traceId.*$/, '')
                .slice(0, 70)}`;
          const { cold, warm, items } = await requestsWithSampleServer(op, input, authData);
          row = [op.key, cold, warm, items, `sample server (${why}); ${sorting}`];
          break;
        }
      }
      rows.push(row ?? [op.key, '–', '–', '–', 'every input tried was rejected as invalid']);
    }
    table(
      `HTTP requests per poll (goal 1 where HighLevel sorts server-side). Cold: z.cache empty, e.g. Zapier's first poll, or polls further apart than the cache's lifetime (pipeline names: 60 minutes; custom field definitions: ${CACHE_TTL_SECONDS / 60} minutes); the second request reads the names of ids (opportunity pipelines and stages). Warm: the next poll within that lifetime`,
      ['trigger', 'requests (cold cache)', 'requests (warm cache)', 'items', 'measured against; order; endpoints (cold)'],
      rows,
    );
  } finally {
    await sandbox.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// 3. Polling correctness: records created and changed between polls, Zapier's dedupe by `id`.

/** A small deterministic PRNG (mulberry32), so every run simulates the same history. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface TriggerSim {
  op: Operation;
  /** The event a record's current state stands for, as Zapier should see it once. */
  eventOf: (contact: Record<string, any>) => string;
  /** The event an item the trigger returned stands for. */
  eventOfItem: (item: Record<string, any>) => string;
  /** Zapier's dedupe store: ids seen before. */
  seen: Set<string>;
  triggered: Set<string>;
  expected: Set<string>;
  duplicates: number;
  late: number;
  requests: number;
  /** Per poll: events that arrived since the previous poll, and the requests it sent. */
  perPoll: Array<{ arrived: number; requests: number }>;
}

/** Arrivals between two polls: new contacts and changed ones. */
interface Arrivals {
  creates: (random: () => number) => number;
  updates: (random: () => number) => number;
}

/** The usual traffic: 0–3 new contacts (now and then a burst of 40) and 0–3 changed ones. */
const steadyArrivals: Arrivals = {
  creates: (random) => (random() < 0.01 ? 40 : Math.floor(random() * 4)),
  updates: (random) => Math.floor(random() * 4),
};

/** A Pareto draw (scale xm, shape α) minus xm, rounded down and capped: mostly a few, now and then hundreds. */
const pareto = (random: () => number, xm: number, alpha: number, cap: number) =>
  Math.min(cap, Math.floor(xm / Math.pow(1 - random(), 1 / alpha) - xm));

/**
 * Heavy-tailed traffic (issue 10): a third of the polls see nothing, most a few records, about one in twenty
 * several hundred (Pareto, α = 0.9, capped at 700): bursts larger than a page (100) between two polls.
 */
const burstyArrivals: Arrivals = {
  creates: (random) => (random() < 0.33 ? 0 : pareto(random, 3, 0.9, 700)),
  updates: (random) => (random() < 0.5 ? 0 : pareto(random, 2, 1, 300)),
};

/** A trigger of a feed: the input of its zap and which arrivals it should report, once each. */
interface FeedTrigger {
  key: string;
  input?: Record<string, unknown>;
  /** `create`: each new record once; `change`: each record's latest state after a poll's arrivals once. */
  on: 'create' | 'change';
  /** The event a record stands for (its id, or its id and change time). */
  eventOf: (record: Record<string, any>) => string;
  /** The event an item the trigger returned stands for. */
  eventOfItem: (item: Record<string, any>) => string;
}

/**
 * One kind of record the simulation adds in HighLevel between polls (n: its running number, from 1), optionally
 * changes, and the triggers that should report them.
 */
interface Feed {
  noun: string;
  triggers: FeedTrigger[];
  create: (n: number) => Promise<Record<string, any>>;
  update?: (id: string, n: number) => Promise<Record<string, any>>;
  polls: number;
}

const byId: Pick<FeedTrigger, 'eventOf' | 'eventOfItem'> = { eventOf: (r) => String(r._id ?? r.id), eventOfItem: (i) => String(i.id) };

/** The contacts feed (New Contact, Updated Contact): the simulation of issue 4, kept as it was. */
function contactFeed(sandbox: Sandbox, authData: Record<string, string>, polls: number): Feed {
  const token = authData.access_token;
  return {
    noun: 'contacts',
    polls,
    triggers: [
      { key: 'new_contact', on: 'create', ...byId },
      {
        key: 'updated_contact',
        on: 'change',
        eventOf: (c) => `${c.id}@${c.dateUpdated}`,
        eventOfItem: (i) => `${i.contactId ?? i.id}@${i.dateUpdated}`,
      },
    ],
    create: async (n) =>
      (
        await api(sandbox, token, 'POST', '/contacts/', {
          locationId: authData.locationId,
          firstName: `Bench${n}`,
          email: `bench${n}@example.com`,
        })
      ).contact,
    update: async (id, n) => (await api(sandbox, token, 'PUT', `/contacts/${id}`, { lastName: `Changed${n}` })).contact,
  };
}

/**
 * The money, forms, products and custom-object feeds (issue 14): each new record once. Records HighLevel's API
 * cannot create (submissions, checkouts) are added to the sandbox's state, as a visitor or a checkout would.
 */
function newRecordFeeds(sandbox: Sandbox, authData: Record<string, string>, polls: number): Feed[] {
  const token = authData.access_token;
  const state = sandbox.state;
  const contact = state.contactsOf(state.locationId)[0];
  const buyer = { contactId: contact.id, contactName: `${contact.firstName} ${contact.lastName}` };
  // A transaction or subscription is one of the order placed with it: the order's id is its entityId.
  const ofOrder: Pick<FeedTrigger, 'eventOf' | 'eventOfItem'> = { eventOf: (o) => String(o._id), eventOfItem: (i) => String(i.entityId) };
  const submissions = (kind: SubmissionKind): Feed => ({
    noun: `${kind} submissions`,
    polls,
    triggers: [{ key: `new_${kind}_submission`, on: 'create', ...byId }],
    create: async (n) => {
      const parents = parentsOf(state, kind);
      return addSubmission(state, kind, parents[n % parents.length].id, { first: 'Bench', last: String(n), email: `sub${n}@example.com` });
    },
  });
  const checkouts = (key: string, noun: string, order: Partial<OrderInput>, ids = ofOrder): Feed => ({
    noun,
    polls,
    triggers: [{ key, on: 'create', ...ids }],
    create: async (n) => placeOrder(state, { ...buyer, amount: 10 + (n % 90), ...order }),
  });
  return [
    submissions('form'),
    submissions('survey'),
    {
      noun: 'invoices',
      polls,
      triggers: [{ key: 'new_invoice', on: 'create', ...byId }],
      create: async (n) =>
        api(sandbox, token, 'POST', '/invoices/', {
          altId: state.locationId,
          altType: 'location',
          name: `Bench ${n}`,
          currency: 'USD',
          issueDate: new Date().toISOString().slice(0, 10),
          items: [{ name: 'Drain Cleaning', amount: 10 + (n % 90), qty: 1, currency: 'USD' }],
          contactDetails: { id: contact.id, name: buyer.contactName, email: contact.email ?? '', phoneNo: contact.phone ?? '' },
          businessDetails: { name: 'Sandbox Plumbing Co.' },
          discount: { type: 'percentage', value: 0 },
          sentTo: { email: [contact.email ?? 'office@example.com'] },
          liveMode: false,
        }),
    },
    checkouts('new_order', 'orders (unpaid)', { paid: false }, byId),
    checkouts('new_transaction', 'paid orders', { paid: true }),
    checkouts('new_subscription', 'recurring orders', { paid: true, recurring: true }),
    {
      noun: 'products',
      polls,
      triggers: [{ key: 'new_product', on: 'create', ...byId }],
      create: async (n) =>
        api(sandbox, token, 'POST', '/products/', { locationId: state.locationId, name: `Bench ${n}`, productType: 'DIGITAL' }),
    },
    {
      noun: 'pet records',
      polls,
      triggers: [{ key: 'new_object_record', input: { objectKey: 'custom_objects.pet' }, on: 'create', ...byId }],
      create: async (n) =>
        (
          await api(sandbox, token, 'POST', '/objects/custom_objects.pet/records', {
            locationId: state.locationId,
            properties: { name: `Pet ${n}` },
          })
        ).record,
    },
  ];
}

/**
 * One feed's simulation: `polls` polls of its triggers, records created (and changed) in between as `arrivals`
 * draws, Zapier's dedupe by id. Every feed draws from the same seed, so a run is repeatable.
 */
async function simulate(sandbox: Sandbox, authData: Record<string, string>, feed: Feed, arrivals: Arrivals) {
  const POLLS = feed.polls;
  const sims: Array<TriggerSim & { trigger: FeedTrigger }> = [];
  for (const trigger of feed.triggers) {
    const op = operations.find((o) => o.key === trigger.key);
    if (!op) continue;
    sims.push({
      op,
      trigger,
      eventOf: trigger.eventOf,
      eventOfItem: trigger.eventOfItem,
      seen: new Set(),
      triggered: new Set(),
      expected: new Set(),
      duplicates: 0,
      late: 0,
      requests: 0,
      perPoll: [],
    });
  }
  // The app's log line when a bound (MAX_PAGES, time budget) stops a poll: counted per trigger, not printed.
  const bounded = new Map<string, number>();
  const poll = async (sim: TriggerSim & { trigger: FeedTrigger }) => {
    const before = sandbox.requests.length;
    const log = z.console.log;
    z.console.log = (...parts: unknown[]) => {
      if (/stopped (reading )?after \d+ pages/.test(String(parts[0]))) bounded.set(sim.op.key, (bounded.get(sim.op.key) ?? 0) + 1);
      else log(...parts);
    };
    try {
      const items = (await sim.op.perform(z, bundleOf(authData, sim.trigger.input))) as Array<Record<string, any>>;
      sim.requests += sandbox.requests.length - before;
      return items;
    } finally {
      z.console.log = log;
    }
  };
  // The zap is turned on: Zapier's first poll only fills the dedupe store.
  for (const sim of sims) for (const item of await poll(sim)) sim.seen.add(String(item.id));

  const random = prng(20260301);
  const mine: string[] = [];
  const stats = { created: 0, updated: 0, maxCreates: 0, maxUpdates: 0, quietPolls: 0 };
  for (let i = 0; i < POLLS; i++) {
    const expectedBefore = sims.map((sim) => sim.expected.size);
    const changedNow = new Map<string, Record<string, any>>();
    const creates = arrivals.creates(random);
    stats.maxCreates = Math.max(stats.maxCreates, creates);
    if (creates === 0) stats.quietPolls++;
    for (let c = 0; c < creates; c++) {
      const record = await feed.create(++stats.created);
      const id = String(record._id ?? record.id);
      mine.push(id);
      changedNow.set(id, record);
      for (const sim of sims.filter((s) => s.trigger.on === 'create')) sim.expected.add(sim.eventOf(record));
    }
    const updates = feed.update && mine.length ? arrivals.updates(random) : 0;
    stats.maxUpdates = Math.max(stats.maxUpdates, Math.min(updates, mine.length));
    for (let u = 0; u < updates; u++) {
      const id = mine[Math.floor(random() * mine.length)];
      changedNow.set(id, await feed.update!(id, ++stats.updated));
    }
    // A "changed" trigger should report each record's latest state once (two changes between polls are one).
    for (const sim of sims.filter((s) => s.trigger.on === 'change'))
      for (const record of changedNow.values()) sim.expected.add(sim.eventOf(record));

    for (const [index, sim] of sims.entries()) {
      const requestsBefore = sim.requests;
      const items = await poll(sim);
      sim.perPoll.push({ arrived: sim.expected.size - expectedBefore[index], requests: sim.requests - requestsBefore });
      for (const item of items) {
        const id = String(item.id);
        if (sim.seen.has(id)) continue; // Zapier's dedupe
        sim.seen.add(id);
        const event = sim.eventOfItem(item);
        if (sim.triggered.has(event) || !sim.expected.has(event)) sim.duplicates++;
        else sim.triggered.add(event);
      }
    }
  }
  const arrived =
    `${stats.created} (max ${stats.maxCreates}, ${stats.quietPolls} polls with none)` +
    (feed.update ? `; ${stats.updated} changes (max ${stats.maxUpdates})` : '');
  return sims.map((sim) => {
    const missed = [...sim.expected].filter((e) => !sim.triggered.has(e)).length;
    const small = sim.perPoll.filter((p) => p.arrived < 100);
    const large = sim.perPoll.filter((p) => p.arrived >= 100);
    // The limit: 1 request while fewer than a page arrived, about n / page (+1 to reach the mark) for n.
    const overLimit = sim.perPoll.filter((p) => p.requests > Math.floor(p.arrived / 100) + 1).length;
    return [
      sim.op.key,
      `${feed.noun}: ${arrived}`,
      POLLS,
      sim.expected.size,
      sim.triggered.size,
      missed,
      sim.duplicates,
      fmt(sim.requests / (POLLS + 1), 2),
      small.length ? Math.max(...small.map((p) => p.requests)) : '–',
      large.length
        ? `${large.length} (max ${Math.max(...large.map((p) => p.arrived))} → ${Math.max(...large.map((p) => p.requests))} requests)`
        : '0',
      overLimit,
      bounded.get(sim.op.key) ?? 0,
    ];
  });
}

/**
 * Polling correctness of the contacts triggers (and, with `newRecords`, of every New … polling trigger of issue 14,
 * over `newRecordPolls` polls each), one sandbox, printed as one table.
 */
async function pollingCorrectness(arrivals: Arrivals = steadyArrivals, polls = POLLS, what = 'Polling correctness', newRecordPolls = 0) {
  const sandbox = await startSandbox({ port: 0, seed: true });
  try {
    const authData = connect(sandbox);
    await runtimeZ(authData);
    const feeds = [contactFeed(sandbox, authData, polls), ...(newRecordPolls > 0 ? newRecordFeeds(sandbox, authData, newRecordPolls) : [])];
    const rows: Array<Array<string | number>> = [];
    for (const feed of feeds) {
      const started = Date.now();
      rows.push(...(await simulate(sandbox, authData, feed, arrivals)));
      if (feeds.length > 1) console.error(`  ${feed.noun}: ${feed.polls} polls in ${fmt((Date.now() - started) / 1000)} s`);
    }
    table(
      `${what} (against the sandbox; records created (and changed) between polls, at most n between two polls; Zapier's dedupe by id)`,
      [
        'trigger',
        'arrivals',
        'polls',
        'events',
        'triggered',
        'missed (goal 0)',
        'duplicates (goal 0)',
        'requests/poll',
        'max requests, < 100 arrived (goal 1)',
        'polls with ≥ 100 arrived',
        'polls over ⌊n/100⌋+1 requests (goal 0)',
        'polls stopped by the page bound',
      ],
      rows,
    );
  } finally {
    await sandbox.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// 4. A burst of actions against HighLevel's rate limit, with Zapier's retry of ThrottledError.

async function burst() {
  const createContact = operations.find((o) => o.key === 'create_contact');
  if (!createContact) return;
  const sandbox = await startSandbox({ port: 0, seed: false, rateLimit: BURST_LIMIT });
  try {
    const authData = connect(sandbox);
    await runtimeZ(authData);
    let succeeded = 0;
    let retried = 0;
    let throttles = 0;
    let lost = 0;
    const errors = new Map<string, number>();
    const delays: number[] = [];
    let next = 0;
    const started = Date.now();
    const worker = async () => {
      while (next < BURST) {
        const n = next++;
        const bundle = bundleOf(authData, { firstName: 'Burst', lastName: String(n), email: `burst${n}@example.com` });
        for (let attempt = 1; ; attempt++) {
          try {
            await createContact.perform(z, bundle);
            succeeded++;
            if (attempt > 1) retried++;
            break;
          } catch (error) {
            const e = error as Error;
            if (e.name === 'ThrottledError' && attempt < MAX_ATTEMPTS) {
              throttles++;
              const delay = Number(JSON.parse(e.message).delay);
              delays.push(delay);
              // Zapier waits `delay` seconds before it retries; here in compressed time.
              await new Promise((resolve) => setTimeout(resolve, delay * 1000 * TIME_SCALE));
              continue;
            }
            lost++;
            const key = `${e.name}: ${String(e.message).slice(0, 80)}`;
            errors.set(key, (errors.get(key) ?? 0) + 1);
            break;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: 25 }, worker));
    const elapsed = Date.now() - started;
    const stored = sandbox.state.contactsOf(sandbox.state.locationId).filter((c) => /^burst\d+@example\.com$/.test(c.email ?? '')).length;
    table(
      `Burst of ${BURST} Create Contact actions (25 at a time) against ${BURST_LIMIT.limit} requests / ${BURST_LIMIT.windowMs} ms — HighLevel's 100 / 10 s, time compressed ${fmt(1 / TIME_SCALE, 0)}×`,
      [
        'actions',
        'succeeded',
        'throttled and retried',
        '429s',
        'lost (goal 0)',
        'contacts stored',
        'ThrottledError delay (s)',
        'elapsed (ms)',
      ],
      [
        [
          BURST,
          succeeded,
          retried,
          throttles,
          lost,
          stored,
          delays.length ? `${Math.min(...delays)}–${Math.max(...delays)}` : '–',
          elapsed,
        ],
      ],
    );
    console.log(
      `\nZapier's retry is simulated: a ThrottledError's delay (computed by the app from Retry-After, else X-RateLimit-Interval-Milliseconds) is waited scaled by ${TIME_SCALE}, at most ${MAX_ATTEMPTS} attempts per action.`,
    );
    for (const [message, count] of errors) console.log(`  lost ${count}× — ${message}`);
  } finally {
    await sandbox.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// 5. The upload: build.zip as `zapier-platform build` makes it, in a temporary copy of the project.

function buildSize() {
  let zip = path.join(ROOT, 'build', 'build.zip');
  let how = 'existing build/build.zip';
  let seconds: number | undefined;
  if (!flag('skip-build')) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ghl-zapier-build-'));
    try {
      const started = Date.now();
      const copy = spawnSync(
        'sh',
        [
          '-c',
          `tar --exclude=./node_modules --exclude=./build --exclude=./dist --exclude=./.git -cf - . | tar -xf - -C "${tmp}" && (cp -al node_modules "${tmp}/node_modules" 2>/dev/null || cp -a node_modules "${tmp}/node_modules")`,
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      if (copy.status !== 0) throw new Error(copy.stderr);
      // Through node_modules/.bin, as npm scripts run it: the CLI wants the Node there (22), not an older system one.
      const bin = path.join(ROOT, 'node_modules', '.bin');
      const build = spawnSync('zapier-platform', ['build', '--skip-dep-install', '--skip-validation'], {
        cwd: tmp,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, DISABLE_ZAPIER_ANALYTICS: '1' },
      });
      seconds = (Date.now() - started) / 1000;
      if (build.status !== 0) throw new Error(`${build.stdout}\n${build.stderr}`.trim().split('\n').slice(-5).join('\n'));
      const built = path.join(tmp, 'build', 'build.zip');
      const kept = path.join(os.tmpdir(), 'ghl-zapier-bench-build.zip');
      fs.copyFileSync(built, kept);
      zip = kept;
      how = `zapier-platform build --skip-dep-install --skip-validation (${fmt(seconds, 0)} s)`;
    } catch (error) {
      console.log(`\nzapier-platform build failed: ${(error as Error).message}`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  const size = fs.existsSync(zip) ? fs.statSync(zip).size : undefined;
  // The API Request action's share of the upload (issue 13: at most 150 KB): its generated artifacts and code.
  const apiRequest = size === undefined ? [] : zipEntries(zip).filter((e) => /(^|\/)(src|dist\/src)\/apiRequest\//.test(e.name));
  const share = apiRequest.reduce((sum, e) => sum + e.compressed + 76 + 2 * e.name.length, 0);
  const artifacts = apiRequest.filter((e) => e.name.includes('/generated/'));
  if (zip !== path.join(ROOT, 'build', 'build.zip')) fs.rmSync(zip, { force: true });
  table(
    'Upload size',
    ['artifact', 'size', 'how'],
    [
      [
        'build.zip',
        size === undefined ? 'skipped' : `${fmt(size / 1024 / 1024, 2)} MB (${size} bytes)`,
        size === undefined ? 'no build (run without --skip-build)' : how,
      ],
      [
        'API Request in build.zip (goal ≤ 150 KB)',
        size === undefined ? 'skipped' : `${fmt(share / 1024, 1)} KB (${share} bytes)`,
        `${apiRequest.length} entries (compressed + zip headers); the ${artifacts.length} generated files are ` +
          `${fmt(artifacts.reduce((sum, e) => sum + e.size, 0) / 1024, 0)} KB of JSON, read on first use`,
      ],
    ],
  );
}

/** The entries of a zip (its central directory): name, compressed and uncompressed size in bytes. */
function zipEntries(file: string): Array<{ name: string; compressed: number; size: number }> {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) return [];
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: Array<{ name: string; compressed: number; size: number }> = [];
  for (let i = 0; i < count && buf.readUInt32LE(at) === 0x02014b50; i++) {
    const nameLength = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, compressed: buf.readUInt32LE(at + 20), size: buf.readUInt32LE(at + 24) });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const cpus = os.cpus();
  console.log(`# ghl-zapier bench — ${new Date().toISOString()}`);
  console.log(
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${fmt(os.totalmem() / 1024 ** 3, 1)} GB RAM, load average ${os
      .loadavg()
      .map((l) => fmt(l, 2))
      .join(' ')}; Node ${process.version} (${process.platform} ${process.arch}); ${operations.length} operations.`,
  );
  if (runs('cold')) coldStart();
  if (runs('polls')) await requestsPerPoll();
  if (runs('correctness')) await pollingCorrectness();
  if (runs('bursts'))
    await pollingCorrectness(burstyArrivals, BURST_POLLS, 'Polling correctness, bursts larger than a page', BURST_POLLS_NEW);
  if (runs('burst')) await burst();
  if (runs('size')) buildSize();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
