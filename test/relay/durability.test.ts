import {
  ADMIN,
  GOOD_TOKEN,
  backends,
  baseEnv,
  fakeHighLevel,
  hookServer,
  pgUrl,
  request,
  sendWebhook,
  signer,
  spawnRelay,
  waitFor,
} from './harness';

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
      for (let l = 0; l < 4; l++) {
        const sub = await request(
          relay.url,
          'POST',
          '/v1/subscriptions',
          { targetUrl: hooks.url(`/kill?l=${l}`), locationId: `locKill${l}`, events: ['ContactCreate'], triggerKey: 't' },
          {
            authorization: `Bearer ${GOOD_TOKEN}`,
          },
        );
        expect(sub.status).toBe(201);
      }
      const events = Array.from({ length: 200 }, (_, i) => ({
        type: 'ContactCreate',
        locationId: `locKill${i % 4}`,
        webhookId: `kill-${i}`,
        n: i,
      }));
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
          if (!killed && acked.size >= 60) {
            killed = true;
            await relay.kill9();
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, lane));
      expect(killed).toBe(true);
      expect(acked.size).toBeGreaterThanOrEqual(60);
      expect(acked.size).toBeLessThan(events.length);

      relay = await spawnRelay(env);
      // Wait for every acknowledged event itself: events stored but not acknowledged (the kill cut the answer) are
      // delivered too, so a count of calls can be reached before the last acknowledged one arrives.
      const deliveredIds = () => new Set(hooks.calls.map((c) => c.body.webhookId as string));
      await waitFor(() => [...acked].every((id) => deliveredIds().has(id)), 60_000, 'the acknowledged events to be delivered');
      const delivered = hooks.calls.map((c) => c.body.webhookId as string);
      for (const id of acked) expect(delivered).toContain(id);
      expect(duplicates(delivered)).toEqual([]);

      // HighLevel retries what was not acknowledged (and may repeat what was): all delivered, still once each.
      for (const e of events) expect((await sendWebhook(relay.url, key.sign, e)).status).toBe(200);
      await waitFor(() => hooks.calls.length >= events.length, 60_000, 'all events');
      await new Promise((r) => setTimeout(r, 1000));
      const all = hooks.calls.map((c) => c.body.webhookId as string);
      expect(new Set(all).size).toBe(events.length);
      expect(duplicates(all)).toEqual([]);
      const status = (await request(relay.url, 'GET', '/v1/status', undefined, ADMIN)).body;
      expect(status.eventTypes.find((t: any) => t.type === 'ContactCreate')).toMatchObject({
        received: events.length,
        delivered: events.length,
      });
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
      const sub = await request(
        via.url,
        'POST',
        '/v1/subscriptions',
        { targetUrl: hooks.url(`/two/${i}`), locationId: `locTwo${i}`, events: ['ContactCreate'], triggerKey: 't' },
        {
          authorization: `Bearer ${GOOD_TOKEN}`,
        },
      );
      expect(sub.status).toBe(201);
    }
    const events = Array.from({ length: 250 }, (_, i) => ({ type: 'ContactCreate', locationId: `locTwo${i % 5}`, webhookId: `two-${i}` }));
    const firstVia = { a: 0, b: 0 };
    // As HighLevel does: a 429 (the relay could not store in time) is retried until it is acknowledged.
    const deliver = async (via: 'a' | 'b', e: object) => {
      for (;;) {
        const res = await sendWebhook((via === 'a' ? a : b).url, key.sign, e);
        if (res.status === 200) {
          if (!res.body.duplicate) firstVia[via]++;
          return;
        }
        expect(res.status).toBe(429);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    // Each event reaches both instances (a HighLevel retry landing behind the load balancer on the other one).
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < events.length) {
          const e = events[next++];
          await Promise.all([deliver('a', e), deliver('b', e)]);
        }
      }),
    );
    expect(firstVia.a + firstVia.b).toBe(events.length);
    await waitFor(() => hooks.calls.length >= 250, 60_000, '250 deliveries');
    await new Promise((r) => setTimeout(r, 1500));
    expect(hooks.calls).toHaveLength(250);
    for (let i = 0; i < 5; i++) {
      const ids = hooks.to(`/two/${i}`).map((c) => c.body.webhookId);
      expect(new Set(ids).size).toBe(50);
      expect(ids.sort()).toEqual(
        events
          .filter((e) => e.locationId === `locTwo${i}`)
          .map((e) => e.webhookId)
          .sort(),
      );
    }
    // Both processes stored first copies: the work is shared, not just tolerated.
    expect(firstVia.a).toBeGreaterThan(0);
    expect(firstVia.b).toBeGreaterThan(0);
  } finally {
    await a.stop();
    await b.stop();
    await hooks.close();
    await hl.close();
    await store.drop();
  }
});
