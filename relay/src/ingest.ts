import type { PgBoss } from 'pg-boss' with { 'resolution-mode': 'import' };
import type { Db } from './db';
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
