import * as http from 'http';
import * as https from 'https';
import type { PgBoss } from 'pg-boss' with { 'resolution-mode': 'import' };
import type { RelayConfig } from './config';
import type { Db } from './db';
import { decrypt } from './crypto';
import { DEAD_QUEUE, DELIVER_QUEUE } from './ingest';

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

interface JobLike {
  id: string;
  retryCount: number;
  data: { eventKey: string; subscriptionId: string };
}

/** Seconds from a `Retry-After` header (delta-seconds or HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/**
 * Starts this process's delivery workers. Each job POSTs the stored HighLevel payload plus
 * `_relay: {webhookId, receivedAt, attempt}` (plus `tagsAdded`/`tagsRemoved` for contact events) to the subscription's hook URL:
 * 2xx → delivered; 410 → the subscription is deleted (Zapier: the zap is off); 429 → retried after `Retry-After`;
 * 5xx, timeout, network error → retried with pg-boss's exponential backoff with jitter, and after
 * `maxAttempts` copied to the dead-letter queue; other 4xx → dead letter at once.
 * The relay counts attempts itself and settles every job (a pg-boss "failed" job would block its key for good
 * under key_strict_fifo), so pg-boss's retry limit is only a ceiling.
 */
const waiting = new Set<() => void>();
const FETCH_GAP_MS = 25;

/** Wakes this process's idle workers (called after this process queued deliveries; others find them by polling). */
export function wakeWorkers(): void {
  for (const wake of waiting) wake();
  waiting.clear();
}

/**
 * Starts this process's deliveries: at most `cfg.workers` in flight at once. One dispatcher claims due jobs for all
 * free slots in a single pg-boss fetch (its key_strict_fifo fetch reads every pending job's key to find the heads, so
 * its cost grows with the backlog: one fetch per free batch of slots, not one per delivery, is what keeps a backlog
 * draining at HTTP speed). Each delivery settles on its own as soon as it ends and frees its slot at once, so a slow
 * hook only ever holds its own slot; a settled job lets its subscription's next job be claimed by the next fetch.
 * The dispatcher sleeps when nothing is due until woken (this process queued deliveries, or a slot freed) or
 * `pollSeconds` passes (another process queued them). Returns a function that stops after the jobs in flight.
 */
export function startWorkers(db: Db, boss: PgBoss, cfg: RelayConfig, key: Buffer, log: Logger): () => Promise<void> {
  let stopped = false;
  const inFlight = new Set<Promise<void>>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        waiting.delete(done);
        resolve();
      }
      waiting.add(done);
    });
  const settler = new DeliveredBatch(db, boss);
  const run = async (job: JobLike, row: Promise<Map<string, DeliveryRow>>) => {
    try {
      const delivered = await deliverOne(db, boss, cfg, key, log, job, (await row).get(job.id));
      if (delivered) await settler.add(job, delivered);
      else await boss.complete(DELIVER_QUEUE, { id: job.id, retryCount: job.retryCount });
    } catch (error) {
      // The database failed mid-way: leave the job to pg-boss's retry (nothing was marked delivered).
      log.error({ job: job.id, error: (error as Error).message }, 'delivery bookkeeping failed');
      await boss.fail(DELIVER_QUEUE, { id: job.id, retryCount: job.retryCount }, { error: 'bookkeeping failed' }).catch(() => undefined);
    }
  };
  const dispatch = async () => {
    // A settle since the last fetch may have unblocked a subscription's next job: fetch again before sleeping.
    let settledSinceFetch = false;
    let lastFetch = 0;
    while (!stopped) {
      const room = cfg.workers - inFlight.size;
      if (room <= 0) {
        await Promise.race(inFlight);
        continue;
      }
      // Claims at most every FETCH_GAP_MS: each key_strict_fifo fetch reads the whole backlog's keys, and fetching
      // after every settled group would spend the database's CPU (and ingest's) on that scan.
      const gap = lastFetch + FETCH_GAP_MS - Date.now();
      if (gap > 0) await new Promise((r) => setTimeout(r, gap));
      lastFetch = Date.now();
      settledSinceFetch = false;
      let jobs: JobLike[] = [];
      try {
        jobs = ((await boss.fetch(DELIVER_QUEUE, { batchSize: room, includeMetadata: true })) ?? []) as unknown as JobLike[];
      } catch (error) {
        log.error({ error: (error as Error).message }, 'fetching deliveries failed');
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      // One query reads every claimed job's delivery row, event and subscription.
      const rows = jobs.length
        ? loadRows(
            db,
            jobs.map((j) => j.id),
          )
        : Promise.resolve(new Map<string, DeliveryRow>());
      rows.catch(() => undefined); // each job's run reports it
      for (const job of jobs) {
        const p: Promise<void> = run(job, rows).finally(() => {
          inFlight.delete(p);
          settledSinceFetch = true;
          wakeWorkers();
        });
        inFlight.add(p);
      }
      if (!jobs.length && !settledSinceFetch) await sleep(cfg.pollSeconds * 1000);
    }
    await Promise.allSettled([...inFlight]);
  };
  const dispatcher = cfg.workers > 0 ? dispatch() : Promise.resolve();
  return async () => {
    stopped = true;
    wakeWorkers();
    await dispatcher;
  };
}

interface DeliveryRow {
  job_id: string;
  state: string;
  attempts: number;
  body: Uint8Array | null;
  webhook_id: string | null;
  received_at: Date | null;
  relay_extra: unknown;
  target_enc: Uint8Array | null;
  status: string | null;
}

/** The delivery rows (with event body and encrypted target) of the claimed jobs, by job id: one query per fetch. */
async function loadRows(db: Db, jobIds: string[]): Promise<Map<string, DeliveryRow>> {
  const { rows } = await db.query<DeliveryRow>(
    `SELECT d.job_id, d.state, d.attempts, e.body, e.webhook_id, e.received_at, e.relay_extra, s.target_enc, s.status
       FROM relay.delivery d
       LEFT JOIN relay.event e ON e.event_key = d.event_key
       LEFT JOIN relay.subscription s ON s.id = d.subscription_id
      WHERE d.job_id = ANY($1::uuid[])`,
    [jobIds],
    'relay_load_deliveries',
  );
  return new Map(rows.map((r) => [String(r.job_id), r]));
}

interface Delivered {
  attempt: number;
  status: number;
  result: string;
}

/**
 * Settles successful deliveries in groups: the jobs that end while one group is being written are recorded together
 * (one UPDATE for their delivery rows and subscriptions, then one pg-boss complete), instead of two round trips each.
 * The delivery row is marked `delivered` before the job completes, as for a single job, so a job claimed again
 * (its process died in between) finds it settled and is never delivered twice.
 */
class DeliveredBatch {
  private queue: { job: JobLike; d: Delivered; resolve(): void; reject(e: unknown): void }[] = [];
  private running = false;

  constructor(
    private db: Db,
    private boss: PgBoss,
  ) {}

  add(job: JobLike, d: Delivered): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, d, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || !this.queue.length) return;
    const batch = this.queue.splice(0, 500);
    this.running = true;
    this.write(batch.map((b) => ({ job: b.job, d: b.d })))
      .then(
        () => batch.forEach((b) => b.resolve()),
        (error) => batch.forEach((b) => b.reject(error)),
      )
      .finally(() => {
        this.running = false;
        this.pump();
      });
  }

  private async write(batch: { job: JobLike; d: Delivered }[]): Promise<void> {
    // One subscription has at most one job in flight (key_strict_fifo), so its last result is its only one here.
    const lastBySub = new Map(batch.map((b) => [b.job.data.subscriptionId, `delivered (${b.d.result})`]));
    // Latency: from the moment the event was stored to the hook's 2xx, both on the database clock.
    await this.db.query(
      `WITH d AS (
         UPDATE relay.delivery d SET state = 'delivered', attempts = v.attempts, last_status = v.status, last_error = NULL,
                updated_at = now(),
                latency_ms = (SELECT (extract(epoch FROM (clock_timestamp() - e.received_at)) * 1000)::int
                                FROM relay.event e WHERE e.event_key = d.event_key)
           FROM unnest($1::uuid[], $2::int[], $3::int[]) AS v(job_id, attempts, status)
          WHERE d.job_id = v.job_id)
       UPDATE relay.subscription s SET last_delivery_at = now(), last_result = r.result
         FROM unnest($4::uuid[], $5::text[]) AS r(id, result) WHERE s.id = r.id`,
      [
        batch.map((b) => b.job.id),
        batch.map((b) => b.d.attempt),
        batch.map((b) => b.d.status),
        [...lastBySub.keys()],
        [...lastBySub.values()],
      ],
      'relay_settle_delivered',
    );
    await this.boss.complete(
      DELIVER_QUEUE,
      batch.map((b) => ({ id: b.job.id, retryCount: b.job.retryCount })),
    );
  }
}

/**
 * Delivers one claimed job whose row `loadRows` read. Returns what to record when the hook answered 2xx (the caller
 * settles it with others); every other outcome is recorded here, and the caller completes the job.
 */
async function deliverOne(
  db: Db,
  boss: PgBoss,
  cfg: RelayConfig,
  key: Buffer,
  log: Logger,
  job: JobLike,
  row: DeliveryRow | undefined,
): Promise<Delivered | undefined> {
  if (!row || ['delivered', 'dead', 'gone', 'dropped'].includes(row.state)) return; // already settled: never twice
  const subId = job.data.subscriptionId;
  if (!row.target_enc || row.status !== 'active' || !row.body) {
    const why = !row.target_enc ? 'subscription deleted' : row.status !== 'active' ? `subscription ${row.status}` : 'event expired';
    await settle(db, job.id, 'dropped', row.attempts, null, why);
    return;
  }
  const attempt = row.attempts + 1;
  const payload = JSON.parse(Buffer.from(row.body).toString('utf8'));
  const body = JSON.stringify({
    ...payload,
    _relay: {
      webhookId: row.webhook_id ?? job.data.eventKey,
      receivedAt: new Date(row.received_at!).toISOString(),
      attempt,
      // Derived at ingest (ingest.ts trackContactTags): the tags this contact event added and removed.
      ...(typeof row.relay_extra === 'string' ? JSON.parse(row.relay_extra) : ((row.relay_extra as object | null) ?? {})),
    },
  });
  let status: number | null = null;
  let error: string | null = null;
  let wait: number | undefined;
  try {
    const res = await postJson(decrypt(key, Buffer.from(row.target_enc)), body, cfg.deliveryTimeoutMs);
    status = res.status;
    wait = retryAfterSeconds(res.retryAfter);
  } catch (e) {
    error = (e as Error)?.name === 'TimeoutError' ? 'timeout' : 'network error';
  }
  const result = status !== null ? `HTTP ${status}` : error!;
  if (status !== null && status >= 200 && status < 300) return { attempt, status, result };
  if (status === 410) {
    await db.tx(async (sql) => {
      await sql.query(`UPDATE relay.delivery SET state = 'gone', attempts = $2, last_status = 410, updated_at = now() WHERE job_id = $1`, [
        job.id,
        attempt,
      ]);
      await sql.query(`DELETE FROM relay.subscription WHERE id = $1`, [subId]);
    });
    log.info({ subscription: subId }, 'hook answered 410: subscription deleted');
    return;
  }
  const retryable = error !== null || status === 429 || (status !== null && status >= 500);
  if (!retryable || attempt >= cfg.maxAttempts) {
    await settle(db, job.id, 'dead', attempt, status, error ?? `HTTP ${status}`, subId, `dead letter (${result})`);
    await boss.send(DEAD_QUEUE, job.data, { id: job.id });
    log.warn({ subscription: subId, job: job.id, result, attempt }, 'delivery dead-lettered');
    return;
  }
  await settle(db, job.id, 'retrying', attempt, status, error ?? `HTTP ${status}`, subId, `retrying (${result})`);
  await boss.fail(DELIVER_QUEUE, { id: job.id, retryCount: job.retryCount }, { result });
  if (status === 429 && wait !== undefined) {
    // Zapier throttles hooks: come back no sooner than it asked (capped at the backoff ceiling).
    const seconds = Math.min(wait, cfg.retryDelayMaxSeconds || wait);
    await boss.update(DELIVER_QUEUE, undefined, { id: job.id, startAfter: new Date(Date.now() + seconds * 1000) });
  }
}

const agents = {
  'http:': new http.Agent({ keepAlive: true, scheduling: 'lifo' }),
  'https:': new https.Agent({ keepAlive: true, scheduling: 'lifo' }),
};

/**
 * POSTs `body` (JSON) to a hook and reads the answer's status and `Retry-After`, discarding its body; redirects are
 * not followed. Rejects with a `TimeoutError` when the whole exchange takes over `timeoutMs`, else with the network
 * error. Node's http client over keep-alive agents: per delivery it costs the relay a fraction of what `fetch` does
 * (WHATWG streams, AbortSignal, Response objects), and deliveries share the CPU with ingest (README, benchmark).
 */
export function postJson(url: string, body: string, timeoutMs: number): Promise<{ status: number; retryAfter: string | null }> {
  return new Promise((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch (e) {
      return reject(e);
    }
    const agent = agents[target.protocol as keyof typeof agents];
    if (!agent) return reject(new Error(`unsupported protocol ${target.protocol}`));
    const client = target.protocol === 'https:' ? https : http;
    const req = client.request(target, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'user-agent': 'ghl-zapier-relay/1', 'content-length': Buffer.byteLength(body) },
    });
    const timeout = () => Object.assign(new Error('hook timed out'), { name: 'TimeoutError' });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy(timeout());
    }, timeoutMs);
    const fail = (e: Error) => {
      clearTimeout(timer);
      reject(timedOut ? timeout() : e); // settles once: later calls are no-ops
    };
    req.on('error', fail);
    req.on('response', (res) => {
      res.on('error', fail);
      res.on('close', () => !res.complete && fail(new Error('hook closed the connection mid-answer')));
      res.on('end', () => {
        clearTimeout(timer);
        const ra = res.headers['retry-after'];
        resolve({ status: res.statusCode ?? 0, retryAfter: (Array.isArray(ra) ? ra[0] : ra) ?? null });
      });
      res.resume();
    });
    req.end(body);
  });
}

/** Records a delivery's outcome and, when `subId` is given, the subscription's last result — one round trip. */
async function settle(
  db: Db,
  jobId: string,
  state: string,
  attempts: number,
  status: number | null,
  error: string | null,
  subId: string | null = null,
  result: string | null = null,
): Promise<void> {
  // Latency: from the moment the event was stored to the hook's 2xx, both on the database clock.
  await db.query(
    `WITH d AS (
       UPDATE relay.delivery d SET state = $2, attempts = $3, last_status = $4, last_error = $5, updated_at = now(),
              latency_ms = CASE WHEN $2 = 'delivered' THEN (SELECT (extract(epoch FROM (clock_timestamp() - e.received_at)) * 1000)::int
                                                           FROM relay.event e WHERE e.event_key = d.event_key) END
        WHERE d.job_id = $1)
     UPDATE relay.subscription SET last_delivery_at = now(), last_result = $7 WHERE $6::uuid IS NOT NULL AND id = $6::uuid`,
    [jobId, state, attempts, status, error, subId, result],
  );
}
