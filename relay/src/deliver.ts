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

/** Wakes this process's idle workers (called after this process queued deliveries; others find them by polling). */
export function wakeWorkers(): void {
  for (const wake of waiting) wake();
  waiting.clear();
}

/**
 * Starts `cfg.workers` delivery loops. Each fetches one due job at a time and settles it as soon as its delivery ends,
 * then fetches again at once while work remains (so one subscription's backlog drains at HTTP speed, not at the
 * polling interval), and a slow hook only ever holds its own loop. Idle loops sleep until woken or `pollSeconds`.
 * Returns a function that stops the loops after their current job.
 */
export function startWorkers(db: Db, boss: PgBoss, cfg: RelayConfig, key: Buffer, log: Logger): () => Promise<void> {
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      let jobs: JobLike[] = [];
      try {
        jobs = ((await boss.fetch(DELIVER_QUEUE, { batchSize: 1, includeMetadata: true })) ?? []) as unknown as JobLike[];
      } catch (error) {
        log.error({ error: (error as Error).message }, 'fetching deliveries failed');
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      if (!jobs.length) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, cfg.pollSeconds * 1000);
          function done() {
            clearTimeout(timer);
            waiting.delete(done);
            resolve();
          }
          waiting.add(done);
        });
        continue;
      }
      for (const job of jobs) {
        try {
          await deliverOne(db, boss, cfg, key, log, job);
          await boss.complete(DELIVER_QUEUE, { id: job.id, retryCount: job.retryCount });
        } catch (error) {
          // The database failed mid-way: leave the job to pg-boss's retry (nothing was marked delivered).
          log.error({ job: job.id, error: (error as Error).message }, 'delivery bookkeeping failed');
          await boss
            .fail(DELIVER_QUEUE, { id: job.id, retryCount: job.retryCount }, { error: 'bookkeeping failed' })
            .catch(() => undefined);
        }
      }
    }
  };
  const loops = Array.from({ length: cfg.workers }, loop);
  return async () => {
    stopped = true;
    wakeWorkers();
    await Promise.allSettled(loops);
  };
}

async function deliverOne(db: Db, boss: PgBoss, cfg: RelayConfig, key: Buffer, log: Logger, job: JobLike): Promise<void> {
  const { rows } = await db.query<{
    state: string;
    attempts: number;
    body: Uint8Array | null;
    webhook_id: string | null;
    received_at: Date | null;
    relay_extra: unknown;
    target_enc: Uint8Array | null;
    status: string | null;
  }>(
    `SELECT d.state, d.attempts, e.body, e.webhook_id, e.received_at, e.relay_extra, s.target_enc, s.status
       FROM relay.delivery d
       LEFT JOIN relay.event e ON e.event_key = d.event_key
       LEFT JOIN relay.subscription s ON s.id = d.subscription_id
      WHERE d.job_id = $1`,
    [job.id],
  );
  const row = rows[0];
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
    const res = await fetch(decrypt(key, Buffer.from(row.target_enc)), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'ghl-zapier-relay/1' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(cfg.deliveryTimeoutMs),
    });
    status = res.status;
    wait = retryAfterSeconds(res.headers.get('retry-after'));
    await res.arrayBuffer().catch(() => undefined);
  } catch (e) {
    error = (e as Error)?.name === 'TimeoutError' ? 'timeout' : 'network error';
  }
  const result = status !== null ? `HTTP ${status}` : error!;
  if (status !== null && status >= 200 && status < 300) {
    await settle(db, job.id, 'delivered', attempt, status, null, subId, `delivered (${result})`);
    return;
  }
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
