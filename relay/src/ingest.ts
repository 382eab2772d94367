import type { PgBoss } from 'pg-boss' with { 'resolution-mode': 'import' };
import type { Db, Sql } from './db';
import { uuidV5 } from './crypto';

export const DELIVER_QUEUE = 'relay-deliver';
export const DEAD_QUEUE = 'relay-deliver-dead';

/** What a stored webhook routes by: `altId` when `altType` is `location` (Invoice*), else `locationId`, else `companyId`. */
export function routingScope(body: Record<string, unknown>): string | null {
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  if (body.altType === 'location' && str(body.altId)) return str(body.altId);
  return str(body.locationId) ?? str(body.companyId);
}

/** A subscription's optional filters: every key must equal the payload's top-level field (or be one of a list). */
export function filtersMatch(filters: unknown, body: Record<string, unknown>): boolean {
  if (!filters || typeof filters !== 'object') return true;
  for (const [key, want] of Object.entries(filters as Record<string, unknown>)) {
    const have = body[key];
    const wanted = Array.isArray(want) ? want : [want];
    if (!wanted.some((w) => w === have || (Array.isArray(have) && have.includes(w)))) return false;
  }
  return true;
}

/** Contact events whose payload carries the contact's whole tag list (docs/webhook events/Contact*.md). */
export const CONTACT_TAG_EVENTS = new Set(['ContactCreate', 'ContactUpdate', 'ContactTagUpdate', 'ContactDndUpdate']);

/** Tags in `now` not in `before` (case-insensitive, as HighLevel treats tags), each once, in `now`'s order. */
export function tagsNotIn(now: string[], before: string[]): string[] {
  const known = new Set(before.map((t) => t.toLowerCase()));
  const seen = new Set<string>();
  return now.filter((t) => {
    const k = t.toLowerCase();
    if (known.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const tagList = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((t) => typeof t === 'string' && t.trim()).map((t) => t.trim()) : undefined;

/**
 * Keeps the last tag list seen per contact and derives what this event changed: `{tagsAdded, tagsRemoved}` (a
 * contact seen for the first time has every tag counted as added). Runs in the event's transaction with the row
 * locked, so events for one contact are compared in the order they were stored, on any number of relay processes.
 */
async function trackContactTags(
  sql: Sql,
  scope: string,
  type: string,
  body: Record<string, unknown>,
): Promise<Record<string, string[]> | undefined> {
  const contactId = typeof body.id === 'string' ? body.id : undefined;
  if (!contactId) return undefined;
  if (type === 'ContactDelete') {
    await sql.query(`DELETE FROM relay.contact_tags WHERE scope_id = $1 AND contact_id = $2`, [scope, contactId]);
    return undefined;
  }
  const tags = tagList(body.tags);
  if (!CONTACT_TAG_EVENTS.has(type) || !tags) return undefined;
  await sql.query(`INSERT INTO relay.contact_tags (scope_id, contact_id, tags) VALUES ($1, $2, NULL) ON CONFLICT DO NOTHING`, [
    scope,
    contactId,
  ]);
  const { rows } = await sql.query<{ tags: unknown }>(
    `SELECT tags FROM relay.contact_tags WHERE scope_id = $1 AND contact_id = $2 FOR UPDATE`,
    [scope, contactId],
  );
  const previous = tagList(typeof rows[0]?.tags === 'string' ? JSON.parse(rows[0].tags as string) : rows[0]?.tags) ?? [];
  await sql.query(`UPDATE relay.contact_tags SET tags = $3::jsonb, updated_at = now() WHERE scope_id = $1 AND contact_id = $2`, [
    scope,
    contactId,
    JSON.stringify(tags),
  ]);
  return { tagsAdded: tagsNotIn(tags, previous), tagsRemoved: tagsNotIn(previous, tags) };
}

export interface StoreResult {
  duplicate: boolean;
  deliveries: number;
}

export interface IncomingEvent {
  eventKey: string;
  webhookId: string | null;
  type: string;
  scope: string | null;
  raw: Buffer;
  body: Record<string, unknown>;
}

/**
 * Durably stores verified webhooks and queues their deliveries, all in one transaction: the event rows (dedupe on
 * `eventKey`), one `relay.delivery` row and one pg-boss job per matching active subscription (job id =
 * UUIDv5(eventKey|subscriptionId), singletonKey = subscription id so the queue's key_strict_fifo policy keeps each
 * subscription's deliveries in arrival order). INSTALL/UNINSTALL resume/suspend the scope's subscriptions.
 * A batch holds at most one event per routing scope (see IngestBatcher), so pg-boss's created_on ties never reorder
 * a subscription's events. Throws when the database cannot store (the caller answers 429 + Retry-After).
 */
export async function storeEvents(db: Db, boss: PgBoss, events: IncomingEvent[]): Promise<StoreResult[]> {
  return db.tx(async (sql) => {
    // Sorted keys: concurrent batches lock event rows in one order, so they cannot deadlock.
    const order = events
      .map((_, i) => i)
      .sort((a, b) => (events[a].eventKey < events[b].eventKey ? -1 : events[a].eventKey > events[b].eventKey ? 1 : 0));
    // The insert returns, with each new event, the active subscriptions of its scope (routing needs no second query:
    // INSTALL/UNINSTALL below only change their own scope, and a batch holds one event per scope).
    const inserted = await sql.query<{ event_key: string; id: string | null; scope_id: string; events: string[]; filters: unknown }>(
      `WITH ins AS (
         INSERT INTO relay.event (event_key, webhook_id, type, scope_id, body)
         SELECT k, w, t, s, decode(b, 'base64') FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(k, w, t, s, b)
         ON CONFLICT (event_key) DO NOTHING RETURNING event_key, scope_id)
       SELECT ins.event_key, s.id, s.scope_id, s.events, s.filters
         FROM ins LEFT JOIN relay.subscription s ON s.scope_id = ins.scope_id AND s.status = 'active'
        ORDER BY s.created_at`,
      [
        order.map((i) => events[i].eventKey),
        order.map((i) => events[i].webhookId),
        order.map((i) => events[i].type),
        order.map((i) => events[i].scope),
        order.map((i) => events[i].raw.toString('base64')),
      ],
    );
    const fresh = new Set(inserted.rows.map((r) => r.event_key));
    const results: StoreResult[] = events.map((e) => {
      const isNew = fresh.delete(e.eventKey); // a key repeated inside the batch counts once
      return { duplicate: !isNew, deliveries: 0 };
    });
    // The contact tag memory, before routing: locked in (scope, contact) order, so concurrent batches on several
    // relay processes cannot deadlock (a batch holds at most one event per scope, hence per contact).
    const tagWork = events
      .map((e, i) => ({ e, i }))
      .filter(({ e, i }) => !results[i].duplicate && e.scope && typeof e.body.id === 'string')
      .sort((a, b) => (`${a.e.scope}\u0000${a.e.body.id}` < `${b.e.scope}\u0000${b.e.body.id}` ? -1 : 1));
    for (const { e } of tagWork) {
      const extra = await trackContactTags(sql, e.scope!, e.type, e.body);
      if (extra)
        await sql.query(`UPDATE relay.event SET relay_extra = $2::jsonb WHERE event_key = $1`, [e.eventKey, JSON.stringify(extra)]);
    }
    const routable: number[] = [];
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      if (results[i].duplicate || !e.scope) continue;
      if (e.type === 'UNINSTALL' || e.type === 'INSTALL') {
        await sql.query(`UPDATE relay.subscription SET status = $2 WHERE scope_id = $1`, [
          e.scope,
          e.type === 'INSTALL' ? 'active' : 'suspended',
        ]);
      } else routable.push(i);
    }
    if (!routable.length) return results;
    const subs = { rows: [...new Map(inserted.rows.filter((r) => r.id !== null).map((r) => [r.id!, { ...r, id: r.id! }])).values()] };
    const jobs: { id: string; eventKey: string; subscriptionId: string; scope: string; type: string }[] = [];
    const matched: { key: string; n: number }[] = [];
    for (const i of routable) {
      const e = events[i];
      const mine = subs.rows.filter((s) => s.scope_id === e.scope && s.events.includes(e.type) && filtersMatch(s.filters, e.body));
      for (const s of mine)
        jobs.push({ id: uuidV5(`${e.eventKey}|${s.id}`), eventKey: e.eventKey, subscriptionId: s.id, scope: e.scope!, type: e.type });
      results[i].deliveries = mine.length;
      if (mine.length) matched.push({ key: e.eventKey, n: mine.length });
    }
    if (!jobs.length) return results;
    await sql.query(
      `WITH d AS (
         INSERT INTO relay.delivery (job_id, event_key, subscription_id, scope_id, type)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[]) ON CONFLICT DO NOTHING)
       UPDATE relay.event e SET matched = m.n FROM unnest($6::text[], $7::int[]) AS m(k, n) WHERE e.event_key = m.k`,
      [
        jobs.map((j) => j.id),
        jobs.map((j) => j.eventKey),
        jobs.map((j) => j.subscriptionId),
        jobs.map((j) => j.scope),
        jobs.map((j) => j.type),
        matched.map((m) => m.key),
        matched.map((m) => m.n),
      ],
    );
    await boss.insert(
      DELIVER_QUEUE,
      jobs.map((j) => ({ id: j.id, data: { eventKey: j.eventKey, subscriptionId: j.subscriptionId }, singletonKey: j.subscriptionId })),
      { db: { executeSql: (text: string, values?: unknown[]) => sql.query(text, values) } },
    );
    return results;
  });
}

interface Pending {
  event: IncomingEvent;
  resolve(r: StoreResult): void;
  reject(e: unknown): void;
}

/**
 * Group commit: requests that arrive while `maxConcurrent` transactions are in flight are stored together in the
 * next one (one fsync and a handful of statements for many events, no added wait when idle). A routing scope is
 * in at most one batch in flight, so each location's events are stored, and queued, in arrival order.
 */
export class IngestBatcher {
  private queue: Pending[] = [];
  private running = 0;
  private busy = new Set<string>();

  constructor(
    private store: (events: IncomingEvent[]) => Promise<StoreResult[]>,
    private maxConcurrent: number,
    private maxBatch = 200,
  ) {}

  add(event: IncomingEvent): Promise<StoreResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.maxConcurrent && this.queue.length) {
      const batch: Pending[] = [];
      const scopes = new Set<string>();
      for (let i = 0; i < this.queue.length && batch.length < this.maxBatch;) {
        const scope = this.queue[i].event.scope;
        if (scope !== null && (this.busy.has(scope) || scopes.has(scope))) {
          i++;
          continue;
        }
        if (scope !== null) scopes.add(scope);
        batch.push(...this.queue.splice(i, 1));
      }
      if (!batch.length) return;
      for (const s of scopes) this.busy.add(s);
      this.running++;
      this.store(batch.map((p) => p.event))
        .then(
          (results) => batch.forEach((p, i) => p.resolve(results[i])),
          (error) => batch.forEach((p) => p.reject(error)),
        )
        .finally(() => {
          for (const s of scopes) this.busy.delete(s);
          this.running--;
          this.pump();
        });
    }
  }
}
