import * as fs from 'fs';
import * as path from 'path';
/** pg-boss's database adapter shape (its IDatabase), structurally. */
export interface IDatabase {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

/**
 * The one query surface the relay uses; `query` runs a single parameterised statement. `name` (PostgreSQL only)
 * makes it a prepared statement on each connection: parsed and planned once there, for hot statements whose
 * planning costs more than their execution.
 */
export interface Sql {
  query<T = any>(text: string, params?: unknown[], name?: string): Promise<{ rows: T[] }>;
}

export interface Db extends Sql {
  kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction (commit on success, rollback on throw). */
  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** The adapter pg-boss uses for this database (undefined: pg-boss opens its own pool from the URL). */
  bossDb?: IDatabase;
  /** Tests only: make every relay query fail as if the server were gone. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

class DatabaseDown extends Error {
  code = 'ECONNREFUSED';
  constructor() {
    super('database unavailable');
  }
}

/** Opens PostgreSQL (`url`) or an embedded PGlite persisted to `dataDir`. */
export async function openDb(url: string | undefined, dataDir: string): Promise<Db> {
  let down = false;
  const guard = () => {
    if (down) throw new DatabaseDown();
  };
  if (url) {
    const { Pool } = await import('pg');
    const pool = new Pool({ connectionString: url, max: 24, connectionTimeoutMillis: 5000 });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    return {
      kind: 'postgres',
      async query(text, params, name) {
        guard();
        return pool.query(name ? { name, text, values: params as any[] } : { text, values: params as any[] }) as any;
      },
      async tx(fn) {
        guard();
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn({
            query: (t, p, name) => client.query(name ? { name, text: t, values: p as any[] } : { text: t, values: p as any[] }) as any,
          });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
      setDown(v) {
        down = v;
      },
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { fromPglite } = requirePgBoss();
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  const pglite = new PGlite(dataDir.startsWith('memory://') ? undefined : path.resolve(dataDir, 'pgdata'));
  await pglite.waitReady;
  return {
    kind: 'pglite',
    async query(text, params) {
      guard();
      return pglite.query(text, params as any[]) as any;
    },
    async tx(fn) {
      guard();
      return pglite.transaction((t) => fn({ query: (q, p) => t.query(q, p as any[]) as any }));
    },
    bossDb: fromPglite(pglite),
    setDown(v) {
      down = v;
    },
    close: () => pglite.close(),
  };
}

type PgBossModule = typeof import('pg-boss', { with: { 'resolution-mode': 'import' } });

/**
 * pg-boss 12 is an ES module; the project compiles to CommonJS, and Node ≥ 22.12 can `require()` ES modules
 * (which is why the relay needs Node 22 and cannot be loaded inside jest's module system: tests run it as a process).
 */
export function requirePgBoss(): PgBossModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('pg-boss');
}
