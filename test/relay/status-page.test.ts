import * as fs from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';
import {
  GOOD_TOKEN,
  ROOT,
  backends,
  baseEnv,
  fakeHighLevel,
  hookServer,
  request,
  sendWebhook,
  signer,
  spawnRelay,
  waitFor,
} from './harness';

jest.setTimeout(90_000);

const CHROMIUM = process.env.RELAY_TEST_CHROMIUM || '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium)
  console.log(`Relay status page browser test SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium; bash .ci/run installs it).`);

(haveChromium ? test : test.skip)(
  'the status page shows a delivered and a failed delivery in a real browser (screenshot saved)',
  async () => {
    const hooks = await hookServer();
    const hl = await fakeHighLevel();
    const key = signer();
    const store = await backends()[0].create(); // PGlite: what `npm run relay` runs
    const relay = await spawnRelay({ ...baseEnv(hl.base, key.publicPem), ...store.env, RELAY_MAX_ATTEMPTS: '1' });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      // The scripted run: one zap's hook accepts, another's keeps failing (dead letter after RELAY_MAX_ATTEMPTS=1).
      hooks.script('/bad', [{ status: 500 }]);
      for (const [p, trigger] of [
        ['/good', 'new_contact'],
        ['/bad', 'contact_tag_added'],
      ]) {
        const sub = await request(
          relay.url,
          'POST',
          '/v1/subscriptions',
          { targetUrl: hooks.url(p), locationId: 'locStatus', events: ['ContactCreate'], triggerKey: trigger },
          {
            authorization: `Bearer ${GOOD_TOKEN}`,
          },
        );
        expect(sub.status).toBe(201);
      }
      expect(
        (
          await sendWebhook(relay.url, key.sign, {
            type: 'ContactCreate',
            locationId: 'locStatus',
            webhookId: 'status-1',
            email: 'someone@example.com',
          })
        ).body.deliveries,
      ).toBe(2);
      await request(relay.url, 'POST', '/v1/highlevel/webhook', '{"type":"ContactCreate"}', { 'x-ghl-signature': 'Zm9yZ2Vk' });
      await waitFor(() => hooks.calls.length === 2, 15_000, 'both deliveries');
      await new Promise((r) => setTimeout(r, 500)); // the failed one is recorded after the hook answers

      const context = await browser.newContext({
        httpCredentials: { username: 'admin', password: 'admin-token-for-tests' },
        viewport: { width: 1400, height: 800 },
      });
      const page = await context.newPage();
      const res = await page.goto(`${relay.url}/status`);
      expect(res?.status()).toBe(200);
      const rows = page.locator('#subscriptions tbody tr');
      await expect(rows.count()).resolves.toBe(2);
      const good = page.locator('#subscriptions tr', { hasText: 'new_contact' });
      const bad = page.locator('#subscriptions tr', { hasText: 'contact_tag_added' });
      expect(await good.locator('.result').innerText()).toBe('delivered (HTTP 200)');
      expect(await bad.locator('.result').innerText()).toBe('dead letter (HTTP 500)');
      expect(await bad.locator('td.bad').count()).toBe(2); // failures in 24 h and dead letters, highlighted
      const types = await page.locator('#event-types').innerText();
      expect(types).toMatch(/ContactCreate\s+1\s+1\s+1/); // received, matched, delivered (the dead one is not)
      expect(await page.locator('#rejections').innerText()).toMatch(/does not verify/);
      const html = await page.content();
      expect(html).not.toContain(hooks.base);
      expect(html).not.toContain('someone@example.com');
      const dir = path.join(ROOT, 'test-artifacts');
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'relay-status.png');
      await page.screenshot({ path: file, fullPage: true });
      expect(fs.statSync(file).size).toBeGreaterThan(5000);
      // Without the admin token the browser gets 401.
      const anonymous = await browser.newContext();
      expect((await anonymous.request.get(`${relay.url}/status`)).status()).toBe(401);
    } finally {
      await browser.close();
      await relay.stop();
      await hooks.close();
      await hl.close();
      await store.drop();
    }
  },
);
