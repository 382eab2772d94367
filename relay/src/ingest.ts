import type { PgBoss } from 'pg-boss' with { 'resolution-mode': 'import' };
import type { Db, Sql } from './db';
import * as crypto from 'crypto';

export const DELIVER_QUEUE = 'relay-deliver';
export const DEAD_QUEUE = 'relay-deliver-dead';

/** What a stored webhook routes by: `altId` when `altType` is `location` (Invoice*), else `locationId`, else `companyId`. */
export function routingScope(body: Record<string, unknown>): string | null {
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  if (body.altType === 'location' && str(body.altId)) return str(body.altId);
  return str(body.locationId) ?? str(body.companyId);
}

/** A subscription's optional filters: every key must equal the payload's top-level field (or be one of a list). Ingest
 * matches in SQL (FILTERS_MATCH_SQL, same rules); this is the reference the tests compare it with. */
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

/** A payload's tag list, trimmed; tags jsonb cannot hold (U+0000, lone surrogates) are left out rather than failing a group. */
const tagList = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((t) => typeof t === 'string' && t.trim() && !UNSTORABLE.test(t)).map((t) => t.trim()) : undefined;

/**
 * What a contact event changed when the relay holds no tag list for the contact (never seen since the install, or
 * forgotten by ContactDelete or UNINSTALL): every listed tag counts as added. The relay cannot tell which of them is
 * new; treating the event as a baseline instead would silently lose the first tag added to every contact that existed
 * before the install (the trigger's main case), while counting them all may fire once for a tag the contact had.
 */
export function firstSeenChange(tags: string[]): { tagsAdded: string[]; tagsRemoved: string[] } {
  return { tagsAdded: tagsNotIn(tags, []), tagsRemoved: [] };
}

/**
 * Keeps the last tag list seen per contact and derives what each event changed: `{tagsAdded, tagsRemoved}` by event
 * key (without a stored list: `firstSeenChange`); ContactDelete forgets the contact. Runs in
 * the events' transaction with the contacts' rows locked, so events for one contact are compared in the order they
 * were stored, on any number of relay processes. Three statements whatever the number of events: create the
 * missing rows (waiting for another process's uncommitted one), lock and read them, write tags and extras.
 * `events`: new events only, at most one per contact (a batch holds one event per scope).
 */
async function trackContactTags(sql: Sql, events: IncomingEvent[]): Promise<void> {
  const deleted = events.filter((e) => e.type === 'ContactDelete');
  const tracked = events
    .filter((e) => e.type !== 'ContactDelete')
    .map((e) => ({ e, contact: e.body.id as string, tags: tagList(e.body.tags)! }));
  await sql.query(
    `WITH del AS (DELETE FROM relay.contact_tags t USING unnest($1::text[], $2::text[]) AS d(s, c) WHERE t.scope_id = d.s AND t.contact_id = d.c)
     INSERT INTO relay.contact_tags (scope_id, contact_id, tags)
     SELECT s, c, NULL FROM unnest($3::text[], $4::text[]) AS n(s, c) ORDER BY 1, 2 ON CONFLICT DO NOTHING`,
    [deleted.map((e) => e.scope), deleted.map((e) => e.body.id), tracked.map((t) => t.e.scope), tracked.map((t) => t.contact)],
  );
  if (!tracked.length) return;
  const { rows } = await sql.query<{ scope_id: string; contact_id: string; tags: unknown }>(
    `SELECT t.scope_id, t.contact_id, t.tags FROM relay.contact_tags t JOIN unnest($1::text[], $2::text[]) AS n(s, c)
        ON t.scope_id = n.s AND t.contact_id = n.c ORDER BY 1, 2 FOR UPDATE OF t`,
    [tracked.map((t) => t.e.scope), tracked.map((t) => t.contact)],
  );
  // A row whose tags are NULL was created by this transaction: the relay held no list for the contact. (No row at all:
  // an UNINSTALL in another process removed it between the two statements; likewise no list.)
  const before = new Map(
    rows
      .filter((r) => r.tags !== null && r.tags !== undefined)
      .map((r) => [`${r.scope_id}\u0000${r.contact_id}`, tagList(typeof r.tags === 'string' ? JSON.parse(r.tags) : r.tags) ?? []]),
  );
  const extras = tracked.map(({ e, contact, tags }) => {
    const previous = before.get(`${e.scope}\u0000${contact}`);
    if (!previous) return JSON.stringify(firstSeenChange(tags));
    return JSON.stringify({ tagsAdded: tagsNotIn(tags, previous), tagsRemoved: tagsNotIn(previous, tags) });
  });
  await sql.query(
    `WITH t AS (
       UPDATE relay.contact_tags t SET tags = v.tags, updated_at = now()
         FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS v(s, c, tags) WHERE t.scope_id = v.s AND t.contact_id = v.c)
     UPDATE relay.event e SET relay_extra = x.extra FROM unnest($4::text[], $5::jsonb[]) AS x(k, extra) WHERE e.event_key = x.k`,
    [
      tracked.map((t) => t.e.scope),
      tracked.map((t) => t.contact),
      tracked.map((t) => JSON.stringify(t.tags)),
      tracked.map((t) => t.e.eventKey),
      extras,
    ],
  );
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

/** pg-boss's schema (the default; server.ts constructs PgBoss with it). */
export const BOSS_SCHEMA = 'pgboss';

/**
 * SQL twin of `filtersMatch`, over `u.f` (the event's `filterView`): every filter key must equal the payload's
 * top-level field, or be one of a list, or be contained in the field's list. Objects never match (as in JS,
 * where `===` compares them by identity).
 */
export const FILTERS_MATCH_SQL = `(sub.filters IS NULL OR jsonb_typeof(sub.filters) <> 'object' OR NOT EXISTS (
     SELECT 1 FROM jsonb_each(sub.filters) AS c(key, want)
      WHERE NOT EXISTS (
        SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.want) = 'array' THEN c.want ELSE jsonb_build_array(c.want) END) AS w(v)
         WHERE jsonb_typeof(w.v) NOT IN ('object', 'array')
           AND (u.f -> c.key = w.v OR (jsonb_typeof(u.f -> c.key) = 'array' AND u.f -> c.key @> jsonb_build_array(w.v))))))`;

const UNSTORABLE = /[\0\p{Cs}]/u;

/**
 * What of a payload filters can match, as JSON text for a `jsonb` parameter: its top-level scalars, and lists of
 * scalars (objects can never equal a filter value). Strings holding U+0000 or a lone surrogate are left out:
 * PostgreSQL's jsonb rejects them (one such event would fail its whole group), and a filter value, stored as jsonb,
 * cannot hold one, so they could not match anyway.
 */
export function filterView(body: Record<string, unknown>): string {
  const text = (v: string) => !UNSTORABLE.test(v);
  const scalar = (v: unknown) =>
    v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && text(v));
  const view: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (!text(k)) continue;
    if (scalar(v)) view[k] = v;
    else if (Array.isArray(v)) view[k] = v.filter(scalar);
  }
  return JSON.stringify(view);
}

/**
 * The delivery job id of (event, subscription), as `storeEvents` computes it in SQL: SHA-256 of
 * `<eventKey>|<subscriptionId>`, first 16 bytes, as an RFC 9562 version-8 UUID. Deterministic, so an event is
 * never queued twice for one subscription.
 */
export function deliveryJobId(eventKey: string, subscriptionId: string): string {
  const h = crypto.createHash('sha256').update(`${eventKey}|${subscriptionId}`, 'utf8').digest().subarray(0, 16);
  h[6] = (h[6] & 0x0f) | 0x80;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** SQL twin of `deliveryJobId` over two text expressions. */
export const jobIdSql = (eventKey: string, subscriptionId: string) =>
  `(SELECT encode(set_byte(set_byte(substr(h, 1, 16), 6, (get_byte(h, 6) & 15) | 128), 8, (get_byte(h, 8) & 63) | 128), 'hex')::uuid
      FROM (SELECT sha256(convert_to(${eventKey} || '|' || ${subscriptionId}, 'UTF8')) AS h) AS x)`;

/**
 * The group commit's one statement: stores the events (dedupe on `event_key`), matches each new event against its
 * scope's active subscriptions (type and filters), and writes one `relay.delivery` row and one pg-boss job per match
 * (pg-boss's own insert statement, the one `boss.insert()` runs, fed from the matches instead of a parameter);
 * INSTALL/UNINSTALL resume/suspend their scope's subscriptions. Parameters: $1 event keys, $2 webhook ids, $3 types,
 * $4 scopes, $5 raw bodies (base64), $6 filter views (jsonb). Returns each new event's key and match count.
 * Matches are decided from the input, not from the inserted rows (a statement's CTEs do not see each other's
 * writes); a batch holds one event per scope, so INSTALL/UNINSTALL never change another event's match.
 */
function storeSql(bossInsert: string): string {
  return `WITH u AS (
    SELECT DISTINCT ON (k) k, w, t, s, b, f
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[]) AS u(k, w, t, s, b, f)
     ORDER BY k),
  m AS (
    SELECT u.k, u.s, u.t, sub.id AS sub
      FROM u JOIN relay.subscription sub ON sub.scope_id = u.s AND sub.status = 'active' AND u.t = ANY (sub.events)
     WHERE u.t NOT IN ('INSTALL', 'UNINSTALL') AND ${FILTERS_MATCH_SQL}),
  ins AS (
    INSERT INTO relay.event (event_key, webhook_id, type, scope_id, body, matched)
    SELECT u.k, u.w, u.t, u.s, decode(u.b, 'base64'), (SELECT count(*) FROM m WHERE m.k = u.k) FROM u ORDER BY u.k
    ON CONFLICT (event_key) DO NOTHING
    RETURNING event_key, scope_id, type, matched),
  fresh AS (
    SELECT m.k, m.s, m.t, m.sub, ${jobIdSql('m.k', 'm.sub::text')} AS job_id FROM m JOIN ins ON ins.event_key = m.k),
  d AS (
    INSERT INTO relay.delivery (job_id, event_key, subscription_id, scope_id, type)
    SELECT job_id, k, sub, s, t FROM fresh ON CONFLICT DO NOTHING),
  st AS (
    UPDATE relay.subscription sub SET status = CASE ins.type WHEN 'INSTALL' THEN 'active' ELSE 'suspended' END
      FROM ins WHERE ins.type IN ('INSTALL', 'UNINSTALL') AND sub.scope_id = ins.scope_id),
  q AS (${bossInsert})
  SELECT event_key, matched FROM ins`;
}

/**
 * pg-boss's batch insert for the delivery queue (plans.insertJobs: what `boss.insert()` runs, one statement reading a
 * JSON array of jobs from $1), with $1 replaced by the JSON of the `fresh` matches, so the jobs are queued in the
 * statement that stores their events. pg-boss is pinned to one version; should another one build that statement
 * differently (or the queue have `notify`), the relay refuses to start, saying why, rather than queue wrongly.
 */
function embeddedBossInsert(table: string | undefined, notify: boolean): string {
  // pg-boss exports no statement builders; its package has no "exports" map, so the module is reachable by path.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const plans = require('pg-boss/dist/plans.js') as { insertJobs(schema: string, o: object): string };
  const sql = table ? plans.insertJobs(BOSS_SCHEMA, { table, name: DELIVER_QUEUE, returnId: false, notify: false }) : '';
  const token = '$1::text::json';
  if (notify || !/^\s*INSERT INTO /.test(sql) || sql.split(token).length !== 2 || /\$[0-9]|RETURNING/.test(sql.replace(token, '')))
    throw new Error(
      `pg-boss's job insert for queue ${DELIVER_QUEUE} is not the plain INSERT relay/src/ingest.ts embeds (another pg-boss version, or notify on)`,
    );
  const jobs = `(SELECT coalesce(json_agg(json_build_object('id', job_id, 'data', json_build_object('eventKey', k, 'subscriptionId', sub),
                   'singletonKey', sub)), '[]'::json) FROM fresh)::text::json`;
  return sql.replace(token, jobs);
}

/** The prepared statement's name (one text per process: the queue's table does not change while it runs). */
const STORE_STATEMENT = 'relay_store_events';

const tagWorkFor = (e: IncomingEvent) =>
  Boolean(e.scope) &&
  (e.type === 'UNINSTALL' ||
    (typeof e.body.id === 'string' &&
      (e.type === 'ContactDelete' || (CONTACT_TAG_EVENTS.has(e.type) && tagList(e.body.tags) !== undefined))));

/**
 * Returns the function that durably stores a group of verified webhooks and queues their deliveries, atomically:
 * the event rows (dedupe on `eventKey`), one `relay.delivery` row and one pg-boss job per matching active
 * subscription (job id = `deliveryJobId(eventKey, subscriptionId)`, singletonKey = subscription id so the queue's
 * key_strict_fifo policy keeps each subscription's deliveries in arrival order). INSTALL/UNINSTALL resume/suspend the
 * scope's subscriptions. A batch holds at most one event per routing scope (see IngestBatcher), so pg-boss's
 * created_on ties never reorder a subscription's events.
 * Round trips per group: one statement (committed on its own) when no event carries contact tags and none is an
 * UNINSTALL (which also forgets its scope's contact tag lists); else a transaction of that statement,
 * trackContactTags's three, and one DELETE when there are UNINSTALLs. Each round trip to PostgreSQL costs the relay a
 * socket write and a wake-up, which bounded ingest (README, relay benchmark). The returned function throws when the
 * database cannot store (the caller answers 429 + Retry-After).
 */
export async function eventStore(db: Db, boss: PgBoss): Promise<(events: IncomingEvent[]) => Promise<StoreResult[]>> {
  const queue = (await boss.getQueue(DELIVER_QUEUE)) as { table?: string; notify?: boolean } | null;
  const text = storeSql(embeddedBossInsert(queue?.table, Boolean(queue?.notify)));
  return async (events) => {
    const params = [
      events.map((e) => e.eventKey),
      events.map((e) => e.webhookId),
      events.map((e) => e.type),
      events.map((e) => e.scope),
      events.map((e) => e.raw.toString('base64')),
      events.map((e) => (e.scope ? filterView(e.body) : null)),
    ];
    const results = (rows: { event_key: string; matched: number }[]): StoreResult[] => {
      const fresh = new Map(rows.map((r) => [r.event_key, Number(r.matched)]));
      return events.map((e) => {
        const n = fresh.get(e.eventKey);
        fresh.delete(e.eventKey); // a key repeated inside the batch counts once
        return { duplicate: n === undefined, deliveries: n ?? 0 };
      });
    };
    if (!events.some(tagWorkFor)) return results((await db.query(text, params, STORE_STATEMENT)).rows);
    return db.tx(async (sql) => {
      const out = results((await sql.query(text, params, STORE_STATEMENT)).rows);
      const fresh = events.filter((e, i) => !out[i].duplicate && tagWorkFor(e));
      const tagged = fresh.filter((e) => e.type !== 'UNINSTALL');
      if (tagged.length) await trackContactTags(sql, tagged);
      // An uninstalled scope sends no more contact events: its tag memory is stale personal data; after a reinstall
      // its contacts are new to the relay again (firstSeenChange). A batch holds one event per scope: no tag event of those scopes is in it.
      const uninstalled = fresh.filter((e) => e.type === 'UNINSTALL').map((e) => e.scope);
      if (uninstalled.length) await sql.query(`DELETE FROM relay.contact_tags WHERE scope_id = ANY($1::text[])`, [uninstalled]);
      return out;
    });
  };
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
