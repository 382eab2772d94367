import nock from 'nock';
import * as formTriggers from '../../triggers/forms';
import * as objectTriggers from '../../triggers/objects';
import * as paymentTriggers from '../../triggers/payments';
import { clientLimits } from '../../src/client';
import { Operation } from '../../src/factories/operation';
import { AUTH, BASE, highlevel, run } from '../support/highlevel';

// Issue 14 / issue 10 kind 1: the polls of lists whose order HighLevel does not document (payments, form and survey
// submissions, custom object records) emit a burst larger than a poll's bound in full, each record once, in either
// order HighLevel may list them; a quiet poll is one request. Found by `BENCH_ONLY=bursts npm run bench`: the
// oldest-first lists lost the newest records past 2000, and the submissions were read whole at every poll.

type Order = 'asc' | 'desc';
interface Rec {
  id: string;
  createdAt: string;
  ms: number;
  seq: number;
}

/** A fake list served in one order, paged as the endpoint pages (offset, page number, or searchAfter). */
class Feed {
  records: Rec[] = [];
  requests = 0;
  private seq = 0;
  constructor(readonly order: Order) {}
  add(n: number, prefix: string): string[] {
    const made: string[] = [];
    for (let i = 0; i < n; i++) {
      const seq = this.seq++;
      // A second apart, within the last hours: inside the poll window.
      const ms = Date.now() - 6 * 3600 * 1000 + seq * 1000;
      const id = `${prefix}${String(seq).padStart(5, '0')}`;
      this.records.push({ id, createdAt: new Date(ms).toISOString(), ms, seq });
      made.push(id);
    }
    return made;
  }
  listed(): Rec[] {
    return this.order === 'asc' ? [...this.records] : [...this.records].reverse();
  }
}

const saved = { ...clientLimits };
afterEach(() => {
  Object.assign(clientLimits, saved);
  nock.cleanAll();
});

function servePayments(feed: Feed, path: string) {
  highlevel()
    .get(path)
    .query(true)
    .reply((uri) => {
      feed.requests++;
      const q = new URL(uri, BASE).searchParams;
      const offset = Number(q.get('offset')),
        limit = Number(q.get('limit'));
      const all = feed.listed();
      const data = all.slice(offset, offset + limit).map((r) => ({
        _id: r.id,
        altId: AUTH.locationId,
        altType: 'location',
        status: 'succeeded',
        createdAt: r.createdAt,
        updatedAt: r.createdAt,
      }));
      return [200, { data, totalCount: all.length }];
    })
    .persist();
}

function serveSubmissions(feed: Feed, path: string) {
  highlevel()
    .get(path)
    .query(true)
    .reply((uri) => {
      feed.requests++;
      const q = new URL(uri, BASE).searchParams;
      const page = Number(q.get('page')),
        limit = Number(q.get('limit'));
      const all = feed.listed();
      const submissions = all
        .slice((page - 1) * limit, page * limit)
        .map((r) => ({ id: r.id, contactId: 'c1', name: 'Rosa', createdAt: r.createdAt }));
      const more = page * limit < all.length;
      return [
        200,
        {
          submissions,
          meta: { total: all.length, currentPage: page, nextPage: more ? page + 1 : null, prevPage: page > 1 ? page - 1 : null },
        },
      ];
    })
    .persist();
}

function serveRecords(feed: Feed) {
  highlevel()
    .post('/objects/custom_objects.pet/records/search')
    .reply((_uri, body: any) => {
      feed.requests++;
      const all = feed.listed();
      const after: number[] = (body.searchAfter ?? []).map(Number);
      const start = after.length ? all.findIndex((r) => r.ms === after[0] && r.seq === after[1]) + 1 : 0;
      const records = all.slice(start, start + Number(body.pageLimit)).map((r) => ({
        id: r.id,
        objectId: 'obj1',
        locationId: AUTH.locationId,
        properties: { name: `Pet ${r.seq}` },
        createdAt: r.createdAt,
        updatedAt: r.createdAt,
        searchAfter: [r.ms, r.seq],
      }));
      return [200, { records, total: all.length }];
    })
    .persist();
}

interface Kind {
  name: string;
  op: Operation;
  input?: Record<string, unknown>;
  serve: (feed: Feed) => void;
}

const kinds: Kind[] = [
  { name: 'New Order (offset paging)', op: paymentTriggers.newOrder, serve: (f) => servePayments(f, '/payments/orders') },
  { name: 'New Transaction (offset paging)', op: paymentTriggers.newTransaction, serve: (f) => servePayments(f, '/payments/transactions') },
  {
    name: 'New Subscription (offset paging)',
    op: paymentTriggers.newSubscription,
    serve: (f) => servePayments(f, '/payments/subscriptions'),
  },
  {
    name: 'New Form Submission (page numbers)',
    op: formTriggers.newFormSubmission,
    serve: (f) => serveSubmissions(f, '/forms/submissions'),
  },
  {
    name: 'New Survey Submission (page numbers)',
    op: formTriggers.newSurveySubmission,
    serve: (f) => serveSubmissions(f, '/surveys/submissions'),
  },
  {
    name: 'New Custom Object Record (searchAfter cursor)',
    op: objectTriggers.newObjectRecord,
    input: { objectKey: 'custom_objects.pet' },
    serve: serveRecords,
  },
];

let zapIds = 0;

describe.each(kinds)('$name: bursts larger than a poll bound, either order', (kind) => {
  it.each(['asc', 'desc'] as Order[])(
    'listed %s: every record once over the polls, the bound logged, a quiet poll = 1 request',
    async (order) => {
      const feed = new Feed(order);
      kind.serve(feed);
      const zap = { meta: { zap: { id: `dated-${++zapIds}` } } };
      // Zapier's dedupe store (by id): what each poll newly triggers. A record read again (a page of overlap) is not
      // a new trigger; one that existed before the zap was turned on must never trigger.
      const dedupe = new Set<string>();
      const emitted = new Set<string>();
      let started = false;
      const poll = async () => {
        const before = feed.requests;
        const items: any[] = await run(kind.op, kind.input ?? {}, zap);
        const all = items.map((i) => String(i.id));
        expect(new Set(all).size).toBe(all.length);
        const ids = all.filter((id) => !dedupe.has(id));
        ids.forEach((id) => dedupe.add(id));
        if (started) ids.forEach((id) => emitted.add(id));
        return { ids, requests: feed.requests - before };
      };

      feed.add(30, 'old');
      const first = await poll(); // the zap is turned on: Zapier's first poll only fills its dedupe store
      expect(first.requests).toBeLessThanOrEqual(2);
      started = true;
      expect(await poll()).toEqual({ ids: [], requests: 1 });

      // 450 arrive; each look at the clock costs 7 s of the 20 s paging budget, so a poll reads 3 pages at most.
      const burst = feed.add(450, 'new');
      let t = Date.now();
      clientLimits.now = () => (t += 7000);
      const logs: string[] = [];
      const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logs.push(args.join(' ')));
      let polls = 0;
      for (; polls < 12 && burst.some((id) => !emitted.has(id)); polls++) {
        const { requests } = await poll();
        expect(requests).toBeLessThanOrEqual(4);
        // Arrivals while the burst is being read (503 in all: the last page is not full; a list paged by page number
        // whose last page is exactly full costs 2 requests at the next poll that finds new records, its page of overlap).
        if (polls === 0) burst.push(...feed.add(23, 'late'));
      }
      log.mockRestore();
      Object.assign(clientLimits, saved);
      expect(polls).toBeGreaterThan(1);
      expect(logs.some((l) => new RegExp(`${kind.op.key}: this poll stopped after \\d+ pages`).test(l))).toBe(true);
      expect([...emitted].sort()).toEqual([...burst].sort()); // nothing missed, nothing old, each once

      expect(await poll()).toEqual({ ids: [], requests: 1 }); // quiet
      const few = feed.add(5, 'few');
      const after = await poll();
      expect([...after.ids].sort()).toEqual(few);
      expect([...emitted].some((id) => id.startsWith('old'))).toBe(false);
      expect(after.requests).toBe(1);
    },
  );
});

describe('oldest first, offset paging: records removed below where the previous poll stopped', () => {
  it('New Order: 250 orders, a poll, 40 of the oldest removed and 30 new → the 30 once (the poll steps back a page)', async () => {
    const feed = new Feed('asc');
    servePayments(feed, '/payments/orders');
    const zap = { meta: { zap: { id: 'removed-below' } } };
    feed.add(250, 'old');
    await run(paymentTriggers.newOrder, {}, zap);
    expect(await run(paymentTriggers.newOrder, {}, zap)).toEqual([]);
    feed.records.splice(0, 40);
    const fresh = feed.add(30, 'new');
    const got: any[] = await run(paymentTriggers.newOrder, {}, zap);
    expect(got.map((o) => o.id).sort()).toEqual(fresh);
    const before = feed.requests;
    expect(await run(paymentTriggers.newOrder, {}, zap)).toEqual([]);
    expect(feed.requests - before).toBe(1);
  });
});
