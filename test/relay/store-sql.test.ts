/**
 * Ingest matches subscriptions and names delivery jobs in SQL (relay/src/ingest.ts storeSql). These check the SQL
 * against the JavaScript reference on both stores: filter matching against `filtersMatch` over random filters and
 * payloads, and job ids against `deliveryJobId`.
 */
import * as crypto from 'crypto';
import fc from 'fast-check';
import * as readline from 'readline';
import { spawn } from 'child_process';
import { Client } from 'pg';
import { FILTERS_MATCH_SQL, deliveryJobId, filterView, filtersMatch, jobIdSql } from '../../relay/src/ingest';
import { ROOT, pgUrl } from './harness';

jest.setTimeout(120_000);

type Query = (text: string, params: unknown[]) => Promise<{ rows: any[] }>;
interface Store {
  query: Query;
  close(): Promise<void>;
}

/** PGlite loads its WebAssembly with a dynamic import, which jest's module system refuses: it runs in a child process. */
const PGLITE_CHILD = `
const { PGlite } = require('@electric-sql/pglite');
const db = new PGlite();
let chain = Promise.resolve();
require('readline').createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, text, params } = JSON.parse(line);
  chain = chain.then(() => db.query(text, params)).then(
    (r) => process.stdout.write(JSON.stringify({ id, rows: r.rows }) + '\\n'),
    (e) => process.stdout.write(JSON.stringify({ id, error: e.message }) + '\\n'),
  );
});`;

async function pglite(): Promise<Store> {
  const child = spawn(process.execPath, ['-e', PGLITE_CHILD], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting = new Map<number, (r: { rows?: any[]; error?: string }) => void>();
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const r = JSON.parse(line);
    waiting.get(r.id)?.(r);
    waiting.delete(r.id);
  });
  let next = 0;
  return {
    query: (text, params) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        waiting.set(id, (r) => (r.error ? reject(new Error(r.error)) : resolve({ rows: r.rows! })));
        child.stdin!.write(JSON.stringify({ id, text, params }) + '\n');
      }),
    close: async () => {
      child.stdin!.end();
      await new Promise((r) => child.once('exit', r));
    },
  };
}

async function postgres(url: string): Promise<Store> {
  const c = new Client({ connectionString: url });
  await c.connect();
  return { query: (t, p) => c.query(t, p as any[]), close: () => c.end() };
}

const stores: [string, () => Promise<Store>][] = [['PGlite', pglite]];
const url = pgUrl();
if (url) stores.push(['PostgreSQL', () => postgres(url)]);

const key = fc.constantFrom('pipelineId', 'tags', 'status', 'n', 'é');
const scalar = fc.oneof(
  fc.constantFrom('p1', 'p2', 'VIP', 'vip', '', 'won'),
  fc.integer({ min: -2, max: 2 }),
  fc.constantFrom(1.5, -0, 1e21),
  fc.boolean(),
  fc.constant(null),
);
// Filters come from a subscribe request's JSON and are stored as jsonb: no U+0000, no lone surrogates.
const want = fc.oneof(
  scalar,
  fc.array(fc.oneof(scalar, fc.array(scalar, { maxLength: 1 })), { maxLength: 3 }),
  fc.dictionary(key, scalar, { maxKeys: 1 }),
);
const filters = fc.oneof(fc.constant(null), fc.dictionary(key, want, { maxKeys: 3 }));
// Payloads are any JSON: also strings jsonb cannot hold, which must neither match nor break the statement.
const value = fc.oneof(
  scalar,
  fc.constantFrom('nul\u0000byte', 'lone\ud800surrogate'),
  fc.array(fc.oneof(scalar, fc.constantFrom('nul\u0000byte', 'lone\udc00')), { maxLength: 4 }),
  fc.dictionary(key, scalar, { maxKeys: 2 }),
);
const body = fc.dictionary(fc.oneof(key, fc.constantFrom('k\u0000', 'type')), value, { maxKeys: 4 });

describe.each(stores)('ingest SQL on %s', (_name, open) => {
  let db: Store;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db?.close();
  });

  test('subscription filters match in SQL exactly as filtersMatch does', async () => {
    const sql = `SELECT ${FILTERS_MATCH_SQL} AS ok FROM (SELECT $1::jsonb AS filters) AS sub, (SELECT $2::jsonb AS f) AS u`;
    const match = async (f: unknown, b: Record<string, unknown>) =>
      (await db.query(sql, [f === null ? null : JSON.stringify(f), filterView(b)])).rows[0].ok === true;
    // Hand-picked cases first: one of a list, contained in a payload list, all keys, objects never.
    expect(await match({ pipelineId: ['p1', 'p2'] }, { pipelineId: 'p2' })).toBe(true);
    expect(await match({ tags: 'vip' }, { tags: ['a', 'vip'] })).toBe(true);
    expect(await match({ tags: 'vip', status: 'won' }, { tags: ['vip'], status: 'lost' })).toBe(false);
    expect(await match({ pipelineId: { a: 1 } }, { pipelineId: { a: 1 } })).toBe(false);
    expect(await match({ pipelineId: null }, {})).toBe(false);
    expect(await match({ pipelineId: 'p1' }, { pipelineId: 'p1', note: 'nul\u0000', x: 'lone\ud800' })).toBe(true);
    await fc.assert(
      fc.asyncProperty(filters, body, async (f, b) => {
        expect(await match(f, b)).toBe(filtersMatch(f, b));
      }),
      { numRuns: 300 },
    );
  });

  test('delivery job ids computed in SQL equal deliveryJobId', async () => {
    for (const eventKey of ['wh:abc', `sha256:${crypto.randomBytes(32).toString('hex')}`, 'wh:é-ü-😀']) {
      const sub = crypto.randomUUID();
      const { rows } = await db.query(`SELECT ${jobIdSql('$1::text', '$2::text')}::text AS id`, [eventKey, sub]);
      expect(rows[0].id).toBe(deliveryJobId(eventKey, sub));
      expect(rows[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
