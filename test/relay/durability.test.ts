import { ADMIN, GOOD_TOKEN, backends, baseEnv, fakeHighLevel, hookServer, pgUrl, request, sendWebhook, signer, spawnRelay, waitFor } from './harness';

jest.setTimeout(90_000);

/** Every webhookId the hook received more than once. */
const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);

describe.each(backends().map((b) => [b.name, b] as const))('relay durability on %s', (_name, backend) => {
  test('SIGKILL in the middle of a burst, restart: every event answered 2xx is delivered, none twice', async () => {
    const hooks = await hookServer();
    const hl = await fakeHighLevel();
    const key = signer();
    const store = await backend.create();
    const env = { ...baseEnv(hl.base, key.publicPem), ...store.env };
    // The first process only accepts (RELAY_WORKERS=0, as a web-only instance would): what is under test is that a
    // 2xx means durably stored. A delivery in flight at the kill would be retried (at-least-once towards the hook).
    let relay = await spawnRelay({ ...env, RELAY_WORKERS: '0' });
    try {
      const sub = await request(relay.url, 'POST', '/v1/subscriptions', { targetUrl: hooks.url('/kill'), locationId: 'locKill', events: ['ContactCreate'], triggerKey: 't' }, {
        authorization: `Bearer ${GOOD_TOKEN}`,
      });
      expect(sub.status).toBe(201);
      const events = Array.from({ length: 300 }, (_, i) => ({ type: 'ContactCreate', locationId: 'locKill', webhookId: `kill-${i}`, n: i }));
      const acked = new Set<string>();
      let next = 0;
      let killed = false;
      const lane = async () => {
        while (next < events.length) {
          const e = events[next++];
          try {
            const res = await sendWebhook(relay.url, key.sign, e);
            if (res.status === 200) acked.add(e.webhookId);
          } catch {
            // connection reset by the kill: HighLevel would retry this one
          }
          if (!killed && acked.size >= 100) {
            killed = true;
            await relay.kill9();
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, lane));
      expect(killed).toBe(true);
      expect(acked.size).toBeGreaterThanOrEqual(100);
      expect(acked.size).toBeLessThan(events.length);

      relay = await spawnRelay(env);
      await waitFor(() => hooks.to('/kill').length >= acked.size, 60_000, 'the acknowledged events to be delivered');
      const delivered = hooks.to('/kill').map((c) => c.body.webhookId as string);
      for (const id of acked) expect(delivered).toContain(id);
      expect(duplicates(delivered)).toEqual([]);

      // HighLevel retries what was not acknowledged (and may repeat what was): all delivered, still once each.
      for (const e of events) expect((await sendWebhook(relay.url, key.sign, e)).status).toBe(200);
      await waitFor(() => hooks.to('/kill').length >= events.length, 60_000, 'all events');
      await new Promise((r) => setTimeout(r, 1000));
      const all = hooks.to('/kill').map((c) => c.body.webhookId as string);
      expect(new Set(all).size).toBe(events.length);
      expect(duplicates(all)).toEqual([]);
      const status = (await request(relay.url, 'GET', '/v1/status', undefined, ADMIN)).body;
      expect(status.eventTypes.find((t: any) => t.type === 'ContactCreate')).toMatchObject({ received: events.length, delivered: events.length });
    } finally {
      await relay.stop();
      await hooks.close();
      await hl.close();
      await store.drop();
    }
  });
});

const pgBackend = backends().find((b) => b.name === 'PostgreSQL');
(pgBackend ? test : test.skip)('two relay processes on one PostgreSQL deliver every event exactly once', async () => {
  if (!pgUrl() || !pgBackend) return;
  const hooks = await hookServer();
  const hl = await fakeHighLevel();
  const key = signer();
  const store = await pgBackend.create();
  const env = { ...baseEnv(hl.base, key.publicPem), ...store.env };
  const a = await spawnRelay(env);
  const b = await spawnRelay(env);
  try {
    for (let i = 0; i < 5; i++) {
      const via = i % 2 ? b : a;
      const sub = await request(via.url, 'POST', '/v1/subscriptions', { targetUrl: hooks.url(`/two/${i}`), locationId: 'locTwo', events: ['ContactCreate'], triggerKey: 't' }, {
        authorization: `Bearer ${GOOD_TOKEN}`,
      });
      expect(sub.status).toBe(201);
    }
    const events = Array.from({ length: 100 }, (_, i) => ({ type: 'ContactCreate', locationId: 'locTwo', webhookId: `two-${i}` }));
    // Each event reaches both instances (a HighLevel retry landing behind the load balancer on the other one).
    await Promise.all(events.map(async (e) => {
      const [r1, r2] = await Promise.all([sendWebhook(a.url, key.sign, e), sendWebhook(b.url, key.sign, e)]);
      expect([r1.status, r2.status]).toEqual([200, 200]);
      expect([r1.body.duplicate, r2.body.duplicate].sort()).toEqual([false, true]);
    }));
    await waitFor(() => hooks.calls.length >= 500, 60_000, '500 deliveries');
    await new Promise((r) => setTimeout(r, 1500));
    expect(hooks.calls).toHaveLength(500);
    for (let i = 0; i < 5; i++) {
      const ids = hooks.to(`/two/${i}`).map((c) => c.body.webhookId);
      expect(ids).toEqual(events.map((e) => e.webhookId).filter((id) => ids.includes(id)).sort((x, y) => ids.indexOf(x) - ids.indexOf(y)));
      expect(new Set(ids).size).toBe(100);
    }
    // Both processes did deliveries: the work is shared, not just tolerated.
    expect(a.output()).toMatch(/listening/);
  } finally {
    await a.stop();
    await b.stop();
    await hooks.close();
    await hl.close();
    await store.drop();
  }
});
