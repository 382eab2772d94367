import * as fs from 'fs';
import * as path from 'path';
import { expand } from './compact';
import type { GenDetail, GenIndex } from './types';

// The generated API Request artifacts, read on first use (never when Zapier requires the app: the index is about
// 80 KB and all details about 0.57 MB of JSON). They live beside the sources in src/apiRequest/generated/ (tsc
// does not copy JSON it is not importing; .zapierapprc's includeInBuild puts them in build.zip).

/** One operation of the index. */
export interface IndexOperation {
  /** `<area>:<operationId>`, e.g. `invoices:list-invoices`. */
  key: string;
  area: string;
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path template exactly as in the spec, e.g. `/invoices/{invoiceId}`. */
  path: string;
  summary: string;
  /** The `Version` header value the spec declares. */
  version: string;
  /** The scopes of the operation's security block (any one of them grants it); empty when none is declared. */
  scopes: string[];
  agencyOnly: boolean;
  deprecated: boolean;
  multipart: boolean;
}

export interface ApiIndex {
  areas: Array<{ key: string; title: string }>;
  operations: IndexOperation[];
  byKey: Map<string, IndexOperation>;
}

let generatedDir: string | undefined;
/** Walks up from this file (src/ under ts-jest, dist/src/ when built) to the folder holding the artifacts. */
function artifactsDir(): string {
  if (generatedDir) return generatedDir;
  let dir = __dirname;
  for (;;) {
    for (const candidate of [path.join(dir, 'generated'), path.join(dir, 'src', 'apiRequest', 'generated')]) {
      if (fs.existsSync(path.join(candidate, 'index.json'))) return (generatedDir = candidate);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`API Request: generated index not found above ${__dirname} (run npm run api-request:generate)`);
    dir = parent;
  }
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(artifactsDir(), file), 'utf8'));

let index: ApiIndex | undefined;

/** The operation index, parsed on first call and kept for the life of the process. */
export function loadIndex(): ApiIndex {
  if (index) return index;
  const raw = readJson('index.json') as GenIndex;
  const operations = raw.ops.map(([key, method, p, summary, version, scopes, flags]): IndexOperation => {
    const colon = key.indexOf(':');
    return {
      key,
      area: key.slice(0, colon),
      operationId: key.slice(colon + 1),
      method: method as IndexOperation['method'],
      path: p,
      summary,
      version,
      scopes: scopes ? scopes.split(' ') : [],
      agencyOnly: flags.includes('a'),
      deprecated: flags.includes('d'),
      multipart: flags.includes('m'),
    };
  });
  index = {
    areas: raw.areas.map(([key, title]) => ({ key, title })),
    operations,
    byKey: new Map(operations.map((op) => [op.key, op])),
  };
  return index;
}

const details = new Map<string, Record<string, GenDetail>>();
const expanded = new WeakMap<GenDetail, GenDetail>();

/** An operation's fields (its area's file is read on first use). Throws for an unknown operation. */
export function loadDetail(op: IndexOperation): GenDetail {
  if (!/^[a-z0-9-]+$/.test(op.area)) throw new Error(`API Request: bad area ${op.area}`);
  let area = details.get(op.area);
  if (!area) details.set(op.area, (area = readJson(path.join('details', `${op.area}.json`)) as Record<string, GenDetail>));
  const stored = area[op.operationId];
  if (!stored) throw new Error(`API Request: no details for ${op.key}`);
  // Restored once per operation (the stored form leaves out what each field's key implies: compact.ts).
  if (!expanded.has(stored)) expanded.set(stored, { ...stored, fields: stored.fields.map((f) => expand(f as any)) });
  return expanded.get(stored)!;
}

/** Splits a template or a concrete path into segments, ignoring a trailing slash. */
const segments = (p: string) => p.replace(/\/+$/, '').split('/').slice(1);

/**
 * The spec operation a custom request (method + concrete path such as `/invoices/abc123`) corresponds to: a
 * template segment `{x}` matches any one segment; literal segments win over parameters (as in the contract checker).
 */
export function matchOperation(method: string, concretePath: string): IndexOperation | undefined {
  const want = segments(concretePath);
  let best: { op: IndexOperation; literals: number } | undefined;
  for (const op of loadIndex().operations) {
    if (op.method !== method.toUpperCase()) continue;
    const have = segments(op.path);
    if (have.length !== want.length) continue;
    let literals = 0;
    const matches = have.every((seg, i) => {
      if (!seg.includes('{')) return seg === want[i] && ++literals > 0;
      const re = new RegExp(
        `^${seg
          .split(/\{[^}]+\}/)
          .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]+')}$`,
      );
      return re.test(want[i]);
    });
    if (matches && (!best || literals > best.literals)) best = { op, literals };
  }
  return best?.op;
}
