import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { FastifyInstance } from 'fastify';
import type { RelayConfig } from './config';
import { openDb, requirePgBoss, Db } from './db';
import { migrate } from './schema';
import { buildApp } from './app';
import { startWorkers } from './deliver';
import { DEAD_QUEUE, DELIVER_QUEUE } from './ingest';

export interface RunningRelay {
  app: FastifyInstance;
  db: Db;
  url: string;
  close(): Promise<void>;
}

/** The key for hook URLs at rest: RELAY_ENCRYPTION_KEY, or (PGlite only) one generated once into the data folder. */
function encryptionKey(cfg: RelayConfig): Buffer {
  if (cfg.encryptionKey) return cfg.encryptionKey;
  if (cfg.databaseUrl) throw new Error('RELAY_ENCRYPTION_KEY is required with DATABASE_URL (32 bytes: openssl rand -base64 32)');
  if (cfg.dataDir.startsWith('memory://')) return crypto.randomBytes(32);
  const file = path.resolve(cfg.dataDir, 'encryption.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
}

/**
 * Opens the store (PostgreSQL or PGlite), migrates, starts pg-boss and this process's delivery workers, and
 * listens. Every piece of state lives in the database, so any number of these may share one PostgreSQL.
 */
export async function startRelay(cfg: RelayConfig): Promise<RunningRelay> {
  const key = encryptionKey(cfg);
  const db = await openDb(cfg.databaseUrl, cfg.dataDir);
  await migrate(db);
  const { PgBoss } = requirePgBoss();
  const boss = new PgBoss(
    db.bossDb ? { backend: 'pglite', db: db.bossDb, schedule: false } : { connectionString: cfg.databaseUrl, max: 12, schedule: false },
  );
  boss.on('error', (error: Error) => app?.log.error({ error: error.message }, 'pg-boss error'));
  await boss.start();
  const queue = {
    // The relay settles every job itself (see deliver.ts); this limit only guards against a loop.
    retryLimit: 10_000,
    retryDelay: cfg.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: cfg.retryDelayMaxSeconds || undefined,
    expireInSeconds: Math.ceil(cfg.deliveryTimeoutMs / 1000) + 30,
    deleteAfterSeconds: Math.max(1, Math.round(cfg.retentionDays * 86400)),
    retentionSeconds: Math.max(1, Math.round(cfg.retentionDays * 86400)),
  };
  if (!(await boss.getQueue(DELIVER_QUEUE))) {
    await boss.createQueue(DELIVER_QUEUE, { ...queue, policy: 'key_strict_fifo' }).catch(async (e: Error) => {
      if (!(await boss.getQueue(DELIVER_QUEUE))) throw e; // another process created it first
    });
  }
  if (!(await boss.getQueue(DEAD_QUEUE))) {
    await boss
      .createQueue(DEAD_QUEUE, { deleteAfterSeconds: queue.deleteAfterSeconds, retentionSeconds: queue.retentionSeconds })
      .catch(async (e: Error) => {
        if (!(await boss.getQueue(DEAD_QUEUE))) throw e;
      });
  }
  let app: FastifyInstance | undefined;
  app = await buildApp(db, boss, cfg, key);
  const stopWorkers = cfg.workers > 0 ? startWorkers(db, boss, cfg, key, app.log) : async () => undefined;

  // Event bodies hold personal data: delete them (and their delivery rows) after the retention period. Contacts' tag
  // lists are not purged by age: each mirrors a contact's current tags (bounded by the contacts, not by time; gone with
  // ContactDelete and the location's UNINSTALL), and a forgotten list would count all of a dormant contact's tags as
  // added on its next event (ingest.ts firstSeenChange).
  const purge = async () => {
    const days = String(cfg.retentionDays);
    await db.query(`DELETE FROM relay.event WHERE received_at < now() - ($1 || ' days')::interval`, [days]).catch(() => undefined);
    await db.query(`DELETE FROM relay.delivery WHERE created_at < now() - ($1 || ' days')::interval`, [days]).catch(() => undefined);
    await db.query(`DELETE FROM relay.rejection WHERE at < now() - ($1 || ' days')::interval`, [days]).catch(() => undefined);
  };
  await purge();
  const timer = setInterval(purge, 3600_000);
  timer.unref();

  const url = await app.listen({ host: cfg.host, port: cfg.port });
  return {
    app,
    db,
    url,
    async close() {
      clearInterval(timer);
      await app!.close();
      await stopWorkers();
      await boss.stop({ graceful: true, timeout: 5000 } as any).catch(() => undefined);
      await db.close().catch(() => undefined);
    },
  };
}
