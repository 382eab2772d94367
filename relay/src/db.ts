import * as fs from 'fs';
import * as path from 'path';
/** pg-boss's database adapter shape (its IDatabase), structurally. */
export interface IDatabase {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

/** The one query surface the relay uses; `query` runs a single parameterised statement. */
export interface Sql {
  query<T = any>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
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
    const pool = new Pool({ connectionString: url, max: 16, connectionTimeoutMillis: 5000 });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    return {
      kind: 'postgres',
      async query(text, params) {
        guard();
        return pool.query(text, params as any[]) as any;
      },
      async tx(fn) {
        guard();
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn({ query: (t, p) => client.query(t, p as any[]) as any });
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
