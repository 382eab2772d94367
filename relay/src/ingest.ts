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

const tagList = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((t) => typeof t === 'string' && t.trim()).map((t) => t.trim()) : undefined);

/**
 * Keeps the last tag list seen per contact and derives what this event changed: `{tagsAdded, tagsRemoved}` (a
 * contact seen for the first time has every tag counted as added). Runs in the event's transaction with the row
 * locked, so events for one contact are compared in the order they were stored, on any number of relay processes.
 */
async function trackContactTags(sql: Sql, scope: string, type: string, body: Record<string, unknown>): Promise<Record<string, string[]> | undefined> {
  const contactId = typeof body.id === 'string' ? body.id : undefined;
  if (!contactId) return undefined;
  if (type === 'ContactDelete') {
    await sql.query(`DELETE FROM relay.contact_tags WHERE scope_id = $1 AND contact_id = $2`, [scope, contactId]);
    return undefined;
  }
  const tags = tagList(body.tags);
  if (!CONTACT_TAG_EVENTS.has(type) || !tags) return undefined;
  await sql.query(`INSERT INTO relay.contact_tags (scope_id, contact_id, tags) VALUES ($1, $2, NULL) ON CONFLICT DO NOTHING`, [scope, contactId]);
  const { rows } = await sql.query<{ tags: unknown }>(`SELECT tags FROM relay.contact_tags WHERE scope_id = $1 AND contact_id = $2 FOR UPDATE`, [scope, contactId]);
  const previous = tagList(typeof rows[0]?.tags === 'string' ? JSON.parse(rows[0].tags as string) : rows[0]?.tags) ?? [];
  await sql.query(`UPDATE relay.contact_tags SET tags = $3::jsonb, updated_at = now() WHERE scope_id = $1 AND contact_id = $2`, [scope, contactId, JSON.stringify(tags)]);
  return { tagsAdded: tagsNotIn(tags, previous), tagsRemoved: tagsNotIn(previous, tags) };
}

export interface StoreResult {
  duplicate: boolean;
  deliveries: number;
}

/**
 * Durably stores one verified webhook and queues its deliveries, all in one transaction: the event row (dedupe on
 * `eventKey`), one `relay.delivery` row and one pg-boss job per matching active subscription (job id =
 * UUIDv5(eventKey|subscriptionId), singletonKey = subscription id so the queue's key_strict_fifo policy keeps each
 * subscription's deliveries in arrival order). INSTALL/UNINSTALL resume/suspend the scope's subscriptions.
 * Throws when the database cannot store (the caller answers 429 + Retry-After).
 */
export async function storeEvent(
  db: Db,
  boss: PgBoss,
  e: { eventKey: string; webhookId: string | null; type: string; scope: string | null; raw: Buffer; body: Record<string, unknown> },
): Promise<StoreResult> {
  return db.tx(async (sql) => {
    const inserted = await sql.query(
      `INSERT INTO relay.event (event_key, webhook_id, type, scope_id, body) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (event_key) DO NOTHING RETURNING event_key`,
      [e.eventKey, e.webhookId, e.type, e.scope, e.raw],
    );
    if (inserted.rows.length === 0) return { duplicate: true, deliveries: 0 };
    if (!e.scope) return { duplicate: false, deliveries: 0 };
    const extra = await trackContactTags(sql, e.scope, e.type, e.body);
    if (extra) await sql.query(`UPDATE relay.event SET relay_extra = $2::jsonb WHERE event_key = $1`, [e.eventKey, JSON.stringify(extra)]);
    if (e.type === 'UNINSTALL' || e.type === 'INSTALL') {
      await sql.query(`UPDATE relay.subscription SET status = $2 WHERE scope_id = $1`, [e.scope, e.type === 'INSTALL' ? 'active' : 'suspended']);
      return { duplicate: false, deliveries: 0 };
    }
    const subs = await sql.query<{ id: string; filters: unknown }>(
      `SELECT id, filters FROM relay.subscription WHERE scope_id = $1 AND status = 'active' AND $2 = ANY(events) ORDER BY created_at`,
      [e.scope, e.type],
    );
    const matching = subs.rows.filter((s) => filtersMatch(s.filters, e.body));
    if (matching.length === 0) return { duplicate: false, deliveries: 0 };
    const jobs = matching.map((s) => ({ id: uuidV5(`${e.eventKey}|${s.id}`), subscriptionId: s.id }));
    await sql.query(
      `INSERT INTO relay.delivery (job_id, event_key, subscription_id, scope_id, type)
       SELECT j, $2, s, $3, $4 FROM unnest($1::uuid[], $5::uuid[]) AS t(j, s) ON CONFLICT DO NOTHING`,
      [jobs.map((j) => j.id), e.eventKey, e.scope, e.type, jobs.map((j) => j.subscriptionId)],
    );
    await boss.insert(
      DELIVER_QUEUE,
      jobs.map((j) => ({ id: j.id, data: { eventKey: e.eventKey, subscriptionId: j.subscriptionId }, singletonKey: j.subscriptionId })),
      { db: { executeSql: (text: string, values?: unknown[]) => sql.query(text, values) } },
    );
    await sql.query(`UPDATE relay.event SET matched = $2 WHERE event_key = $1`, [e.eventKey, jobs.length]);
    return { duplicate: false, deliveries: jobs.length };
  });
}
