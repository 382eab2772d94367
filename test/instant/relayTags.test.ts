import {
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
} from '../relay/harness';

// The relay's memory of each contact's last tag list (relay/src/ingest.ts trackContactTags), on PGlite and on
// PostgreSQL: HighLevel sends the whole list with every contact event; the relay delivers what changed in
// `_relay.tagsAdded` / `_relay.tagsRemoved`, and keeps the list across restarts.

jest.setTimeout(90_000);

describe.each(backends().map((b) => [b.name, b] as const))('contact tag memory on %s', (_name, backend) => {
  let relay: RelayProcess;
  let hooks: Awaited<ReturnType<typeof hookServer>>;
  let hl: Awaited<ReturnType<typeof fakeHighLevel>>;
  let store: Awaited<ReturnType<(typeof backend)['create']>>;
  const key = signer();
  let seq = 0;
  const contactEvent = (type: string, tags: string[], id = 'contact-1') => ({
    type,
    locationId: 'locTags',
    appId: 'app123',
    webhookId: `wh-tags-${Date.now()}-${++seq}`,
    id,
    tags,
  });
  // One environment for both starts: the encryption key of the stored hook URLs must survive the restart.
  let relayEnv: Record<string, string>;
  const env = () => (relayEnv ??= { ...baseEnv(hl.base, key.publicPem), ...store.env });

  beforeAll(async () => {
    hooks = await hookServer();
    hl = await fakeHighLevel();
    store = await backend.create();
    relay = await spawnRelay(env());
  });
  afterAll(async () => {
    await relay?.stop();
    await hooks?.close();
    await hl?.close();
    await store?.drop();
  });

  async function subscribe() {
    const res = await request(
      relay.url,
      'POST',
      '/v1/subscriptions',
      {
        targetUrl: hooks.url('/h/tags'),
        locationId: 'locTags',
        events: ['ContactCreate', 'ContactTagUpdate', 'ContactUpdate'],
        triggerKey: 'contact_tag_added_instant',
      },
      { authorization: `Bearer ${GOOD_TOKEN}` },
    );
    expect(res.status).toBe(201);
  }

  /** Sends one event and returns the `_relay` its delivery carried. */
  async function send(event: object): Promise<Record<string, unknown>> {
    const before = hooks.to('/h/tags').length;
    expect((await sendWebhook(relay.url, key.sign, event)).status).toBe(200);
    await waitFor(() => hooks.to('/h/tags').length > before, 15_000, 'the delivery').catch((e) => {
      throw new Error(`${e.message}; relay output:\n${relay.output()}`);
    });
    return hooks.to('/h/tags')[before].body._relay;
  }

  test('added and removed tags against the last list seen, case-insensitive, durable across a restart', async () => {
    await subscribe();
    expect(await send(contactEvent('ContactCreate', ['lead']))).toMatchObject({ tagsAdded: ['lead'], tagsRemoved: [] });
    expect(await send(contactEvent('ContactTagUpdate', ['lead', 'VIP']))).toMatchObject({ tagsAdded: ['VIP'], tagsRemoved: [] });
    // The same list again (HighLevel sends ContactUpdate too): nothing added.
    expect(await send(contactEvent('ContactUpdate', ['Lead', 'vip']))).toMatchObject({ tagsAdded: [], tagsRemoved: [] });
    expect(await send(contactEvent('ContactTagUpdate', ['vip']))).toMatchObject({ tagsAdded: [], tagsRemoved: ['Lead'] });
    // Another contact has its own list. The relay has none for it yet: every listed tag counts as added (the tag just
    // added is never lost; one it already had may fire once).
    expect(await send(contactEvent('ContactTagUpdate', ['vip'], 'contact-2'))).toMatchObject({ tagsAdded: ['vip'], tagsRemoved: [] });
    expect(await send(contactEvent('ContactTagUpdate', ['vip', 'gold'], 'contact-2'))).toMatchObject({ tagsAdded: ['gold'] });

    await relay.stop();
    relay = await spawnRelay(env());
    expect(await send(contactEvent('ContactTagUpdate', ['vip', 'lead']))).toMatchObject({ tagsAdded: ['lead'], tagsRemoved: [] });
  });

  test('a replayed event is delivered once and does not change the memory', async () => {
    const event = contactEvent('ContactTagUpdate', ['vip', 'lead', 'gold']);
    expect(await send(event)).toMatchObject({ tagsAdded: ['gold'] });
    const count = hooks.to('/h/tags').length;
    expect((await sendWebhook(relay.url, key.sign, event)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect(hooks.to('/h/tags').length).toBe(count);
    expect(await send(contactEvent('ContactTagUpdate', ['vip', 'lead', 'gold', 'new']))).toMatchObject({ tagsAdded: ['new'] });
  });

  test('a list outlives RELAY_RETENTION_DAYS: a dormant contact tagged again adds only the new tag', async () => {
    await subscribe();
    expect(await send(contactEvent('ContactCreate', ['a'], 'contact-old'))).toMatchObject({ tagsAdded: ['a'], tagsRemoved: [] });
    await relay.stop();
    await sleep(2500);
    // 0.00002 days = 1.7 s: the purge at start removes the list stored 2.5 s ago (then runs hourly).
    relay = await spawnRelay({ ...env(), RELAY_RETENTION_DAYS: '0.00002' });
    // Event bodies older than that are purged at start; the tag list is not, so "a" is not counted again.
    expect(await send(contactEvent('ContactTagUpdate', ['a', 'b'], 'contact-old'))).toMatchObject({ tagsAdded: ['b'], tagsRemoved: [] });
    expect(await send(contactEvent('ContactTagUpdate', ['a', 'b', 'c'], 'contact-old'))).toMatchObject({
      tagsAdded: ['c'],
      tagsRemoved: [],
    });
    await relay.stop();
    relay = await spawnRelay(env());
  });

  test("UNINSTALL forgets its location's lists: after INSTALL, the contact is new to the relay again", async () => {
    await subscribe();
    expect(await send(contactEvent('ContactCreate', ['x'], 'contact-u'))).toMatchObject({ tagsAdded: ['x'] });
    for (const type of ['UNINSTALL', 'INSTALL'])
      expect(
        (await sendWebhook(relay.url, key.sign, { type, appId: 'app123', locationId: 'locTags', webhookId: `wh-${type}-${++seq}` })).status,
      ).toBe(200);
    // Without the UNINSTALL's purge only "y" would count: the list was forgotten, so every listed tag does.
    expect(await send(contactEvent('ContactTagUpdate', ['x', 'y'], 'contact-u'))).toMatchObject({ tagsAdded: ['x', 'y'], tagsRemoved: [] });
    expect(await send(contactEvent('ContactTagUpdate', ['x', 'y', 'z'], 'contact-u'))).toMatchObject({ tagsAdded: ['z'] });
  });
});
