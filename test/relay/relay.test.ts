import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Client } from 'pg';
import {
  ADMIN,
  GOOD_TOKEN,
  RelayProcess,
  backends,
  baseEnv,
  fakeHighLevel,
  hookServer,
  request,
  sendWebhook,
  signer,
  sleep,
  spawnRelay,
  waitFor,
} from './harness';

jest.setTimeout(60_000);

const PII = 'pii-marker-4711@example.com';

describe.each(backends().map((b) => [b.name, b] as const))('relay on %s', (_name, backend) => {
  let relay: RelayProcess;
  let hooks: Awaited<ReturnType<typeof hookServer>>;
  let hl: Awaited<ReturnType<typeof fakeHighLevel>>;
  let store: Awaited<ReturnType<Backend['create']>>;
  const key = signer();
  const sign = key.sign;
  let seq = 0;
  const event = (type: string, locationId: string, extra: object = {}) => ({
    type,
    locationId,
    appId: 'app123',
    webhookId: `wh-${Date.now()}-${++seq}`,
    id: `rec-${seq}`,
    email: PII,
    ...extra,
  });
  const subscribe = (locationId: string, hookPath: string, events: string[], token = GOOD_TOKEN, extra: object = {}) =>
    request(
      relay.url,
      'POST',
      '/v1/subscriptions',
      { targetUrl: hooks.url(hookPath), locationId, events, triggerKey: 'test_trigger', ...extra },
      {
        authorization: `Bearer ${token}`,
      },
    );
  const status = async () => (await request(relay.url, 'GET', '/v1/status', undefined, ADMIN)).body;

  beforeAll(async () => {
    hooks = await hookServer();
    hl = await fakeHighLevel();
    store = await backend.create();
    relay = await spawnRelay({ ...baseEnv(hl.base, key.publicPem), ...store.env });
  });

  afterAll(async () => {
    await relay?.stop();
    await hooks?.close();
    await hl?.close();
    await store?.drop();
  });

  test('subscribing with a token HighLevel rejects → 401 and nothing stored', async () => {
    const res = await subscribe('locRejected', '/h/rejected', ['ContactCreate'], 'bad-token');
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/HighLevel rejected the token/);
    const s = await status();
    expect(s.locations.map((l: any) => l.locationId)).not.toContain('locRejected');
    expect(hl.contractErrors).toEqual([]);
  });

  test('a non-Zapier target → 400; a Zapier hook URL is accepted; re-subscribing is idempotent', async () => {
    for (const targetUrl of [
      'https://example.com/hooks/1',
      'http://hooks.zapier.com/hooks/standard/1/abc/',
      'https://hooks.zapier.com.evil.com/hooks/x',
    ]) {
      const res = await request(
        relay.url,
        'POST',
        '/v1/subscriptions',
        { targetUrl, locationId: 'locZ', events: ['ContactCreate'], triggerKey: 't' },
        {
          authorization: `Bearer ${GOOD_TOKEN}`,
        },
      );
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid_target');
    }
    const zapier = {
      targetUrl: 'https://hooks.zapier.com/hooks/standard/123/abcdef/',
      locationId: 'locZ',
      events: ['ContactCreate'],
      triggerKey: 't',
    };
    const first = await request(relay.url, 'POST', '/v1/subscriptions', zapier, { authorization: `Bearer ${GOOD_TOKEN}` });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), secret: expect.any(String) });
    const again = await request(relay.url, 'POST', '/v1/subscriptions', zapier, { authorization: `Bearer ${GOOD_TOKEN}` });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const bad = await request(relay.url, 'POST', '/v1/subscriptions', { locationId: 'locZ' }, { authorization: `Bearer ${GOOD_TOKEN}` });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/targetUrl/);
  });

  test('forged, missing and body-altered signatures → 401 and nothing stored', async () => {
    expect((await subscribe('locSig', '/h/sig', ['NoteCreate'])).status).toBe(201);
    const other = signer();
    const e = event('NoteCreate', 'locSig');
    const raw = JSON.stringify(e);
    const attempts: Record<string, string>[] = [
      { 'x-ghl-signature': other.sign(raw) }, // forged: another key
      {}, // missing
      { 'x-ghl-signature': 'bm90IGEgc2lnbmF0dXJl' }, // garbage
      { 'x-wh-signature': other.sign(raw) }, // legacy RSA header while RSA is disabled
    ];
    for (const headers of attempts) {
      const res = await request(relay.url, 'POST', '/v1/highlevel/webhook', raw, headers);
      expect(res.status).toBe(401);
    }
    const altered = await request(relay.url, 'POST', '/v1/highlevel/webhook', raw.replace('locSig', 'locSiG'), {
      'x-ghl-signature': sign(raw),
    });
    expect(altered.status).toBe(401);
    await sleep(1200);
    expect(hooks.to('/h/sig')).toHaveLength(0);
    let s = await status();
    expect(s.eventTypes.find((t: any) => t.type === 'NoteCreate')).toBeUndefined();
    expect(s.rejectedSignatures.length).toBeGreaterThanOrEqual(5);
    // The same event, properly signed, is stored and delivered: the checks above could have failed.
    expect((await sendWebhook(relay.url, sign, e)).status).toBe(200);
    await waitFor(() => hooks.to('/h/sig').length === 1, 10_000, 'delivery');
    s = await status();
    expect(s.eventTypes.find((t: any) => t.type === 'NoteCreate')).toMatchObject({ received: 1, matched: 1 });
  });

  test('the same webhookId twice → one delivery', async () => {
    expect((await subscribe('locDup', '/h/dup', ['ContactCreate'])).status).toBe(201);
    const e = event('ContactCreate', 'locDup');
    const r1 = await sendWebhook(relay.url, sign, e);
    const r2 = await sendWebhook(relay.url, sign, e);
    const r3 = await sendWebhook(relay.url, sign, { ...e, firstName: 'retried with other bytes' });
    expect([r1.status, r2.status, r3.status]).toEqual([200, 200, 200]);
    expect([r1.body.duplicate, r2.body.duplicate, r3.body.duplicate]).toEqual([false, true, true]);
    // Without webhookId, the raw body's hash dedupes.
    const noId = { type: 'ContactCreate', locationId: 'locDup', id: 'no-id' };
    expect((await sendWebhook(relay.url, sign, noId)).body.duplicate).toBe(false);
    expect((await sendWebhook(relay.url, sign, noId)).body.duplicate).toBe(true);
    await waitFor(() => hooks.to('/h/dup').length === 2, 10_000, 'deliveries');
    await sleep(1500);
    expect(hooks.to('/h/dup')).toHaveLength(2);
    const delivered = hooks.to('/h/dup')[0].body;
    expect(delivered).toMatchObject({ ...e, _relay: { webhookId: e.webhookId, attempt: 1, receivedAt: expect.any(String) } });
  });

  test('a hook that answers 500 then 200 → delivered once after a retry', async () => {
    expect((await subscribe('locRetry', '/h/retry', ['TaskCreate'])).status).toBe(201);
    hooks.script('/h/retry', [{ status: 500 }]);
    const e = event('TaskCreate', 'locRetry');
    expect((await sendWebhook(relay.url, sign, e)).status).toBe(200);
    await waitFor(() => hooks.to('/h/retry').length === 2, 15_000, 'the retry');
    const [a, b] = hooks.to('/h/retry') as any[];
    expect([a.status, b.status]).toEqual([500, 200]);
    expect([a.body._relay.attempt, b.body._relay.attempt]).toEqual([1, 2]);
    expect(b.at - a.at).toBeGreaterThanOrEqual(900); // backoff, not a hot loop
    await sleep(1500);
    expect(hooks.to('/h/retry')).toHaveLength(2);
  });

  test('429 with Retry-After is honoured', async () => {
    expect((await subscribe('loc429', '/h/429', ['TaskCreate'])).status).toBe(201);
    hooks.script('/h/429', [{ status: 429, headers: { 'retry-after': '2' } }]);
    expect((await sendWebhook(relay.url, sign, event('TaskCreate', 'loc429'))).status).toBe(200);
    await waitFor(() => hooks.to('/h/429').length === 2, 15_000, 'the retry after 429');
    const [a, b] = hooks.to('/h/429');
    expect(b.at - a.at).toBeGreaterThanOrEqual(1900);
  });

  test('410 → the subscription is deleted', async () => {
    const sub = await subscribe('loc410', '/h/410', ['OpportunityStageUpdate']);
    expect(sub.status).toBe(201);
    hooks.script('/h/410', [{ status: 410 }]);
    expect((await sendWebhook(relay.url, sign, event('OpportunityStageUpdate', 'loc410'))).body.deliveries).toBe(1);
    await waitFor(async () => !(await status()).locations.some((l: any) => l.locationId === 'loc410'), 10_000, 'the subscription to go');
    expect((await sendWebhook(relay.url, sign, event('OpportunityStageUpdate', 'loc410'))).body.deliveries).toBe(0);
    await sleep(800);
    expect(hooks.to('/h/410')).toHaveLength(1);
  });

  test('per-subscription order follows arrival; a failing or slow zap never delays the others', async () => {
    for (const p of ['/h/orderA', '/h/orderB', '/h/slow']) expect((await subscribe('locOrder', p, ['InboundMessage'])).status).toBe(201);
    hooks.script('/h/orderA', [{ status: 503 }]);
    hooks.delay('/h/slow', 2000);
    const sent = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const e = event('InboundMessage', 'locOrder', { n: i });
      ids.push(e.webhookId);
      expect((await sendWebhook(relay.url, sign, e)).body.deliveries).toBe(3);
    }
    await waitFor(() => hooks.to('/h/orderB').length === 5, 10_000, 'the healthy zap');
    expect(Date.now() - sent).toBeLessThan(2000); // not held behind the slow or failing zap
    await waitFor(() => hooks.to('/h/orderA').filter((c: any) => c.status === 200).length === 5, 20_000, 'the failing zap to recover');
    const okA = hooks
      .to('/h/orderA')
      .filter((c: any) => c.status === 200)
      .map((c) => c.body.webhookId);
    expect(okA).toEqual(ids);
    expect(hooks.to('/h/orderB').map((c) => c.body.webhookId)).toEqual(ids);
    await waitFor(() => hooks.to('/h/slow').length === 5, 20_000, 'the slow zap');
    expect(hooks.to('/h/slow').map((c) => c.body.webhookId)).toEqual(ids);
  });

  test('routing: altId when altType is location; UNINSTALL suspends and INSTALL resumes', async () => {
    expect((await subscribe('locRoute', '/h/route', ['InvoicePaid', 'ContactCreate'])).status).toBe(201);
    const invoice = { type: 'InvoicePaid', altType: 'location', altId: 'locRoute', _id: 'inv1', webhookId: `inv-${Date.now()}` };
    expect((await sendWebhook(relay.url, sign, invoice)).body.deliveries).toBe(1);
    await waitFor(() => hooks.to('/h/route').length === 1, 10_000, 'invoice delivery');
    expect(
      (await sendWebhook(relay.url, sign, { type: 'UNINSTALL', appId: 'app123', locationId: 'locRoute', webhookId: `u-${Date.now()}` }))
        .status,
    ).toBe(200);
    let sub = (await status()).locations.find((l: any) => l.locationId === 'locRoute').subscriptions[0];
    expect(sub.status).toBe('suspended');
    expect((await sendWebhook(relay.url, sign, event('ContactCreate', 'locRoute'))).body.deliveries).toBe(0);
    expect(
      (await sendWebhook(relay.url, sign, { type: 'INSTALL', appId: 'app123', locationId: 'locRoute', webhookId: `i-${Date.now()}` }))
        .status,
    ).toBe(200);
    sub = (await status()).locations.find((l: any) => l.locationId === 'locRoute').subscriptions[0];
    expect(sub.status).toBe('active');
    expect((await sendWebhook(relay.url, sign, event('ContactCreate', 'locRoute'))).body.deliveries).toBe(1);
    await waitFor(() => hooks.to('/h/route').length === 2, 10_000, 'delivery after INSTALL');
  });

  test('filters: only matching events reach a filtered zap; a burst stored together is routed per event', async () => {
    const filters = { pipelineId: ['p1', 'p2'], tags: 'vip' };
    expect((await subscribe('locFilter', '/h/filtered', ['OpportunityStatusUpdate'], GOOD_TOKEN, { filters })).status).toBe(201);
    expect((await subscribe('locFilter', '/h/unfiltered', ['OpportunityStatusUpdate'])).status).toBe(201);
    expect((await subscribe('locFilter2', '/h/other', ['OpportunityStatusUpdate'])).status).toBe(201);
    const opp = (pipelineId: string, tags: unknown, extra: object = {}) =>
      event('OpportunityStatusUpdate', 'locFilter', { pipelineId, tags, ...extra });
    const events = [
      opp('p1', ['a', 'vip']), // matches
      opp('p3', ['vip']), // wrong pipeline
      opp('p2', ['x']), // no vip tag
      opp('p2', 'vip', { note: 'nul\u0000byte', odd: 'lone\ud800' }), // matches; strings jsonb cannot hold are harmless
      opp('p1', [{ tag: 'vip' }]), // an object is never equal
    ];
    // Sent at once, with events of another location in between, so several are stored in one group commit.
    const other = Array.from({ length: 3 }, () => event('OpportunityStatusUpdate', 'locFilter2'));
    const answers = await Promise.all([...events, ...other].map((e) => sendWebhook(relay.url, sign, e)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(answers.map((a) => a.body.deliveries)).toEqual([2, 1, 1, 2, 1, 1, 1, 1]);
    await waitFor(() => hooks.to('/h/unfiltered').length === 5 && hooks.to('/h/other').length === 3, 15_000, 'deliveries');
    await waitFor(() => hooks.to('/h/filtered').length === 2, 10_000, 'filtered deliveries');
    await sleep(1000);
    // Concurrent requests arrive in any order: compare sets.
    const ids = (p: string) =>
      hooks
        .to(p)
        .map((c) => c.body.webhookId as string)
        .sort();
    expect(ids('/h/filtered')).toEqual([events[0].webhookId, events[3].webhookId].sort());
    expect(hooks.to('/h/filtered').find((c) => c.body.webhookId === events[3].webhookId)!.body.note).toBe('nul\u0000byte');
    expect(ids('/h/unfiltered')).toEqual(events.map((e) => e.webhookId).sort());
  });

  test('contact tags in bursts: each contact compared with its own last list, in one group commit; ContactDelete forgets', async () => {
    const locs = ['locTagA', 'locTagB', 'locTagC'];
    const types = ['ContactCreate', 'ContactTagUpdate', 'ContactDelete'];
    for (const l of locs) expect((await subscribe(l, `/h/${l}`, types)).status).toBe(201);
    const burst = async (tags: (string[] | null)[], type = 'ContactTagUpdate') => {
      const sent = locs.map((l, i) =>
        tags[i] === null ? event('ContactDelete', l, { id: `contact-${l}` }) : event(type, l, { id: `contact-${l}`, tags: tags[i] }),
      );
      const before = locs.map((l) => hooks.to(`/h/${l}`).length);
      const answers = await Promise.all(sent.map((e) => sendWebhook(relay.url, sign, e)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      await waitFor(() => locs.every((l, i) => hooks.to(`/h/${l}`).length > before[i]), 15_000, 'burst deliveries');
      return locs.map((l, i) => hooks.to(`/h/${l}`)[before[i]].body._relay);
    };
    // New contacts: every tag of a ContactCreate is added.
    expect(await burst([['a'], ['b', 'c'], ['d']], 'ContactCreate')).toMatchObject([
      { tagsAdded: ['a'], tagsRemoved: [] },
      { tagsAdded: ['b', 'c'], tagsRemoved: [] },
      { tagsAdded: ['d'], tagsRemoved: [] },
    ]);
    const [a, b, c] = await burst([['a', 'x'], ['C'], null]);
    expect([a, b]).toMatchObject([
      { tagsAdded: ['x'], tagsRemoved: [] },
      { tagsAdded: [], tagsRemoved: ['b'] },
    ]);
    expect(c.tagsAdded).toBeUndefined(); // a ContactDelete carries no tag change
    expect(await burst([['a', 'x'], ['C'], ['d']])).toMatchObject([
      { tagsAdded: [], tagsRemoved: [] },
      { tagsAdded: [], tagsRemoved: [] },
      { tagsAdded: ['d'], tagsRemoved: [] }, // forgotten by the ContactDelete: counted as new again (firstSeenChange)
    ]);
    expect(await burst([['a', 'x'], ['C'], ['d', 'e']])).toMatchObject([
      { tagsAdded: [], tagsRemoved: [] },
      { tagsAdded: [], tagsRemoved: [] },
      { tagsAdded: ['e'], tagsRemoved: [] },
    ]);
  });

  test('oversized bodies, malformed JSON, another appId and unknown types are handled', async () => {
    const big = JSON.stringify({ type: 'ContactCreate', locationId: 'x', pad: 'x'.repeat(20_000) });
    expect((await request(relay.url, 'POST', '/v1/highlevel/webhook', big, { 'x-ghl-signature': sign(big) })).status).toBe(413);
    const broken = '{"type": "ContactCreate", ';
    const res = await request(relay.url, 'POST', '/v1/highlevel/webhook', broken, { 'x-ghl-signature': sign(broken) });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('malformed_json');
    expect((await sendWebhook(relay.url, sign, { ...event('ContactCreate', 'locDup'), appId: 'someone-else' })).status).toBe(401);
    const unknown = await sendWebhook(relay.url, sign, { type: 'BrandNewEvent', locationId: 'locDup', webhookId: `n-${Date.now()}` });
    expect(unknown.status).toBe(200);
    expect(unknown.body.deliveries).toBe(0);
    expect((await status()).eventTypes.find((t: any) => t.type === 'BrandNewEvent')).toMatchObject({ received: 1 });
    expect((await request(relay.url, 'GET', '/healthz')).status).toBe(200);
  });

  test('the database unavailable → 429 with Retry-After and no 2xx; once back, the retry is delivered once', async () => {
    expect((await subscribe('locDown', '/h/down', ['ContactCreate'])).status).toBe(201);
    const e = event('ContactCreate', 'locDown');
    await request(relay.url, 'POST', '/v1/test/db', { down: true });
    try {
      const res = await sendWebhook(relay.url, sign, e);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await request(relay.url, 'GET', '/healthz')).status).toBe(503);
    } finally {
      await request(relay.url, 'POST', '/v1/test/db', { down: false });
    }
    expect((await sendWebhook(relay.url, sign, e)).status).toBe(200);
    await waitFor(() => hooks.to('/h/down').length === 1, 10_000, 'delivery');
  });

  test('unsubscribe needs the secret and is idempotent; subscription endpoints are rate limited', async () => {
    const sub = await subscribe('locUnsub', '/h/unsub', ['ContactCreate']);
    expect((await request(relay.url, 'DELETE', `/v1/subscriptions/${sub.body.id}`, undefined, { 'x-relay-secret': 'wrong' })).status).toBe(
      401,
    );
    expect(
      (await request(relay.url, 'DELETE', `/v1/subscriptions/${sub.body.id}`, undefined, { 'x-relay-secret': sub.body.secret })).status,
    ).toBe(204);
    expect(
      (await request(relay.url, 'DELETE', `/v1/subscriptions/${sub.body.id}`, undefined, { 'x-relay-secret': sub.body.secret })).status,
    ).toBe(204);
    expect(
      (await request(relay.url, 'DELETE', `/v1/subscriptions/${crypto.randomUUID()}`, undefined, { authorization: 'Bearer x' })).status,
    ).toBe(204);
    expect((await sendWebhook(relay.url, sign, event('ContactCreate', 'locUnsub'))).body.deliveries).toBe(0);
    let limited = 0;
    for (let i = 0; i < 70 && !limited; i++) {
      const r = await request(relay.url, 'DELETE', `/v1/subscriptions/${crypto.randomUUID()}`, undefined, { 'x-relay-secret': 'x' });
      if (r.status === 429) limited++;
    }
    expect(limited).toBe(1);
  });

  test('status needs the admin token and shows no hook URLs or personal data; logs neither', async () => {
    expect((await request(relay.url, 'GET', '/v1/status')).status).toBe(401);
    expect((await request(relay.url, 'GET', '/status', undefined, { authorization: 'Bearer nope' })).status).toBe(401);
    const html = await request(relay.url, 'GET', '/status', undefined, ADMIN);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const json = JSON.stringify(await status());
    for (const text of [html.body as string, json, relay.output()]) {
      expect(text).not.toContain(hooks.base);
      expect(text).not.toContain(PII);
      expect(text).not.toContain(GOOD_TOKEN);
    }
    expect(json).toContain('delivered (HTTP 200)');
  });

  test('hook URLs are encrypted at rest and secrets stored hashed', async () => {
    await relay.stop(); // PGlite flushes its files on close
    if (store.dataDir) {
      const files: string[] = [];
      const walk = (d: string) =>
        fs
          .readdirSync(d, { withFileTypes: true })
          .forEach((f) => (f.isDirectory() ? walk(path.join(d, f.name)) : files.push(path.join(d, f.name))));
      walk(store.dataDir);
      const haystack = Buffer.concat(files.map((f) => fs.readFileSync(f)));
      expect(haystack.includes(Buffer.from('/h/dup'))).toBe(false);
      expect(haystack.includes(Buffer.from('127.0.0.1:'))).toBe(false);
      expect(haystack.includes(Buffer.from(PII))).toBe(true); // event bodies are stored (until retention): the search works
    } else {
      const c = new Client({ connectionString: store.env.DATABASE_URL });
      await c.connect();
      const rows = (await c.query(`SELECT target_enc, target_hash, secret_hash FROM relay.subscription`)).rows;
      await c.end();
      expect(rows.length).toBeGreaterThan(3);
      for (const r of rows) {
        expect(Buffer.from(r.target_enc).includes(Buffer.from('127.0.0.1'))).toBe(false);
        expect(r.target_hash).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });
});

type Backend = ReturnType<typeof backends>[number];
