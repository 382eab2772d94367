/**
 * Contract checker for HighLevel's official OpenAPI 3.0 specs (vendored in `openapi/`).
 *
 * Checks HTTP requests (method + path, path/query/header parameters, auth, JSON, form or multipart body) and response bodies
 * against the specs, with the known spec defects of `contract/deviations.ts` applied. Schemas are validated
 * with ajv (+ ajv-formats); only path-template matching is done here by hand.
 *
 * Everything is synchronous. The specs are read once, on first use; each validator is compiled on first use
 * and memoized, so a check costs a map lookup plus the ajv validation.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { DeviationEffect, JsonSchema, specDeviations, SpecDeviation } from './deviations';
import { boundaryOf, isFilePart, parseMultipart } from './multipart';

export interface SpecOperation {
  /** Spec file name, e.g. 'contacts.json'. */
  specFile: string;
  operationId: string;
  /** Upper case: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'. */
  method: string;
  /** As written in the spec, e.g. '/contacts/{contactId}' or '/contacts/' (trailing slash kept). */
  pathTemplate: string;
  /** The `Version` header value the spec declares (first enum value, else its example); null if none. */
  version: string | null;
  /** Scopes of the operation's security block, all schemes flattened (deviations applied). */
  scopes: string[];
  hasRequestBody: boolean;
}

export interface ContractRequest {
  method: string;
  /** Absolute URL (any host) or a path with query string, e.g. '/contacts/?locationId=x'. */
  url: string;
  /** Looked up case-insensitively. */
  headers: Record<string, string | string[] | undefined>;
  /**
   * Parsed JSON body (object/array), a form string/object for form-encoded operations, a multipart body as its
   * bytes (Buffer) or as parts parsed by contract/multipart.ts, or undefined.
   */
  body?: unknown;
}

export interface ContractResult {
  ok: boolean;
  operation?: SpecOperation;
  errors: string[];
}

// ---------------------------------------------------------------------------------------------------------
// Internal model

type Json = any; // spec documents are untyped JSON

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const BASE_URI = 'https://ghl-spec.local/';
const APPS_URI = `${BASE_URI}apps/`;
const COMMON_FILE = 'common-schemas.json';
const COMMON_URI = `${BASE_URI}common/${COMMON_FILE}`;

interface ParamInfo {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
  explode?: boolean;
  /** false for path parameters that only a deviation declares. */
  declared: boolean;
}

interface PathSegment {
  literal?: string;
  /** For a segment that is (or contains) parameters. */
  re?: RegExp;
  names?: string[];
  literalChars: number;
}

interface OpInternal {
  op: SpecOperation;
  docUri: string;
  /** The (deviation-patched, normalized) operation object of the spec. */
  raw: Json;
  segments: PathSegment[];
  pathParams: ParamInfo[];
  queryParams: ParamInfo[];
  headerParams: ParamInfo[];
  requiresAuth: boolean;
  body?: { contentType: string; schema?: JsonSchema; required: boolean };
  deviations: SpecDeviation[];
  // lazily compiled validators (undefined = not compiled yet, null = nothing to validate)
  vQuery?: ValidateFunction | null;
  vPath?: ValidateFunction | null;
  vBody?: ValidateFunction | null;
  vResponse: Map<string, ValidateFunction | null>;
}

interface Registry {
  specDir: string;
  docs: Map<string, Json>; // specFile -> patched, normalized doc
  ops: OpInternal[];
  byMethod: Map<string, OpInternal[]>;
  byId: Map<string, OpInternal>; // `${specFile}#${operationId}`
  byTemplate: Map<string, OpInternal>; // `${METHOD} ${normalizedTemplate}`
  ajv: Ajv; // bodies and responses
  ajvCoerce: Ajv; // query/path parameters (values arrive as strings)
  /** Document URI (APPS_URI + file, COMMON_URI) -> normalized document, to resolve absolute `$ref`s. */
  docsByUri: Map<string, Json>;
  loadMs: number;
}

let registry: Registry | undefined;

// ---------------------------------------------------------------------------------------------------------
// Locating and loading the specs

/** Walks up from this file's folder (source or dist) to the folder holding `openapi/contacts.json`. */
export function specDirectory(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'openapi');
    if (fs.existsSync(path.join(candidate, 'contacts.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`contract/openapi: no openapi/contacts.json found above ${__dirname}`);
    dir = parent;
  }
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clone<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}

function normalizeTemplate(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

/** 'POST /contacts/search' → key used by deviations and byTemplate (trailing slash ignored). */
function templateKey(method: string, template: string): string {
  return `${method.toUpperCase()} ${normalizeTemplate(template)}`;
}

function load(): Registry {
  if (registry) return registry;
  const started = process.hrtime.bigint();
  const specDir = specDirectory();

  const ajvOptions = {
    strict: false,
    allErrors: true,
    validateSchema: false,
    logger: false as const,
    // formats unknown to ajv-formats are registered as "anything" below, so no format ever throws
  };
  const ajv = new Ajv(ajvOptions);
  const ajvCoerce = new Ajv({ ...ajvOptions, coerceTypes: 'array' });
  for (const a of [ajv, ajvCoerce]) {
    addFormats(a);
    a.addFormat('binary', true);
  }

  const docs = new Map<string, Json>();
  const files = fs
    .readdirSync(specDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  let common: Json | undefined;
  for (const file of files) {
    const doc = JSON.parse(fs.readFileSync(path.join(specDir, file), 'utf8'));
    if (file === COMMON_FILE) common = doc;
    else if (isObject(doc) && typeof doc.openapi === 'string' && isObject(doc.paths)) docs.set(file, doc);
    // anything else in the folder (e.g. a catalog) is not a spec
  }

  // Index operations, then apply deviations to the raw documents (before normalization).
  const rawOps: Array<{ specFile: string; method: string; template: string; op: Json }> = [];
  for (const [specFile, doc] of docs) {
    for (const [template, item] of Object.entries<Json>(doc.paths)) {
      if (!isObject(item)) continue;
      for (const m of HTTP_METHODS) {
        if (isObject(item[m])) rawOps.push({ specFile, method: m.toUpperCase(), template, op: item[m] });
      }
    }
  }
  const opByKey = new Map<string, (typeof rawOps)[number]>();
  for (const r of rawOps) {
    const key = templateKey(r.method, r.template);
    if (!opByKey.has(key)) opByKey.set(key, r);
  }
  const deviationsByKey = new Map<string, SpecDeviation[]>();
  // Component patches first: an operation-level patch may inline a copy of a component, which must already
  // carry the component's own fixes.
  const isComponentPatch = (d: SpecDeviation) => 'target' in d.effect && d.effect.target.startsWith('components/');
  const ordered = [...specDeviations.filter(isComponentPatch), ...specDeviations.filter((d) => !isComponentPatch(d))];
  for (const d of ordered) {
    const key = deviationKey(d.operation);
    const target = opByKey.get(key);
    if (!target) throw new Error(`contract/deviations: ${d.id} names ${d.operation}, which no spec declares`);
    applyDeviationToDoc(docs.get(target.specFile), target.op, d);
    if (!deviationsByKey.has(key)) deviationsByKey.set(key, []);
    deviationsByKey.get(key)!.push(d);
  }

  // Normalize OpenAPI 3.0 schemas into JSON Schema ajv understands, and register every document.
  const formats = new Set<string>();
  if (common) normalizeDocument(common, COMMON_URI, formats);
  for (const [specFile, doc] of docs) normalizeDocument(doc, APPS_URI + specFile, formats);
  for (const f of formats) {
    for (const a of [ajv, ajvCoerce]) if (!a.formats[f]) a.addFormat(f, true);
  }
  for (const a of [ajv, ajvCoerce]) {
    if (common) a.addSchema(common, COMMON_URI);
    for (const [specFile, doc] of docs) a.addSchema(doc, APPS_URI + specFile);
  }

  const ops: OpInternal[] = [];
  const byMethod = new Map<string, OpInternal[]>();
  const byId = new Map<string, OpInternal>();
  const byTemplate = new Map<string, OpInternal>();
  for (const r of rawOps) {
    const key = templateKey(r.method, r.template);
    const internal = buildOperation(r.specFile, r.method, r.template, r.op, deviationsByKey.get(key) ?? []);
    ops.push(internal);
    if (!byMethod.has(r.method)) byMethod.set(r.method, []);
    byMethod.get(r.method)!.push(internal);
    const idKey = `${r.specFile}#${internal.op.operationId}`;
    if (!byId.has(idKey)) byId.set(idKey, internal);
    if (!byTemplate.has(key)) byTemplate.set(key, internal);
  }

  registry = {
    specDir,
    docs,
    ops,
    byMethod,
    byId,
    byTemplate,
    ajv,
    ajvCoerce,
    docsByUri: new Map<string, Json>([
      ...(common ? ([[COMMON_URI, common]] as Array<[string, Json]>) : []),
      ...[...docs].map(([file, doc]): [string, Json] => [APPS_URI + file, doc]),
    ]),
    loadMs: Number(process.hrtime.bigint() - started) / 1e6,
  };
  return registry;
}

function deviationKey(operation: string): string {
  const m = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(operation);
  if (!m) throw new Error(`contract/deviations: bad operation "${operation}" (expected 'METHOD /path/template')`);
  return templateKey(m[1], m[2]);
}

// ---------------------------------------------------------------------------------------------------------
// Applying deviations (on the raw, not yet normalized documents)

/** Resolves a local `$ref` ('#/components/schemas/X') inside `doc`. */
function resolveLocalRef(doc: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`contract/deviations: cannot patch through non-local $ref ${ref}`);
  let node: Json = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node?.[key];
  }
  if (node === undefined) throw new Error(`contract/deviations: $ref ${ref} does not resolve`);
  return node;
}

/**
 * Makes `holder[key]` an inline copy when it is a `$ref` (copy-on-write, so a patch of one operation never
 * changes a component other operations share), and returns it.
 */
function ownInline(doc: Json, holder: Json, key: string | number): Json {
  const node = holder[key];
  if (!isObject(node)) throw new Error(`contract/deviations: nothing to patch at ${String(key)}`);
  if (typeof node.$ref === 'string') {
    const { $ref, ...siblings } = node;
    holder[key] = { ...clone(resolveLocalRef(doc, $ref)), ...siblings };
  }
  return holder[key];
}

function pointerTokens(at: string | undefined): string[] {
  if (!at || at === '/') return [];
  if (!at.startsWith('/')) throw new Error(`contract/deviations: "at" must be a JSON pointer, got ${at}`);
  return at
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The holder object and key of the schema a deviation targets ('requestBody', 'response:200', 'components/X'). */
function schemaSlot(doc: Json, op: Json, target: string): { holder: Json; key: string } {
  if (target === 'requestBody') {
    const content = op.requestBody?.content;
    if (!isObject(content)) throw new Error('contract/deviations: operation has no requestBody to patch');
    const type = content['application/json'] ? 'application/json' : Object.keys(content)[0];
    return { holder: content[type], key: 'schema' };
  }
  const resp = /^response:(\w+)$/.exec(target);
  if (resp) {
    const content = op.responses?.[resp[1]]?.content;
    if (!isObject(content)) throw new Error(`contract/deviations: no response ${resp[1]} content to patch`);
    const type = content['application/json'] ? 'application/json' : Object.keys(content)[0];
    return { holder: content[type], key: 'schema' };
  }
  const comp = /^components\/(.+)$/.exec(target);
  if (comp) {
    if (!isObject(doc.components?.schemas?.[comp[1]])) throw new Error(`contract/deviations: no component ${comp[1]}`);
    return { holder: doc.components.schemas, key: comp[1] };
  }
  throw new Error(`contract/deviations: unknown target ${target}`);
}

/** Walks `at` from the target schema, inlining `$ref`s on the way; returns the (owned) node at the pointer. */
function ownedNodeAt(doc: Json, op: Json, target: string, at: string | undefined): Json {
  const { holder, key } = schemaSlot(doc, op, target);
  let node = target.startsWith('components/') ? holder[key] : ownInline(doc, holder, key);
  for (const token of pointerTokens(at)) {
    if (!(token in node)) throw new Error(`contract/deviations: ${target}${at} does not exist`);
    node = ownInline(doc, node, Array.isArray(node) ? Number(token) : token);
  }
  return node;
}

function applyDeviationToDoc(doc: Json, op: Json, d: SpecDeviation): void {
  const e: DeviationEffect = d.effect;
  try {
    switch (e.kind) {
      case 'undeclaredPathParam':
      case 'requireAuthorization':
        return; // applied when the operation is built
      case 'replaceRequestBody': {
        op.requestBody = {
          ...(op.requestBody ?? {}),
          required: e.required ?? op.requestBody?.required ?? true,
          content: { [e.contentType ?? 'application/json']: { schema: clone(e.schema) } },
        };
        return;
      }
      case 'replaceResponse': {
        const status = String(e.status);
        op.responses = op.responses ?? {};
        op.responses[status] = {
          ...(op.responses[status] ?? { description: d.what }),
          content: { 'application/json': { schema: clone(e.schema) } },
        };
        return;
      }
      case 'relaxRequired': {
        const node = ownedNodeAt(doc, op, e.target, e.at);
        const required: unknown = node.required;
        for (const p of e.properties) {
          if (!Array.isArray(required) || !required.includes(p)) {
            throw new Error(`${e.target}${e.at ?? ''} does not require ${p}`);
          }
        }
        node.required = (required as string[]).filter((p) => !e.properties.includes(p));
        return;
      }
      case 'patchSchema': {
        for (const patch of e.patches) {
          const tokens = pointerTokens(patch.at);
          if (patch.replace) {
            if (!tokens.length) throw new Error('patchSchema replace needs a non-root "at" (use replaceRequestBody/replaceResponse)');
            const parent = ownedNodeAt(doc, op, e.target, '/' + tokens.slice(0, -1).map(escapeToken).join('/'));
            const last = tokens[tokens.length - 1];
            if (!(last in parent)) throw new Error(`${e.target}${patch.at} does not exist`);
            parent[Array.isArray(parent) ? Number(last) : last] = clone(patch.replace);
          }
          if (patch.merge) Object.assign(ownedNodeAt(doc, op, e.target, patch.at), clone(patch.merge));
        }
        return;
      }
    }
  } catch (err) {
    throw new Error(`contract/deviations: ${d.id} (${d.operation}): ${(err as Error).message}`);
  }
}

function escapeToken(t: string): string {
  return t.replace(/~/g, '~0').replace(/\//g, '~1');
}

// ---------------------------------------------------------------------------------------------------------
// Normalizing OpenAPI 3.0 schemas for ajv

function normalizeDocument(doc: Json, uri: string, formats: Set<string>): void {
  const seen = new Set<object>();
  const visit = (s: Json) => normalizeSchema(s, uri, formats, seen);
  for (const schema of Object.values<Json>(doc.components?.schemas ?? {})) visit(schema);
  for (const item of Object.values<Json>(doc.paths ?? {})) {
    if (!isObject(item)) continue;
    const ops = HTTP_METHODS.map((m) => item[m]).filter(isObject);
    for (const p of [...(item.parameters ?? []), ...ops.flatMap((o) => o.parameters ?? [])]) {
      if (isObject(p)) visit(p.schema);
    }
    for (const op of ops) {
      for (const media of Object.values<Json>(op.requestBody?.content ?? {})) visit(media?.schema);
      for (const resp of Object.values<Json>(op.responses ?? {})) {
        for (const media of Object.values<Json>(resp?.content ?? {})) visit(media?.schema);
      }
    }
  }
}

const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions', '$defs'];
const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_KEYWORDS = ['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else'];

/**
 * In place: absolute `$ref`s (so any sub-schema compiles on its own), OpenAPI `nullable` → JSON Schema null,
 * invalid `type`/`required` values dropped, formats collected.
 */
function normalizeSchema(s: Json, uri: string, formats: Set<string>, seen: Set<object>): void {
  if (!isObject(s) || seen.has(s)) return;
  seen.add(s);

  if (typeof s.$ref === 'string') s.$ref = new URL(s.$ref, uri).href;
  if (typeof s.format === 'string') formats.add(s.format);
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    const valid = types.filter((t: unknown) => typeof t === 'string' && JSON_TYPES.has(t));
    if (valid.length === 0) delete s.type;
    else s.type = valid.length === 1 ? valid[0] : valid;
  }
  if (s.required !== undefined && !(Array.isArray(s.required) && s.required.every((r: unknown) => typeof r === 'string'))) {
    delete s.required; // e.g. Swagger-2 style `required: true` on a property
  }
  if (s.enum !== undefined && !Array.isArray(s.enum)) delete s.enum;

  for (const k of SCHEMA_MAP_KEYWORDS) {
    if (isObject(s[k])) for (const sub of Object.values(s[k])) normalizeSchema(sub, uri, formats, seen);
  }
  for (const k of SCHEMA_LIST_KEYWORDS) {
    if (Array.isArray(s[k])) for (const sub of s[k]) normalizeSchema(sub, uri, formats, seen);
  }
  for (const k of SCHEMA_KEYWORDS) {
    if (Array.isArray(s[k])) for (const sub of s[k]) normalizeSchema(sub, uri, formats, seen);
    else normalizeSchema(s[k], uri, formats, seen);
  }

  if (s.nullable === true) {
    delete s.nullable;
    if (typeof s.type === 'string' && s.$ref === undefined && !s.allOf && !s.anyOf && !s.oneOf) {
      s.type = [s.type, 'null'];
      if (Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null];
    } else if (Array.isArray(s.type)) {
      if (!s.type.includes('null')) s.type = [...s.type, 'null'];
      if (Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null];
    } else {
      const rest = { ...s };
      for (const k of Object.keys(s)) delete s[k];
      s.anyOf = [rest, { type: 'null' }];
    }
  } else if (s.nullable !== undefined) {
    delete s.nullable;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Building the operation model

function parsePathTemplate(template: string): PathSegment[] {
  return template
    .split('/')
    .slice(1)
    .map((seg) => {
      if (!seg.includes('{')) return { literal: seg, literalChars: seg.length };
      const names: string[] = [];
      let literalChars = 0;
      const source = seg
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const m = /^\{([^}]+)\}$/.exec(part);
          if (m) {
            names.push(m[1]);
            return '([^/]*)';
          }
          literalChars += part.length;
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return { re: new RegExp(`^${source}$`), names, literalChars };
    });
}

function templateParamNames(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

function buildOperation(specFile: string, method: string, template: string, raw: Json, deviations: SpecDeviation[]): OpInternal {
  const params: Json[] = (raw.parameters ?? []).filter(isObject);
  const toInfo = (p: Json): ParamInfo => ({
    name: String(p.name),
    in: p.in,
    required: p.in === 'path' ? true : p.required === true,
    schema: isObject(p.schema) ? p.schema : {},
    explode: p.explode,
    declared: true,
  });

  const declaredPath = new Map<string, ParamInfo>();
  for (const p of params) if (p.in === 'path') declaredPath.set(String(p.name), toInfo(p));
  const undeclared = new Map<string, JsonSchema | undefined>();
  let authFromDeviation = false;
  for (const d of deviations) {
    if (d.effect.kind === 'undeclaredPathParam') undeclared.set(d.effect.param, d.effect.schema);
    if (d.effect.kind === 'requireAuthorization') authFromDeviation = true;
  }
  const pathParams: ParamInfo[] = templateParamNames(template).map((name) => {
    const declared = declaredPath.get(name);
    if (declared) return declared;
    return { name, in: 'path', required: true, schema: undeclared.get(name) ?? { type: 'string' }, declared: undeclared.has(name) };
  });

  const headerParams = params.filter((p) => p.in === 'header').map(toInfo);
  const versionParam = headerParams.find((p) => p.name.toLowerCase() === 'version');
  const versionSchema: Json = versionParam?.schema ?? {};
  const version =
    (Array.isArray(versionSchema.enum) && versionSchema.enum.length ? String(versionSchema.enum[0]) : undefined) ??
    (versionSchema.example !== undefined ? String(versionSchema.example) : undefined) ??
    (params.find((p) => p.in === 'header' && String(p.name).toLowerCase() === 'version')?.example as string | undefined) ??
    null;

  const scopes = new Set<string>();
  const security: Json[] = Array.isArray(raw.security) ? raw.security : [];
  for (const requirement of security) {
    if (!isObject(requirement)) continue;
    for (const list of Object.values<Json>(requirement)) for (const s of Array.isArray(list) ? list : []) scopes.add(String(s));
  }
  for (const d of deviations) if (d.effect.kind === 'requireAuthorization') for (const s of d.effect.scopes ?? []) scopes.add(s);
  const securityRequired = security.length > 0 && security.every((req) => isObject(req) && Object.keys(req).length > 0);
  const authHeaderRequired = headerParams.some((p) => p.name.toLowerCase() === 'authorization' && p.required);

  let body: OpInternal['body'];
  if (isObject(raw.requestBody)) {
    const content: Json = raw.requestBody.content ?? {};
    const contentType = Object.keys(content).find((t) => /json/i.test(t)) ?? Object.keys(content)[0] ?? 'application/json';
    body = { contentType, schema: content[contentType]?.schema, required: raw.requestBody.required === true };
  }

  const op: SpecOperation = Object.freeze({
    specFile,
    operationId: String(raw.operationId ?? `${method} ${template}`),
    method,
    pathTemplate: template,
    version,
    scopes: Object.freeze([...scopes]) as string[],
    hasRequestBody: body !== undefined,
  });
  return {
    op,
    docUri: APPS_URI + specFile,
    raw,
    segments: parsePathTemplate(template),
    pathParams,
    queryParams: params.filter((p) => p.in === 'query').map(toInfo),
    headerParams,
    requiresAuth: securityRequired || authHeaderRequired || authFromDeviation,
    body,
    deviations,
    vResponse: new Map(),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Path matching

interface PathMatch {
  internal: OpInternal;
  params: Record<string, string>;
}

function splitPath(p: string): string[] {
  return p.split('/').slice(1);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Rank of a match: all params non-empty, then literal-first (per segment), then the path as sent. */
function matchSegments(internal: OpInternal, segs: string[]): { params: Record<string, string>; rank: number[] } | undefined {
  if (internal.segments.length !== segs.length) return undefined;
  const params: Record<string, string> = {};
  const literalShape: number[] = [];
  let literalChars = 0;
  let allNonEmpty = 1;
  for (let i = 0; i < segs.length; i++) {
    const t = internal.segments[i];
    const seg = segs[i];
    if (t.literal !== undefined) {
      if (safeDecode(seg) !== t.literal && seg !== t.literal) return undefined;
      literalShape.push(2);
      literalChars += t.literal.length;
      continue;
    }
    const m = t.re!.exec(seg);
    if (!m) return undefined;
    t.names!.forEach((name, j) => {
      params[name] = safeDecode(m[j + 1]);
      if (m[j + 1] === '') allNonEmpty = 0;
    });
    literalShape.push(t.literalChars > 0 ? 1 : 0);
    literalChars += t.literalChars;
  }
  return { params, rank: [allNonEmpty, ...literalShape, literalChars] };
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function matchPath(method: string, rawPath: string): PathMatch | undefined {
  const reg = load();
  const candidates = reg.byMethod.get(method.toUpperCase());
  if (!candidates) return undefined;
  const p = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
  // The path as sent first; then the same path with its trailing slash toggled ('/contacts' ~ '/contacts/').
  const variants = [p, p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : `${p}/`];
  let best: { match: PathMatch; rank: number[] } | undefined;
  variants.forEach((variant, vi) => {
    const segs = splitPath(variant);
    for (const internal of candidates) {
      const m = matchSegments(internal, segs);
      if (!m) continue;
      // non-empty params beat everything; then the exact variant; then literal-first
      const rank = [m.rank[0], vi === 0 ? 1 : 0, ...m.rank.slice(1)];
      if (!best || compareRank(rank, best.rank) > 0) best = { match: { internal, params: m.params }, rank };
    }
  });
  return best?.match;
}

// ---------------------------------------------------------------------------------------------------------
// Error formatting

function formatAjvError(prefix: string, e: ErrorObject, sep: '/' | '.'): string {
  const where = prefix + (sep === '/' ? e.instancePath : e.instancePath.replace(/\//g, '.'));
  const p = e.params as Record<string, any>;
  switch (e.keyword) {
    case 'required':
      return `${where}${sep}${p.missingProperty} is required`;
    case 'enum':
      return `${where} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'additionalProperties':
      return `${where} must not have property ${JSON.stringify(p.additionalProperty)}`;
    default:
      return `${where} ${e.message ?? 'is invalid'}`;
  }
}

function formatErrors(prefix: string, errors: ErrorObject[] | null | undefined, sep: '/' | '.' = '/'): string[] {
  const out = (errors ?? []).map((e) => formatAjvError(prefix, e, sep));
  return [...new Set(out)];
}

// ---------------------------------------------------------------------------------------------------------
// Validators (compiled once, on first use)

function compileOrThrow(ajv: Ajv, schema: JsonSchema, what: string): ValidateFunction {
  try {
    return ajv.compile(schema);
  } catch (err) {
    throw new Error(`contract/openapi: cannot compile ${what}: ${(err as Error).message}`);
  }
}

function paramsValidator(reg: Registry, internal: OpInternal, params: ParamInfo[], what: string): ValidateFunction | null {
  if (!params.length) return null;
  const schema = {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
  return compileOrThrow(reg.ajvCoerce, schema, `${what} parameters of ${describe(internal.op)}`);
}

function queryValidator(reg: Registry, internal: OpInternal): ValidateFunction | null {
  if (internal.vQuery === undefined) internal.vQuery = paramsValidator(reg, internal, internal.queryParams, 'query');
  return internal.vQuery;
}

function pathValidator(reg: Registry, internal: OpInternal): ValidateFunction | null {
  if (internal.vPath === undefined) internal.vPath = paramsValidator(reg, internal, internal.pathParams, 'path');
  return internal.vPath;
}

function bodyValidator(reg: Registry, internal: OpInternal): ValidateFunction | null {
  if (internal.vBody === undefined) {
    const b = internal.body;
    if (!b || !isObject(b.schema)) internal.vBody = null;
    else {
      // form-encoded fields arrive as strings: validate those with coercion
      const ajv = /json/i.test(b.contentType) ? reg.ajv : reg.ajvCoerce;
      internal.vBody = compileOrThrow(ajv, b.schema, `request body of ${describe(internal.op)}`);
    }
  }
  return internal.vBody;
}

// ---------------------------------------------------------------------------------------------------------
// Undeclared request-body properties
//
// HighLevel's NestJS validation (whitelist + forbidNonWhitelisted) answers 422 "property X should not exist"
// for a body property its DTO does not declare. The specs never say `additionalProperties: false`, so this is
// checked here, for request bodies only (responses may carry more than the spec says): an object whose schema
// (with its $ref/allOf, and the anyOf/oneOf alternatives that can be objects) declares properties must carry
// no other property. Objects whose schema declares none, or allows more (additionalProperties true/a schema,
// patternProperties), are left alone. Alternatives are united (lenient): declared by any is declared.

interface Shape {
  /** Any property is allowed. */
  open: boolean;
  /** Declared property -> the schemas it must satisfy (several when branches declare it). */
  props: Map<string, Json[]>;
  /** Item schemas, for arrays. */
  items: Json[];
}

const OPEN_SHAPE: Shape = Object.freeze({ open: true, props: new Map(), items: [] }) as Shape;
const shapeCache = new WeakMap<object, Shape>();
const shapeInProgress = new WeakSet<object>();

function resolveRef(reg: Registry, ref: string): Json {
  const hash = ref.indexOf('#');
  const doc = reg.docsByUri.get(hash < 0 ? ref : ref.slice(0, hash));
  let node: Json = doc;
  for (const token of pointerTokens(hash < 0 ? '' : decodeURIComponent(ref.slice(hash + 1)))) node = node?.[token];
  return node;
}

function allowsType(s: Json, type: string): boolean {
  if (s.type === undefined) return true;
  return Array.isArray(s.type) ? s.type.includes(type) : s.type === type;
}

/** The shape of one schema node: its own keywords, its $ref target and its allOf parts, all together. */
function shapeOf(reg: Registry, schema: Json): Shape {
  if (!isObject(schema)) return OPEN_SHAPE;
  const cached = shapeCache.get(schema);
  if (cached) return cached;
  if (shapeInProgress.has(schema)) return OPEN_SHAPE; // a recursive schema: nothing more to say at this depth
  shapeInProgress.add(schema);
  try {
    const shape: Shape = { open: false, props: new Map(), items: [] };
    const addProp = (name: string, sub: Json) => {
      if (!shape.props.has(name)) shape.props.set(name, []);
      shape.props.get(name)!.push(sub);
    };
    let declaresObject = false;
    const parts: Json[] = [schema];
    const seen = new Set<object>();
    for (let i = 0; i < parts.length; i++) {
      const s = parts[i];
      if (!isObject(s) || seen.has(s)) continue;
      seen.add(s);
      if (typeof s.$ref === 'string') parts.push(resolveRef(reg, s.$ref));
      if (Array.isArray(s.allOf)) parts.push(...s.allOf);
      if (s.items !== undefined) shape.items.push(...(Array.isArray(s.items) ? s.items : [s.items]));
      if (s.additionalProperties === true || isObject(s.additionalProperties) || isObject(s.patternProperties)) shape.open = true;
      if (isObject(s.properties) && Object.keys(s.properties).length) {
        declaresObject = true;
        for (const [name, sub] of Object.entries<Json>(s.properties)) addProp(name, sub);
      }
      for (const k of ['anyOf', 'oneOf']) {
        if (!Array.isArray(s[k])) continue;
        const alternatives = s[k].filter((a: Json) => isObject(a) && allowsType(a, 'object'));
        for (const a of alternatives) {
          const sub = shapeOf(reg, a);
          if (sub.open) shape.open = true;
          else declaresObject = true;
          for (const [name, subs] of sub.props) for (const x of subs) addProp(name, x);
        }
        for (const a of s[k].filter((x: Json) => isObject(x) && allowsType(x, 'array'))) shape.items.push(...shapeOf(reg, a).items);
      }
    }
    if (!declaresObject) shape.open = true;
    shapeCache.set(schema, shape);
    return shape;
  } finally {
    shapeInProgress.delete(schema);
  }
}

/** Adds `<where>/<name> is not declared by the spec` for every undeclared property in `data`, at any depth. */
function undeclaredProperties(reg: Registry, data: unknown, schemas: Json[], where: string, errors: string[]): void {
  if (Array.isArray(data)) {
    const items = schemas.flatMap((s) => shapeOf(reg, s).items);
    if (items.length) data.forEach((item, i) => undeclaredProperties(reg, item, items, `${where}/${i}`, errors));
    return;
  }
  if (!isObject(data) || !schemas.length) return;
  const shapes = schemas.map((s) => shapeOf(reg, s));
  const open = shapes.some((s) => s.open);
  for (const [name, value] of Object.entries(data)) {
    const subs = shapes.flatMap((s) => s.props.get(name) ?? []);
    if (!subs.length) {
      if (!open) errors.push(`${where}/${escapeToken(name)} is not declared by the spec`);
      continue;
    }
    undeclaredProperties(reg, value, subs, `${where}/${escapeToken(name)}`, errors);
  }
}

/** The response entry for a status: exact, then '2XX'-style, then (for 2xx) 'default' or the first 2xx. */
function responseKeyFor(internal: OpInternal, status: number): string | undefined {
  const responses: Json = internal.raw.responses ?? {};
  const s = String(status);
  if (responses[s]) return s;
  const range = `${s[0]}XX`;
  const rangeKey = Object.keys(responses).find((k) => k.toUpperCase() === range);
  if (rangeKey) return rangeKey;
  if (status >= 200 && status < 300) {
    if (responses.default) return 'default';
    return Object.keys(responses).find((k) => /^2/.test(k));
  }
  return undefined;
}

function responseSchema(internal: OpInternal, key: string): JsonSchema | undefined {
  const content: Json = internal.raw.responses?.[key]?.content;
  if (!isObject(content)) return undefined;
  const type = Object.keys(content).find((t) => /json/i.test(t));
  const schema = type ? content[type]?.schema : undefined;
  return isObject(schema) ? schema : undefined;
}

function responseValidator(reg: Registry, internal: OpInternal, key: string): ValidateFunction | null {
  if (!internal.vResponse.has(key)) {
    const schema = responseSchema(internal, key);
    internal.vResponse.set(key, schema ? compileOrThrow(reg.ajv, schema, `response ${key} of ${describe(internal.op)}`) : null);
  }
  return internal.vResponse.get(key)!;
}

// ---------------------------------------------------------------------------------------------------------
// Public API

function describe(op: SpecOperation): string {
  return `${op.method} ${op.pathTemplate} (${op.specFile} ${op.operationId})`;
}

/** The operation a request to `method path` (path may carry a query string) is routed to. */
export function findOperation(method: string, requestPath: string): SpecOperation | undefined {
  const { pathname } = splitUrl(requestPath);
  return matchPath(method, pathname)?.internal.op;
}

export function findOperationById(specFile: string, operationId: string): SpecOperation | undefined {
  return load().byId.get(`${specFile}#${operationId}`)?.op;
}

export function listOperations(): SpecOperation[] {
  return load().ops.map((o) => o.op);
}

/** The deviations applied to an operation (see contract/deviations.ts). */
export function deviationsFor(op: SpecOperation): SpecDeviation[] {
  return [...(internalOf(op)?.deviations ?? [])];
}

function internalOf(op: SpecOperation): OpInternal | undefined {
  return load().byId.get(`${op.specFile}#${op.operationId}`) ?? load().byTemplate.get(templateKey(op.method, op.pathTemplate));
}

function splitUrl(url: string): { pathname: string; searchParams: URLSearchParams } {
  // A path is appended to a dummy origin (not resolved against it), so '//contacts' stays a path.
  const u = /^[a-z][a-z0-9+.-]*:/i.test(url) ? new URL(url) : new URL(`http://contract.local${url.startsWith('/') ? '' : '/'}${url}`);
  return { pathname: u.pathname, searchParams: u.searchParams };
}

function headerLookup(headers: ContractRequest['headers']): (name: string) => string | undefined {
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined) continue;
    map.set(k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v));
  }
  return (name) => map.get(name.toLowerCase());
}

function isEmptyBody(body: unknown): boolean {
  return (
    body === undefined ||
    body === null ||
    (typeof body === 'string' && body.trim() === '') ||
    (isObject(body) && Object.keys(body).length === 0)
  );
}

export function checkRequest(req: ContractRequest): ContractResult {
  const reg = load();
  const method = String(req.method ?? '').toUpperCase();
  let pathname: string;
  let searchParams: URLSearchParams;
  try {
    ({ pathname, searchParams } = splitUrl(req.url));
  } catch {
    return { ok: false, errors: [`invalid URL ${JSON.stringify(req.url)}`] };
  }
  const match = matchPath(method, pathname);
  if (!match) return { ok: false, errors: [`no operation ${method} ${pathname} in the specs`] };
  const { internal, params } = match;
  const errors: string[] = [];
  const header = headerLookup(req.headers);

  // --- path parameters: every template parameter non-empty (declared or not), declared schemas respected
  for (const p of internal.pathParams) {
    if (!params[p.name]) errors.push(`path.${p.name} must not be empty`);
    else if (!p.declared) errors.push(`path.${p.name} is not declared by the spec (add a deviation if the spec is wrong)`);
  }
  const vPath = pathValidator(reg, internal);
  if (vPath) {
    const values = Object.fromEntries(internal.pathParams.filter((p) => params[p.name]).map((p) => [p.name, params[p.name]]));
    if (!vPath(values)) errors.push(...formatErrors('path', vPath.errors, '.').filter((e) => !/ is required$/.test(e)));
  }

  // --- query parameters
  const query: Record<string, unknown> = {};
  const known = new Map(internal.queryParams.map((p) => [p.name, p]));
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    const p = known.get(key);
    if (!p) {
      errors.push(`query.${key} is not declared by the spec`);
      continue;
    }
    const isArray = (p.schema as Json).type === 'array';
    if (isArray && p.explode === false) query[key] = values.flatMap((v) => v.split(','));
    else query[key] = values.length === 1 ? values[0] : values;
  }
  const vQuery = queryValidator(reg, internal);
  if (vQuery && !vQuery(query)) errors.push(...formatErrors('query', vQuery.errors, '.'));

  // --- headers: declared header parameters (Version, sometimes Authorization), then security
  for (const p of internal.headerParams) {
    if (p.name.toLowerCase() === 'authorization') continue; // checked below, with the security block
    const value = header(p.name);
    if (value === undefined || value === '') {
      if (p.required)
        errors.push(`header ${p.name} is required${p.name === 'Version' && internal.op.version ? ` (${internal.op.version})` : ''}`);
      continue;
    }
    const allowed = (p.schema as Json).enum;
    if (Array.isArray(allowed) && !allowed.map(String).includes(value)) {
      errors.push(`header ${p.name} must be one of ${allowed.join(', ')} (got ${value})`);
    }
  }
  if (internal.requiresAuth) {
    const auth = header('authorization');
    if (auth === undefined || auth === '') errors.push('header Authorization is required (Bearer token)');
    else if (!/^Bearer\s+\S+/i.test(auth)) errors.push('header Authorization must be "Bearer <token>"');
  }

  // --- body
  const b = internal.body;
  let body = req.body;
  if (!b) {
    if (!isEmptyBody(body)) errors.push(`body: the spec declares no request body for ${internal.op.method} ${internal.op.pathTemplate}`);
  } else {
    const isJson = /json/i.test(b.contentType);
    const isForm = /x-www-form-urlencoded/i.test(b.contentType);
    const isMultipart = /multipart\/form-data/i.test(b.contentType);
    const contentTypeHeader = header('content-type');
    if (contentTypeHeader && body !== undefined) {
      if (isJson && !/json/i.test(contentTypeHeader))
        errors.push(`header Content-Type must be ${b.contentType} (got ${contentTypeHeader})`);
      if (isForm && !/x-www-form-urlencoded/i.test(contentTypeHeader)) {
        errors.push(`header Content-Type must be ${b.contentType} (got ${contentTypeHeader})`);
      }
    }
    if (isMultipart && !isEmptyBody(body)) {
      const boundary = boundaryOf(contentTypeHeader ?? '');
      if (!boundary) errors.push(`header Content-Type must be multipart/form-data with a boundary (got ${contentTypeHeader ?? 'none'})`);
      // A raw body (Buffer or string) is parsed here; the sandbox hands over the parts it parsed itself.
      if (Buffer.isBuffer(body) || typeof body === 'string') {
        try {
          body = boundary ? parseMultipart(Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), contentTypeHeader!) : undefined;
        } catch (err) {
          errors.push(`body: ${(err as Error).message}`);
          body = undefined;
        }
      }
    }
    if (isJson && typeof body === 'string') {
      try {
        body = body.trim() === '' ? undefined : JSON.parse(body);
      } catch {
        errors.push('body must be JSON');
        body = undefined;
      }
    }
    if (isForm) {
      if (typeof body === 'string') body = Object.fromEntries(new URLSearchParams(body));
      else if (body instanceof URLSearchParams) body = Object.fromEntries(body);
    }
    if (body === undefined || body === null) {
      if (b.required) errors.push('body is required');
    } else if (isMultipart) {
      multipartErrors(reg, internal, body, errors);
    } else if (isJson || isForm) {
      const vBody = bodyValidator(reg, internal);
      if (vBody && !vBody(isForm ? clone(body) : body)) errors.push(...formatErrors('body', vBody.errors));
      // HighLevel validates bodies with forbidNonWhitelisted: a property its DTO lacks is a 422
      if (isObject(b.schema)) undeclaredProperties(reg, body, [b.schema], 'body', errors);
    }
  }

  return { ok: errors.length === 0, operation: internal.op, errors };
}

/** How a multipart form's parts must be sent: by declared name, and for any other name. */
interface PartKinds {
  props: Map<string, 'file' | 'text'>;
  /** Undeclared names: refused ('none'), or taken as file or text parts (additionalProperties). */
  other: 'file' | 'text' | 'none';
}

const isBinary = (reg: Registry, s: Json): boolean => {
  const r = isObject(s) && typeof s.$ref === 'string' ? resolveRef(reg, s.$ref) : s;
  if (!isObject(r)) return false;
  if (r.format === 'binary') return true;
  return allowsType(r, 'array') && r.items !== undefined && isBinary(reg, r.items);
};

function partKinds(reg: Registry, schema: Json): PartKinds {
  const parts: Json[] = [schema];
  const kinds: PartKinds = { props: new Map(), other: 'none' };
  for (let i = 0; i < parts.length; i++) {
    let s = parts[i];
    if (isObject(s) && typeof s.$ref === 'string') s = { ...resolveRef(reg, s.$ref), ...s, $ref: undefined };
    if (!isObject(s)) continue;
    if (Array.isArray(s.allOf)) parts.push(...s.allOf);
    for (const [name, sub] of Object.entries<Json>(s.properties ?? {})) kinds.props.set(name, isBinary(reg, sub) ? 'file' : 'text');
    if (s.additionalProperties === true || (s.additionalProperties === undefined && !isObject(s.properties)))
      kinds.other = kinds.other === 'file' ? 'file' : 'text';
    else if (isObject(s.additionalProperties)) kinds.other = isBinary(reg, s.additionalProperties) ? 'file' : 'text';
  }
  return kinds;
}

/**
 * A multipart/form-data body (parts by name: text as strings, files as FilePart, repeated names as arrays) against
 * the spec's form schema: every part declared (or allowed by additionalProperties), file parts where the schema
 * says `format: binary` and text parts elsewhere, then the schema itself (required parts, types with coercion,
 * enums, patterns) with each file standing in as a string.
 */
function multipartErrors(reg: Registry, internal: OpInternal, body: unknown, errors: string[]): void {
  if (!isObject(body) || Array.isArray(body)) {
    errors.push('body must be multipart/form-data parts');
    return;
  }
  const schema = internal.body?.schema;
  if (!isObject(schema)) return;
  const kinds = partKinds(reg, schema);
  const asData: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    const kind = kinds.props.get(name) ?? kinds.other;
    const values = Array.isArray(value) ? value : [value];
    if (kind === 'none') errors.push(`body/${name} is not declared by the spec`);
    else if (kind === 'file' && !values.every(isFilePart)) errors.push(`body/${name} must be a file part (with a filename)`);
    else if (kind === 'text' && values.some(isFilePart)) errors.push(`body/${name} must be a text part, not a file`);
    const data = values.map((v) => (isFilePart(v) ? `(file ${v.filename})` : v));
    asData[name] = Array.isArray(value) ? data : data[0];
  }
  const vBody = bodyValidator(reg, internal);
  if (vBody && !vBody(asData)) errors.push(...formatErrors('body', vBody.errors));
}

/**
 * Validates a response body against the schema the spec declares for `status` (or, for a 2xx status the
 * spec does not list, its 'default' / first 2xx response). ok when the spec declares no JSON schema.
 * `pathOrTemplate` is either a spec template ('/contacts/{contactId}') or a concrete path.
 */
export function checkResponse(method: string, pathOrTemplate: string, status: number, body: unknown): ContractResult {
  const reg = load();
  const m = method.toUpperCase();
  const { pathname } = splitUrl(pathOrTemplate);
  const internal = reg.byTemplate.get(templateKey(m, safeDecode(pathname))) ?? matchPath(m, pathname)?.internal;
  if (!internal) return { ok: false, errors: [`no operation ${m} ${pathOrTemplate} in the specs`] };
  const key = responseKeyFor(internal, status);
  if (!key) return { ok: true, operation: internal.op, errors: [] };
  const v = responseValidator(reg, internal, key);
  if (!v || v(body)) return { ok: true, operation: internal.op, errors: [] };
  return { ok: false, operation: internal.op, errors: formatErrors('response', v.errors) };
}

/** The request-body / response schemas (deviations applied) of an operation, e.g. for a sandbox or a test. */
export function operationSchemas(op: SpecOperation): { requestBody?: JsonSchema; responses: Record<string, JsonSchema | undefined> } {
  const internal = internalOf(op);
  if (!internal) throw new Error(`contract/openapi: unknown operation ${describe(op)}`);
  const responses: Record<string, JsonSchema | undefined> = {};
  for (const key of Object.keys(internal.raw.responses ?? {})) responses[key] = responseSchema(internal, key);
  return { requestBody: internal.body?.schema, responses };
}

/**
 * Compiles every request-body, parameter and response schema of every operation (normally done lazily).
 * Returns the failures instead of throwing, and how long loading + compiling took.
 */
export function compileAllSchemas(): { operations: number; compiled: number; failures: string[]; loadMs: number; compileMs: number } {
  const reg = load();
  const started = process.hrtime.bigint();
  const failures: string[] = [];
  let compiled = 0;
  const attempt = (fn: () => unknown) => {
    try {
      if (fn()) compiled++;
    } catch (err) {
      failures.push((err as Error).message);
    }
  };
  for (const internal of reg.ops) {
    attempt(() => queryValidator(reg, internal));
    attempt(() => pathValidator(reg, internal));
    attempt(() => bodyValidator(reg, internal));
    for (const key of Object.keys(internal.raw.responses ?? {})) attempt(() => responseValidator(reg, internal, key));
  }
  return {
    operations: reg.ops.length,
    compiled,
    failures,
    loadMs: reg.loadMs,
    compileMs: Number(process.hrtime.bigint() - started) / 1e6,
  };
}

/** One parameter of an operation as the checker models it. */
export interface OperationParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** Normalized JSON Schema (absolute `$ref`s: resolve with resolveSchemaRef). */
  schema: JsonSchema;
  description?: string;
  example?: unknown;
  /** false for a path parameter only the template names (no declaration, no deviation). */
  declared: boolean;
}

/**
 * An operation's inputs with deviations applied, for generators (scripts/apiRequestArtifacts.ts): its summary,
 * parameters (path ones taken from the template, declared or not), request body and security scheme names.
 */
export function operationInputs(op: SpecOperation): {
  summary?: string;
  description?: string;
  deprecated: boolean;
  securitySchemes: string[];
  parameters: OperationParameter[];
  body?: { contentType: string; schema?: JsonSchema; required: boolean };
} {
  const internal = internalOf(op);
  if (!internal) throw new Error(`contract/openapi: unknown operation ${describe(op)}`);
  const rawParams: Json[] = (internal.raw.parameters ?? []).filter(isObject);
  const extra = (p: ParamInfo): OperationParameter => {
    const raw = rawParams.find((r) => r.in === p.in && String(r.name) === p.name);
    return { ...p, description: raw?.description, example: raw?.example ?? (p.schema as Json).example, declared: p.declared };
  };
  const security: Json[] = Array.isArray(internal.raw.security) ? internal.raw.security : [];
  return {
    summary: internal.raw.summary,
    description: internal.raw.description,
    deprecated: internal.raw.deprecated === true,
    securitySchemes: [...new Set(security.filter(isObject).flatMap((s) => Object.keys(s)))].sort(),
    parameters: [...internal.pathParams, ...internal.queryParams, ...internal.headerParams].map(extra),
    body: internal.body,
  };
}

/** The schema an absolute `$ref` of a normalized spec points to (see operationInputs / operationSchemas). */
export function resolveSchemaRef(ref: string): JsonSchema {
  return resolveRef(load(), ref);
}
