import * as fs from 'fs';
import * as path from 'path';
import { listOperations, operationInputs, OperationParameter, resolveSchemaRef, SpecOperation } from '../contract/openapi';
import { DEFAULT_API_VERSION } from '../src/config';
import { compact, expand, humanize, labelFor } from '../src/apiRequest/compact';
import type { GenDetail, GenField, GenIndex, ValueType } from '../src/apiRequest/types';

export { humanize };

/**
 * Generates the API Request action's artifacts from HighLevel's specs (openapi/*.json, with the deviations of
 * contract/deviations.ts applied by the contract checker's loader):
 * - `index.json`: every area (spec file) and operation, compact (dropdowns, Version lookup, scope marks);
 * - `details/<area>.json`: each operation's inputs as editor fields.
 * `npm run api-request:generate` writes them to src/apiRequest/generated/; test/apiRequest/artifacts.test.ts
 * checks that regenerating gives the same bytes.
 */

type Json = Record<string, any>;

/**
 * Spec operations the action does not offer, with the reason (the contract test subtracts exactly these).
 * Token endpoints: the app manages tokens itself; sending the client secret or minting tokens from a step would
 * leak them into the zap's history.
 */
export const EXCLUDED_OPERATIONS: Record<string, string> = {
  'oauth:get-access-token': 'OAuth token endpoint: the connection obtains and refreshes tokens; a step must not handle them.',
  'oauth:get-location-access-token':
    'OAuth token endpoint: the app exchanges agency tokens for location tokens itself (src/connection.ts).',
};

export const GENERATED_DIR = ['src', 'apiRequest', 'generated'];

const areaOf = (op: SpecOperation) => op.specFile.replace(/\.json$/, '');
export const operationKey = (op: SpecOperation) => `${areaOf(op)}:${op.operationId}`;

const TITLES: Record<string, string> = {
  courses: 'Memberships (Courses)',
  'custom-fields': 'Custom Fields',
  objects: 'Custom Objects',
  locations: 'Sub-Accounts (Locations)',
};

/** "Invoice API" → "Invoices"-like area titles: the spec's title without "API(s)", in title case. */
function areaTitle(area: string): string {
  if (TITLES[area]) return TITLES[area];
  const doc = JSON.parse(fs.readFileSync(path.join(specDir(), `${area}.json`), 'utf8'));
  const raw = String(doc.info?.title ?? area)
    .replace(/\bAPIs?\b/gi, '')
    .trim();
  return raw
    .split(/\s+/)
    .map((w) => (w === w.toUpperCase() && w.length > 3 ? w[0] + w.slice(1).toLowerCase() : w[0].toUpperCase() + w.slice(1)))
    .join(' ');
}

function specDir(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'openapi', 'contacts.json'))) dir = path.dirname(dir);
  return path.join(dir, 'openapi');
}

// ---------------------------------------------------------------------------------------------------------
// Schemas

const MAX_DEPTH = 24;
const DROP = new Set(['description', 'example', 'examples', 'title', 'deprecated', 'readOnly', 'writeOnly', 'xml', 'externalDocs']);

/** The schema with `$ref`s resolved and `allOf` merged (one level: nested schemas stay as they are). */
function resolve(schema: Json | undefined, seen: string[] = []): Json {
  let s: Json = schema ?? {};
  while (typeof s.$ref === 'string') {
    if (seen.includes(s.$ref)) return {};
    seen = [...seen, s.$ref];
    const { $ref, ...siblings } = s;
    s = { ...resolveSchemaRef($ref), ...siblings };
  }
  if (Array.isArray(s.allOf)) {
    const { allOf, ...rest } = s;
    const merged: Json = { ...rest };
    for (const part of allOf.map((p: Json) => resolve(p, seen))) {
      for (const [k, v] of Object.entries(part)) {
        if (k === 'properties') merged.properties = { ...(merged.properties ?? {}), ...v };
        else if (k === 'required') merged.required = [...new Set([...(merged.required ?? []), ...v])];
        else if (merged[k] === undefined) merged[k] = v;
      }
    }
    s = merged;
  }
  return s;
}

/** A self-contained copy (every `$ref` inlined, cycles cut at MAX_DEPTH) without documentation keywords. */
function inline(schema: Json | undefined, depth = 0, seen: string[] = []): Json {
  if (depth > MAX_DEPTH) return {};
  const s = resolve(schema, seen);
  const out: Json = {};
  for (const [k, v] of Object.entries(s)) {
    if (DROP.has(k) || k.startsWith('x-')) continue;
    if (k === 'properties' && v && typeof v === 'object') {
      out.properties = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, inline(sub as Json, depth + 1, seen)]));
    } else if (['items', 'additionalProperties', 'not'].includes(k) && v && typeof v === 'object')
      out[k] = inline(v as Json, depth + 1, seen);
    else if (['anyOf', 'oneOf', 'allOf'].includes(k) && Array.isArray(v)) out[k] = v.map((sub) => inline(sub, depth + 1, seen));
    else out[k] = v;
  }
  return out;
}

const PRIMITIVES = new Set(['string', 'integer', 'number', 'boolean']);

function typeOf(s: Json): string | undefined {
  const types = (Array.isArray(s.type) ? s.type : [s.type]).filter((t: unknown) => t && t !== 'null');
  if (types.length === 1) return types[0];
  if (types.length === 0 && Array.isArray(s.enum) && s.enum.length) return typeof s.enum.find((v: unknown) => v !== null);
  if (types.length === 0 && s.properties) return 'object';
  return types.length ? 'mixed' : undefined;
}

const isPrimitive = (s: Json) => !s.anyOf && !s.oneOf && PRIMITIVES.has(typeOf(s) ?? '');
const isPrimitiveList = (s: Json) => typeOf(s) === 'array' && isPrimitive(resolve(s.items));
const props = (s: Json): Array<[string, Json]> => Object.entries<Json>(s.properties ?? {}).map(([k, v]) => [k, resolve(v)]);
const isFlatObject = (s: Json) =>
  typeOf(s) === 'object' && !s.anyOf && !s.oneOf && props(s).length > 0 && props(s).every(([, v]) => isPrimitive(v) || isPrimitiveList(v));

function valueType(s: Json): ValueType {
  const t = typeOf(s);
  if (t === 'integer' || t === 'number' || t === 'boolean') return t;
  if (t === 'string' && s.format === 'date-time') return 'datetime';
  return t === 'string' || t === undefined ? 'string' : 'json';
}

// ---------------------------------------------------------------------------------------------------------
// Fields

function clean(text: unknown, max = 400): string {
  const s = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

const FILLS: Record<string, GenField['f']> = { locationId: 'location', companyId: 'company', altId: 'alt', altType: 'altType' };
const FILL_HELP: Record<string, string> = {
  location: "Leave blank to use the connection's location (sub-account).",
  company: "Leave blank to use the connection's company (agency).",
  alt: "Leave blank to use the connection's location.",
  altType: 'Leave blank for "location".',
};

function helpFor(
  label: string,
  where: string,
  name: string,
  s: Json,
  description: unknown,
  example: unknown,
  fill?: GenField['f'],
): string {
  const first = clean(description) || `${label} (${where} ${name})`;
  const parts = [/[.!?…]$/.test(first) ? first : `${first}.`];
  if (fill) parts.push(FILL_HELP[fill]);
  const ex = example ?? s.example;
  if (ex !== undefined && ex !== null && typeof ex !== 'object' && String(ex).length <= 80 && !/example/i.test(parts[0]))
    parts.push(`Example: ${ex}`);
  const help = parts.join(' ').slice(0, 990);
  return help === label || help.length <= 10 ? `${help} (${where} parameter ${name})` : help;
}

function scalarField(
  where: GenField['in'],
  pathNames: string[],
  s: Json,
  required: boolean,
  description: unknown,
  example: unknown,
  topLevel: boolean,
): GenField {
  const name = pathNames[pathNames.length - 1];
  const fill = topLevel ? FILLS[name] : undefined;
  const label = labelFor(pathNames);
  const list = typeOf(s) === 'array';
  const item = list ? resolve(s.items) : s;
  const field: GenField = { k: `${where}_${pathNames.join('_')}`, in: where, p: pathNames, l: label, h: '', t: valueType(item) };
  field.h = helpFor(label, where, name, item, description ?? s.description, example, fill);
  if (required) field.r = 1;
  if (list) field.li = 1;
  const choices = Array.isArray(item.enum) ? item.enum.filter((v: unknown) => v !== null && v !== '') : [];
  if (choices.length) field.c = choices;
  const def = s.default ?? item.default;
  if (def !== undefined && def !== null && typeof def !== 'object' && String(def) !== '') field.d = String(def);
  if (fill) field.f = fill;
  return field;
}

function jsonField(where: GenField['in'], pathNames: string[], s: Json, required: boolean, description: unknown): GenField {
  const label = labelFor(pathNames);
  const what = typeOf(s) === 'array' ? 'a JSON list' : 'a JSON object';
  const field: GenField = {
    k: pathNames.length ? `${where}_${pathNames.join('_')}` : 'body',
    in: where,
    p: pathNames,
    l: label,
    h: `${clean(description, 300) || `${label}.`} Enter ${what}; it is checked against HighLevel's schema before the request.`.slice(
      0,
      990,
    ),
    t: 'json',
    s: inline(s),
  };
  if (required) field.r = 1;
  return field;
}

function bodyFields(schema: Json | undefined, required: boolean): GenField[] {
  const s = resolve(schema);
  if (typeOf(s) !== 'object' || !props(s).length || s.anyOf || s.oneOf) return [jsonField('body', [], s, required, s.description)];
  const req = new Set<string>(s.required ?? []);
  const fields: GenField[] = [];
  for (const [name, sub] of props(s)) {
    const isReq = req.has(name);
    if (sub.readOnly) continue;
    if (isPrimitive(sub) || isPrimitiveList(sub)) fields.push(scalarField('body', [name], sub, isReq, sub.description, sub.example, true));
    else if (typeOf(sub) === 'array' && isFlatObject(resolve(sub.items))) {
      const item = resolve(sub.items);
      const itemReq = new Set<string>(item.required ?? []);
      const field = jsonField('body', [name], sub, isReq, sub.description);
      delete field.s;
      field.t = 'string';
      field.h = `${clean(sub.description, 300) || `${humanize(name)}.`} One line item per entry.`;
      field.ch = props(item).map(([child, cs]) => ({
        ...scalarField('body', [child], cs, itemReq.has(child), cs.description, cs.example, false),
        k: child,
      }));
      fields.push(field);
    } else if (isFlatObject(sub)) {
      const subReq = new Set<string>(sub.required ?? []);
      for (const [child, cs] of props(sub)) {
        const field = scalarField('body', [name, child], cs, isReq && subReq.has(child), cs.description, cs.example, false);
        if (isReq) field.o = 1;
        fields.push(field);
      }
    } else fields.push(jsonField('body', [name], sub, isReq, sub.description));
  }
  return fields;
}

/** A `format: binary` schema (or a list of them): a file part of a multipart form. */
const isBinary = (s: Json): boolean => s.format === 'binary' || (typeOf(s) === 'array' && resolve(s.items).format === 'binary');

function fileField(name: string, s: Json, required: boolean): GenField {
  const label = labelFor([name]);
  const what = clean(s.description ?? resolve(s.items).description, 300) || `The file to send as the form part "${name}".`;
  const field: GenField = {
    k: `body_${name}`,
    in: 'body',
    p: [name],
    l: label,
    h: `${/[.!?…]$/.test(what) ? what : `${what}.`} Map a file from an earlier step, or enter a public URL.`,
    t: 'file',
  };
  if (required) field.r = 1;
  if (typeOf(s) === 'array') field.li = 1;
  return field;
}

/**
 * A multipart form's fields (HighLevel's uploads): file parts (`format: binary`) as file fields, other parts typed
 * as a JSON body's are; files under names of the caller's choosing (`additionalProperties` binary) as line items
 * of part name and file.
 */
function multipartFields(schema: Json | undefined): GenField[] {
  const s = resolve(schema);
  const req = new Set<string>(s.required ?? []);
  const fields: GenField[] = [];
  for (const [name, sub] of props(s)) {
    if (sub.readOnly) continue;
    if (isBinary(sub)) fields.push(fileField(name, sub, req.has(name)));
    else if (isPrimitive(sub) || isPrimitiveList(sub))
      fields.push(scalarField('body', [name], sub, req.has(name), sub.description, sub.example, true));
    else fields.push(jsonField('body', [name], sub, req.has(name), sub.description));
  }
  const extra = s.additionalProperties && typeof s.additionalProperties === 'object' ? resolve(s.additionalProperties) : undefined;
  if (extra && isBinary(extra)) {
    const what = clean(s.description, 400) || 'Each file in a form part of the name you give it.';
    const files: GenField = {
      k: 'body_files',
      in: 'body',
      p: ['files'],
      l: labelFor(['files']),
      h: `${/[.!?…]$/.test(what) ? what : `${what}.`} One line per file.`,
      t: 'string',
      nf: 1,
      ch: [
        {
          k: 'partName',
          in: 'body',
          p: ['partName'],
          l: labelFor(['partName']),
          h: 'The form part name for this file (see the field help above).',
          t: 'string',
          r: 1,
        },
        {
          k: 'file',
          in: 'body',
          p: ['file'],
          l: labelFor(['file']),
          h: 'The file: map a file from an earlier step, or enter a public URL.',
          t: 'file',
          r: 1,
        },
      ],
    };
    if (typeof s.minProperties === 'number' && s.minProperties > fields.filter((f) => f.r).length) files.r = 1;
    fields.push(files);
  }
  return fields;
}

function paramField(p: OperationParameter): GenField {
  const s = resolve(p.schema);
  if (!isPrimitive(s) && !isPrimitiveList(s)) return jsonField(p.in as GenField['in'], [p.name], s, p.required, p.description);
  return scalarField(p.in as GenField['in'], [p.name], s, p.required, p.description, p.example, true);
}

function detailOf(op: SpecOperation): GenDetail {
  const inputs = operationInputs(op);
  const fields = inputs.parameters.filter((p) => p.in === 'path' || p.in === 'query').map(paramField);
  const detail: GenDetail = { fields };
  if (inputs.body) {
    if (/multipart/i.test(inputs.body.contentType)) {
      detail.body = 'multipart';
      fields.push(...multipartFields(inputs.body.schema));
    } else if (/json/i.test(inputs.body.contentType)) fields.push(...bodyFields(inputs.body.schema, inputs.body.required));
  }
  const keys = fields.map((f) => f.k);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) throw new Error(`apiRequestArtifacts: ${operationKey(op)} has two fields keyed ${dup}`);
  return detail;
}

// ---------------------------------------------------------------------------------------------------------
// Artifacts

/** JSON with object keys sorted: equal for equal values whatever the key order. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/** Every artifact: relative path (under GENERATED_DIR) → file content. Deterministic: same specs, same bytes. */
export function generateApiRequestArtifacts(): Map<string, string> {
  const ops = listOperations().filter((op) => !EXCLUDED_OPERATIONS[operationKey(op)]);
  const areas = [...new Set(ops.map(areaOf))].map((a) => [a, areaTitle(a)] as [string, string]).sort((x, y) => x[1].localeCompare(y[1]));
  const index: GenIndex = { areas, ops: [] };
  const details = new Map<string, Record<string, GenDetail>>();
  for (const op of [...ops].sort((a, b) => operationKey(a).localeCompare(operationKey(b)))) {
    const inputs = operationInputs(op);
    const schemes = inputs.securitySchemes;
    const agencyOnly = schemes.length > 0 && schemes.every((s) => s.startsWith('Agency-Access'));
    const detail = detailOf(op);
    const flags = `${agencyOnly ? 'a' : ''}${inputs.deprecated ? 'd' : ''}${detail.body === 'multipart' ? 'm' : ''}`;
    const summary = clean(inputs.summary, 90) || op.operationId;
    index.ops.push([operationKey(op), op.method, op.pathTemplate, summary, op.version ?? DEFAULT_API_VERSION, op.scopes.join(' '), flags]);
    if (!details.has(areaOf(op))) details.set(areaOf(op), {});
    // Stored compactly; what the loader restores must be exactly the field built here.
    const stored = { ...detail, fields: detail.fields.map((f) => compact(f)) };
    const restored = stored.fields.map((f) => expand(f));
    if (canonical(restored) !== canonical(detail.fields))
      throw new Error(`apiRequestArtifacts: ${operationKey(op)} does not survive compaction`);
    details.get(areaOf(op))![op.operationId] = stored as unknown as GenDetail;
  }
  const files = new Map<string, string>();
  files.set('index.json', `${JSON.stringify(index)}\n`);
  for (const [area, byId] of [...details].sort(([a], [b]) => a.localeCompare(b)))
    files.set(`details/${area}.json`, `${JSON.stringify(byId)}\n`);
  return files;
}

/** The folder the artifacts live in (source tree, not dist). */
export function generatedDir(): string {
  return path.join(path.dirname(specDir()), ...GENERATED_DIR);
}

if (require.main === module) {
  const dir = generatedDir();
  fs.rmSync(path.join(dir, 'details'), { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'details'), { recursive: true });
  let bytes = 0;
  const files = generateApiRequestArtifacts();
  for (const [name, content] of files) {
    fs.writeFileSync(path.join(dir, name), content);
    bytes += Buffer.byteLength(content);
  }
  console.log(`Wrote ${files.size} files (${bytes} bytes) to ${path.relative(process.cwd(), dir)}`);
}
