import type { Db } from './db';

/**
 * The relay's own tables (pg-boss keeps its jobs in schema `pgboss`). Idempotent; several processes may start
 * at once, so creation runs under a transaction-scoped advisory lock.
 * - subscription: one per Zapier hook (target_url_enc: AES-GCM; target_hash: keyed hash for lookups).
 * - event: each accepted HighLevel webhook, keyed by `wh:<webhookId>` or `sha256:<raw body hash>` (the dedupe key);
 *   the body is personal data and is deleted after the retention period.
 * - delivery: one row per (event, subscription) = one pg-boss job (same id); feeds the status page.
 * - rejection: the last rejected signatures (reason only, never the body).
 * - contact_tags: the last tag list seen per contact (HighLevel's contact events carry the whole list, not what
 *   changed): each contact event's added/removed tags are derived against it, durably, and kept with the event
 *   (`event.relay_extra`) for its deliveries (`_relay.tagsAdded`/`tagsRemoved`). Rows go with ContactDelete and with their scope's
 *   UNINSTALL; not by age (server.ts purge says why).
 */
export const SCHEMA_SQL = [
  `CREATE SCHEMA IF NOT EXISTS relay`,
  `CREATE TABLE IF NOT EXISTS relay.subscription (
     id uuid PRIMARY KEY,
     scope_id text NOT NULL,
     events text[] NOT NULL,
     trigger_key text NOT NULL,
     filters jsonb,
     target_enc bytea NOT NULL,
     target_hash text NOT NULL UNIQUE,
     secret_hash text NOT NULL,
     status text NOT NULL DEFAULT 'active',
     created_at timestamptz NOT NULL DEFAULT now(),
     last_delivery_at timestamptz,
     last_result text)`,
  `CREATE INDEX IF NOT EXISTS subscription_scope ON relay.subscription (scope_id, status)`,
  `CREATE TABLE IF NOT EXISTS relay.event (
     event_key text PRIMARY KEY,
     webhook_id text,
     type text NOT NULL,
     scope_id text,
     received_at timestamptz NOT NULL DEFAULT now(),
     body bytea,
     matched int NOT NULL DEFAULT 0)`,
  `CREATE INDEX IF NOT EXISTS event_received ON relay.event (received_at)`,
  `CREATE TABLE IF NOT EXISTS relay.delivery (
     job_id uuid PRIMARY KEY,
     event_key text NOT NULL,
     subscription_id uuid NOT NULL,
     scope_id text,
     type text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     state text NOT NULL DEFAULT 'pending',
     attempts int NOT NULL DEFAULT 0,
     last_status int,
     last_error text,
     updated_at timestamptz,
     latency_ms int)`,
  `CREATE INDEX IF NOT EXISTS delivery_subscription ON relay.delivery (subscription_id, created_at)`,
  `CREATE INDEX IF NOT EXISTS delivery_created ON relay.delivery (created_at)`,
  `ALTER TABLE relay.event ADD COLUMN IF NOT EXISTS relay_extra jsonb`,
  `CREATE TABLE IF NOT EXISTS relay.contact_tags (
     scope_id text NOT NULL,
     contact_id text NOT NULL,
     tags jsonb,
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (scope_id, contact_id))`,
  `CREATE TABLE IF NOT EXISTS relay.rejection (
     id bigserial PRIMARY KEY,
     at timestamptz NOT NULL DEFAULT now(),
     reason text NOT NULL)`,
];

export async function migrate(db: Db): Promise<void> {
  await db.tx(async (sql) => {
    await sql.query(`SELECT pg_advisory_xact_lock(727274001)`);
    for (const statement of SCHEMA_SQL) await sql.query(statement);
  });
}
