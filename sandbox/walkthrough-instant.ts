import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { createAppTester } from 'zapier-platform-core';
import { RELAY_URL_ENV } from '../src/factories/hook';
import { shippedApp } from './shippedApp';
import { Sandbox } from './server';
import { SANDBOX_APP_ID, SANDBOX_WEBHOOK_PUBLIC_KEY } from './webhooks';

/**
 * The instant part of `npm start`, on loopback: the relay (relay/, embedded PGlite, as a child process since
 * pg-boss is an ES module), the sandbox signing its webhooks with the test key the relay is given, a local stand-in
 * for Zapier's hook URLs (allowed by the relay's RELAY_ALLOWED_TARGET_PREFIXES), and two instant triggers turned on
 * through the app's own performSubscribe. Each change made in the sandbox is followed to the zap's hook and printed
 * as the trigger's perform shapes it, with the end-to-end latency (change made → hook called); then both
 * triggers are turned off through performUnsubscribe.
 */

type Item = Record<string, any>;

export interface InstantDelivery {
  zap: string;
  type: string;
  /** The change made in the sandbox → the zap's hook received the event (ms). */
  latencyMs: number;
  /** What the trigger's perform made of it ([] when its filter does not match). */
  shaped: Item[];
}

export interface InstantResult {
  relayUrl: string;
  subscriptions: Array<{ zap: string; key: string; id: string }>;
  deliveries: InstantDelivery[];
  /** Hook calls after both triggers were turned off (expected: none). */
  afterUnsubscribe: number;
  lines: string[];
}

interface HookCall {
  zap: string;
  at: number;
  body: Item;
}

const ROOT = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..')].find((d) =>
  fs.existsSync(path.join(d, 'package-lock.json')),
)!;
export const RELAY_MAIN = path.join(ROOT, 'dist', 'relay', 'src', 'main.js');

/** Why the relay cannot run here, or undefined when it can. */
export function relayUnavailable(): string | undefined {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12))
    return `the relay needs Node >= 22.12 (pg-boss); this is ${process.version} — run it through npm (npm start)`;
  if (!fs.existsSync(RELAY_MAIN)) return `${path.relative(ROOT, RELAY_MAIN)} is missing: run "npm run build" first (npm start does)`;
  return undefined;
}

/** The relay as a child process on a free port, with its own throw-away PGlite folder. */
async function startRelayProcess(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void>; output: () => string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'walkthrough-relay-'));
  const proc: ChildProcess = spawn(process.execPath, [RELAY_MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', RELAY_DATA_DIR: dataDir, RELAY_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the relay did not start in 60 s:\n${out}`)), 60_000);
    proc.stdout!.on('data', () => {
      const m = /relay listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the relay exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    output: () => out,
    stop: async () => {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      // Cleared once the relay has exited: a pending grace timer kept the caller (jest) alive 10 s longer.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (grace = setTimeout(r, 10_000)))]);
      clearTimeout(grace);
      if (proc.exitCode === null) proc.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Zapier's hook URLs, stood in for on loopback: `/hooks/standard/<zap>/` records what the relay posts. */
async function startHookStandIn(): Promise<{ base: string; calls: HookCall[]; close: () => Promise<void> }> {
  const calls: HookCall[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const zap = /\/hooks\/standard\/([^/]+)\//.exec(req.url ?? '')?.[1] ?? '?';
      try {
        calls.push({ zap, at: Date.now(), body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"success"}');
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/standard/`;
  return {
    base,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface InstantRig {
  relayUrl: string;
  /** Every call the hook stand-in received. */
  calls: HookCall[];
  /** Turns a trigger on through its performSubscribe, for the stand-in hook `/hooks/standard/<zap>/`. */
  subscribe(key: string, zap: string, inputData?: Item): Promise<{ id: string }>;
  /** Turns it off through performUnsubscribe with what subscribe returned (Zapier's bundle.subscribeData). */
  unsubscribe(zap: string): Promise<void>;
  /**
   * Makes a change, waits until `expected` hook calls arrived (and a little longer, so an extra one would show),
   * and returns each as the subscribed trigger's perform shapes it, with its latency.
   */
  change(expected: number, work: () => Promise<unknown>): Promise<{ sent: string[]; deliveries: InstantDelivery[] }>;
  stop(): Promise<void>;
}

/** The relay, the hook stand-in and the sandbox's webhooks wired together on loopback. */
export async function startInstantRig(sandbox: Sandbox, authData: Item): Promise<InstantRig> {
  const App = shippedApp();
  const appTester = createAppTester(App);
  const run = (method: any, bundle: Item): Promise<any> => appTester(method, bundle as any);
  const hooks = await startHookStandIn();
  let relay: Awaited<ReturnType<typeof startRelayProcess>>;
  try {
    relay = await startRelayProcess({
      GHL_WEBHOOK_PUBLIC_KEY: SANDBOX_WEBHOOK_PUBLIC_KEY,
      GHL_APP_ID: SANDBOX_APP_ID,
      GHL_API_BASE_URL: sandbox.url,
      RELAY_ALLOWED_TARGET_PREFIXES: hooks.base,
      RELAY_POLL_SECONDS: '0.5',
    });
  } catch (error) {
    await hooks.close();
    throw error;
  }
  const previousRelay = process.env[RELAY_URL_ENV];
  process.env[RELAY_URL_ENV] = relay.url;
  sandbox.webhooks.configure({ url: `${relay.url}/v1/highlevel/webhook` });
  const zaps = new Map<string, { key: string; inputData: Item; subscribeData?: Item }>();

  return {
    relayUrl: relay.url,
    calls: hooks.calls,
    async subscribe(key, zap, inputData = {}) {
      process.env[RELAY_URL_ENV] = relay.url;
      const subscribeData = await run(App.triggers[key].operation.performSubscribe, {
        authData,
        inputData,
        targetUrl: `${hooks.base}${zap}/`,
      });
      zaps.set(zap, { key, inputData, subscribeData });
      return { id: subscribeData.id };
    },
    async unsubscribe(zap) {
      process.env[RELAY_URL_ENV] = relay.url;
      const z = zaps.get(zap)!;
      await run(App.triggers[z.key].operation.performUnsubscribe, { authData, inputData: z.inputData, subscribeData: z.subscribeData });
    },
    async change(expected, work) {
      const from = hooks.calls.length;
      const sentFrom = sandbox.webhooks.sent.length;
      await work();
      await waitFor(`${expected} hook call(s)`, () => (hooks.calls.length - from >= expected ? true : undefined));
      await sandbox.webhooks.idle();
      await new Promise((r) => setTimeout(r, 300));
      const deliveries: InstantDelivery[] = [];
      // The relay keeps order per subscription only; two zaps' hooks are called concurrently, so list them by zap
      // (a stable sort: each zap's own calls stay in arrival order).
      const calls = hooks.calls.slice(from).sort((a, b) => (a.zap < b.zap ? -1 : a.zap > b.zap ? 1 : 0));
      for (const call of calls) {
        const z = zaps.get(call.zap)!;
        const made = sandbox.webhooks.sent.find((s) => s.webhookId === call.body.webhookId);
        const shaped: Item[] = await run(App.triggers[z.key].operation.perform, {
          authData,
          inputData: z.inputData,
          cleanedRequest: call.body,
          meta: { timezone: 'UTC' },
        });
        deliveries.push({ zap: call.zap, type: String(call.body.type), latencyMs: made ? call.at - made.madeAt : NaN, shaped });
      }
      return { sent: sandbox.webhooks.sent.slice(sentFrom).map((s) => s.type), deliveries };
    },
    async stop() {
      sandbox.webhooks.configure({ url: undefined });
      if (previousRelay === undefined) delete process.env[RELAY_URL_ENV];
      else process.env[RELAY_URL_ENV] = previousRelay;
      await relay.stop();
      await hooks.close();
    },
  };
}

/** Runs the instant part against a started sandbox, with the connection's authData from the main walkthrough. */
export async function runInstantWalkthrough(
  sandbox: Sandbox,
  authData: Item,
  print: (line: string) => void = () => {},
): Promise<InstantResult> {
  const App = shippedApp();
  const appTester = createAppTester(App);
  const run = (method: any, bundle: Item): Promise<any> => appTester(method, bundle as any);
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    print(line);
  };
  const started = Date.now();
  const rig = await startInstantRig(sandbox, authData);
  say(
    `Relay listening on ${rig.relayUrl} (embedded PGlite, started in ${Date.now() - started} ms); the sandbox signs its webhooks with the test key the relay trusts.`,
  );

  const zaps = [
    { zap: 'zap-new-contact', key: 'new_contact_instant', inputData: {} as Item },
    { zap: 'zap-vip-tag', key: 'contact_tag_added_instant', inputData: { tag: 'vip' } as Item },
  ];
  const subscriptions: InstantResult['subscriptions'] = [];
  const deliveries: InstantDelivery[] = [];
  try {
    for (const z of zaps) {
      const { id } = await rig.subscribe(z.key, z.zap, z.inputData);
      subscriptions.push({ zap: z.zap, key: z.key, id });
      say(
        `  ✓ Turned on "${App.triggers[z.key].display.label}"${z.inputData.tag ? ` (tag: ${z.inputData.tag})` : ''} for hook ${z.zap}: subscription ${id}`,
      );
    }

    const change = async (title: string, expected: number, work: () => Promise<unknown>) => {
      const result = await rig.change(expected, work);
      say(`  ✓ ${title}: the sandbox sent ${result.sent.join(', ')}`);
      for (const d of result.deliveries) {
        const label = App.triggers[zaps.find((z) => z.zap === d.zap)!.key].display.label;
        const what = d.shaped.length
          ? d.shaped.map((i) => `${i.name ?? i.id}${i.tag ? ` +tag "${i.tag}"` : ''} (id ${i.id})`).join('; ')
          : 'nothing (its filter does not match)';
        say(`      → ${d.zap} got ${d.type} ${d.latencyMs} ms after the change; "${label}" outputs ${what}`);
      }
      deliveries.push(...result.deliveries);
    };

    let contactId = '';
    await change('Create Contact "Noah Patel" with tag "lead"', 2, async () => {
      const contact = await run(App.creates.create_contact.operation.perform, {
        authData,
        inputData: { firstName: 'Noah', lastName: 'Patel', email: `noah.patel+${Date.now()}@example.com`, tags: 'lead' },
      });
      contactId = contact.id;
    });
    await change('Add tag "vip" to Noah Patel', 1, () =>
      run(App.creates.add_contact_tags.operation.perform, { authData, inputData: { contactId, tags: 'vip' } }),
    );

    for (const s of subscriptions) {
      await rig.unsubscribe(s.zap);
      say(`  ✓ Turned off "${App.triggers[s.key].display.label}" (subscription ${s.id} deleted at the relay)`);
    }
    const before = rig.calls.length;
    await run(App.creates.add_contact_tags.operation.perform, { authData, inputData: { contactId, tags: 'vip-2' } });
    await sandbox.webhooks.idle();
    await new Promise((r) => setTimeout(r, 1000));
    const afterUnsubscribe = rig.calls.length - before;
    say(`  ✓ A change after turning both off: ${afterUnsubscribe} hook call(s)`);
    const latencies = deliveries
      .map((d) => d.latencyMs)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    if (latencies.length)
      say(
        `Instant part: ${deliveries.length} deliveries, end-to-end latency ${latencies[0]}–${latencies[latencies.length - 1]} ms (change made → zap's hook).`,
      );
    return { relayUrl: rig.relayUrl, subscriptions, deliveries, afterUnsubscribe, lines };
  } finally {
    await rig.stop();
  }
}
