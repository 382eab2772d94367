import { call, sandboxApp } from '../sandbox/support';

// Issue 14: the New Invoice and New Product polls emit a burst larger than a page (100) in full, once each.
// Found by `BENCH_ONLY=bursts npm run bench`: both read one page, so a burst of 150 lost its 50 oldest.
const app = sandboxApp();

/** A zap of a trigger: its dedupe store (Zapier's, by id) and what each poll newly triggered. */
function zap(key: string) {
  const seen = new Set<string>();
  return async (): Promise<{ fresh: string[]; requests: number }> => {
    const before = app.sandbox.requests.length;
    const items: any[] = await app.run(key, {});
    const requests = app.sandbox.requests.slice(before).filter((r) => r.route).length;
    const ids = items.map((i) => String(i.id));
    expect(new Set(ids).size).toBe(ids.length);
    const fresh = ids.filter((id) => !seen.has(id));
    fresh.forEach((id) => seen.add(id));
    return { fresh, requests };
  };
}

async function post(path: string, body: Record<string, unknown>): Promise<any> {
  const { status, body: answer } = await call(app.sandbox, 'POST', path, { token: app.token(), body });
  expect(status).toBeLessThan(300);
  return answer;
}

const invoice = (n: number) => ({
  altId: app.locationId,
  altType: 'location',
  name: `Burst ${n}`,
  currency: 'USD',
  issueDate: new Date().toISOString().slice(0, 10),
  items: [{ name: 'Drain Cleaning', amount: 10, qty: 1, currency: 'USD' }],
  contactDetails: { id: 'c1', name: 'Rosa Delgado', email: 'rosa@example.com', phoneNo: '+15550100199' },
  businessDetails: { name: 'Sandbox Plumbing Co.' },
  discount: { type: 'percentage', value: 0 },
  sentTo: { email: ['rosa@example.com'] },
  liveMode: false,
});

async function burstOnce(key: string, add: (n: number) => Promise<string>) {
  for (let n = 0; n < 30; n++) await add(n);
  const poll = zap(key);
  expect((await poll()).requests).toBe(1); // the zap is turned on: Zapier's first poll fills its dedupe store
  const burst: string[] = [];
  for (let n = 30; n < 180; n++) burst.push(await add(n));
  const second = await poll();
  expect([...second.fresh].sort()).toEqual([...burst].sort());
  expect(second.requests).toBe(2);
  const third = await poll();
  expect(third.fresh).toEqual([]);
  expect(third.requests).toBe(1);
}

describe('bursts larger than a page (money and products)', () => {
  it('New Invoice: 30 invoices, a poll, 150 more → all 150 once over the next poll, in 2 requests', async () => {
    await burstOnce('new_invoice', async (n) => (await post('/invoices/', invoice(n)))._id);
  });

  it('New Product: 30 products, a poll, 150 more → all 150 once over the next poll, in 2 requests', async () => {
    await burstOnce(
      'new_product',
      async (n) => (await post('/products/', { locationId: app.locationId, name: `Burst ${n}`, productType: 'DIGITAL' }))._id,
    );
  });
});
