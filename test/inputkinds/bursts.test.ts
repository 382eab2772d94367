import { clientLimits } from '../../src/client';
import { call, sandboxApp } from '../sandbox/support';

// Issue 10, kind 1: a polling trigger emits every record added or changed since the previous poll, exactly once,
// however many arrived. Each poll runs through the Zapier runtime against the sandbox (which pages as HighLevel
// does); Zapier's dedupe by id is simulated here.
const app = sandboxApp();

/** A zap: its dedupe store, and what each poll newly triggered. */
function zap(key: string, inputData: Record<string, unknown> = {}) {
  const seen = new Set<string>();
  return {
    async poll(): Promise<{ fresh: any[]; requests: number }> {
      const before = app.sandbox.requests.length;
      const items: any[] = await app.run(key, inputData);
      const requests = app.sandbox.requests.slice(before).filter((r) => r.route).length;
      const ids = items.map((i) => String(i.id));
      expect(new Set(ids).size).toBe(ids.length); // Zapier rejects a poll with two items of one id
      const fresh = items.filter((i) => !seen.has(String(i.id)));
      fresh.forEach((i) => seen.add(String(i.id)));
      return { fresh, requests };
    },
  };
}

async function addContacts(n: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { status, body } = await call(app.sandbox, 'POST', '/contacts/', {
      token: app.token(),
      body: { locationId: app.locationId, firstName: `${prefix}${i}`, email: `${prefix.toLowerCase()}${i}@example.com` },
    });
    expect(status).toBe(201);
    ids.push(body.contact.id);
  }
  return ids;
}

const saved = { ...clientLimits };
afterEach(() => Object.assign(clientLimits, saved));

describe('bursts between polls', () => {
  it('New Contact: 40 contacts, a poll, then 150 newer → all 150 once over the next poll, in 2 requests; never an old one again', async () => {
    await addContacts(40, 'Old');
    const newContact = zap('new_contact');
    const first = await newContact.poll(); // the zap is turned on: Zapier's first poll fills its dedupe store
    expect(first.requests).toBe(1);
    const burst = await addContacts(150, 'Burst');
    const second = await newContact.poll();
    expect(second.fresh.map((c) => c.id).sort()).toEqual([...burst].sort());
    expect(second.requests).toBe(2);
    const third = await newContact.poll();
    expect(third.fresh).toEqual([]);
    expect(third.requests).toBe(1);
  });

  it('Updated Contact: 120 contacts changed between polls → 120 changes once each', async () => {
    const ids = await addContacts(120, 'Upd');
    const updated = zap('updated_contact');
    await updated.poll();
    await updated.poll();
    for (const id of ids) {
      const { status } = await call(app.sandbox, 'PUT', `/contacts/${id}`, { token: app.token(), body: { lastName: 'Changed' } });
      expect(status).toBe(200);
    }
    const { fresh, requests } = await updated.poll();
    expect(fresh.map((c) => c.contactId).sort()).toEqual([...ids].sort());
    expect(requests).toBe(2);
    expect((await updated.poll()).fresh).toEqual([]);
  });

  it('New Opportunity: a burst of 130 → 130 once', async () => {
    const { pipelines } = (await call(app.sandbox, 'GET', `/opportunities/pipelines?locationId=${app.locationId}`, { token: app.token() }))
      .body;
    const pipelineId = pipelines[0].id;
    const stages = pipelines[0].stages;
    const contacts = await addContacts(130, 'Opp');
    const zapOpp = zap('new_opportunity');
    await zapOpp.poll();
    const made: string[] = [];
    for (const contactId of contacts) {
      const { status, body } = await call(app.sandbox, 'POST', '/opportunities/', {
        token: app.token(),
        body: { locationId: app.locationId, pipelineId, pipelineStageId: stages[0].id, name: 'Deal', status: 'open', contactId },
      });
      expect(status).toBe(201);
      made.push(body.opportunity.id);
    }
    const { fresh } = await zapOpp.poll();
    expect(fresh.map((o) => o.id).sort()).toEqual([...made].sort());
  });

  it('New Inbound Message (cursor paging, 500 a page): a burst of 620 inbound messages → 620 once', async () => {
    const [contactId] = await addContacts(1, 'Texter');
    const { conversationId } = await app.run('send_sms', { contactId, message: 'Your quote is ready.' });
    const inbound = zap('new_inbound_message');
    await inbound.poll();
    const sent: string[] = [];
    for (let i = 0; i < 620; i++) {
      const { status, body } = await call(app.sandbox, 'POST', '/conversations/messages/inbound', {
        token: app.token(),
        version: '2021-04-15',
        body: { type: 'SMS', contactId, conversationId, conversationProviderId: 'sandbox', message: `hello ${i}` },
      });
      expect(status).toBe(200);
      sent.push(body.messageId);
    }
    const { fresh, requests } = await inbound.poll();
    expect(fresh.map((m) => m.id).sort()).toEqual([...sent].sort());
    expect(requests).toBe(2);
  });

  it('New User (records without a date: the previous first page marks the stop): 130 new users → 130 once', async () => {
    const users = zap('new_user');
    await users.poll();
    const made: string[] = [];
    for (let i = 0; i < 130; i++) {
      const { status, body } = await call(app.sandbox, 'POST', '/users/', {
        token: app.token(),
        body: {
          companyId: app.sandbox.state.companyId,
          firstName: 'Team',
          lastName: `Member${i}`,
          email: `member${i}@example.com`,
          password: 'Secret-123456',
          type: 'account',
          role: 'user',
          locationIds: [app.locationId],
        },
      });
      expect(status).toBe(201);
      made.push(body.id);
    }
    const { fresh } = await users.poll();
    expect(fresh.map((u) => u.id).sort()).toEqual([...made].sort());
    expect((await users.poll()).fresh).toEqual([]);
  });

  it('a poll the time budget stops early logs the bound; the next polls continue where it stopped (no loss, no repeat)', async () => {
    const newContact = zap('new_contact');
    await newContact.poll();
    const burst = await addContacts(450, 'Big');
    // Each look at the clock costs 7 s of the 20 s budget: a poll reads 3 pages at most.
    let t = 0;
    clientLimits.now = () => (t += 7000);
    const logs: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logs.push(args.join(' ')));
    const got = new Set<string>();
    let polls = 0;
    for (; polls < 12 && got.size < burst.length; polls++) {
      const { fresh } = await newContact.poll();
      fresh.forEach((c) => got.add(c.id));
      if (polls === 1) await addContacts(30, 'Late').then((late) => burst.push(...late));
    }
    log.mockRestore();
    expect([...got].sort()).toEqual([...burst].sort());
    expect(polls).toBeGreaterThan(1);
    expect(logs.some((l) => /new_contact: this poll stopped after \d+ pages/.test(l))).toBe(true);
    expect(logs.join('\n')).not.toMatch(/@example\.com/);
    expect((await newContact.poll()).fresh).toEqual([]);
  });
});
