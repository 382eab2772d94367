import { findOperationById, operationInputs, resolveSchemaRef } from '../../contract/openapi';
import { IndexOperation, loadDetail, loadIndex } from '../../src/apiRequest/artifacts';
import type { GenField } from '../../src/apiRequest/types';

// Step input for an API Request operation, synthesised from the operation's own schema (the spec, deviations
// applied): every required field gets a value its schema accepts, as Zapier would hand it over (text, lists,
// line items, JSON text). Fields the connection fills are left blank, except where the connection cannot fill
// them (an agency connection has no location of its own).

type Json = Record<string, any>;

export const TEST_LOCATION = 'loc_5Yc1sLr8xq';

/** The file synthesised inputs upload unless told otherwise (tests serve it with nock). */
export const TEST_FILE_URL = 'https://files.example.com/uploads/contacts.csv';
export const TEST_FILE_CONTENT = 'name,email\nRosa,rosa@example.com\n';

function resolve(schema: Json | undefined, seen: string[] = []): Json {
  let s: Json = schema ?? {};
  while (typeof s.$ref === 'string' && !seen.includes(s.$ref)) {
    seen = [...seen, s.$ref];
    const { $ref, ...rest } = s;
    s = { ...resolveSchemaRef($ref), ...rest };
  }
  if (Array.isArray(s.allOf)) {
    const merged: Json = { ...s, allOf: undefined };
    for (const part of s.allOf.map((p: Json) => resolve(p, seen))) {
      merged.properties = { ...(merged.properties ?? {}), ...(part.properties ?? {}) };
      merged.required = [...(merged.required ?? []), ...(part.required ?? [])];
      for (const [k, v] of Object.entries(part)) if (merged[k] === undefined) merged[k] = v;
    }
    delete merged.allOf;
    s = merged;
  }
  return s;
}

const typeOf = (s: Json): string | undefined => {
  const types = (Array.isArray(s.type) ? s.type : [s.type]).filter((t: unknown) => t && t !== 'null');
  if (types.length) return types[0];
  if (s.properties) return 'object';
  if (Array.isArray(s.enum)) return typeof s.enum.find((v: unknown) => v !== null);
  return undefined;
};

function stringFor(s: Json, name: string): string {
  if (typeof s.example === 'string' && s.pattern && new RegExp(s.pattern).test(s.example)) return s.example;
  const byFormat: Record<string, string> = {
    email: 'rosa@example.com',
    uri: 'https://example.com/a',
    url: 'https://example.com/a',
    date: '2026-01-31',
    'date-time': '2026-01-31T15:00:00.000Z',
    uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    time: '15:00:00',
  };
  let value =
    byFormat[s.format] ??
    (/(url|link)$/i.test(name)
      ? 'https://example.com/a'
      : /email$/i.test(name)
        ? 'rosa@example.com'
        : // A phone input (by the spec's name and description, src/apiRequest/interpret.ts) must be a possible number.
          /(phone|phoneNo|phones|numbers?)$/i.test(name) || /^(the |a )?phone number\b/i.test(String(s.description ?? '').trim())
          ? '+15550100199'
          : 'abc123');
  if (s.pattern && !new RegExp(s.pattern).test(value) && typeof s.example === 'string') value = s.example;
  if (typeof s.minLength === 'number' && value.length < s.minLength) value = value.padEnd(s.minLength, 'x');
  if (typeof s.maxLength === 'number' && value.length > s.maxLength) value = value.slice(0, s.maxLength);
  return value;
}

function numberFor(s: Json): number {
  let n = 1;
  if (typeof s.minimum === 'number') n = Math.max(n, s.minimum);
  if (typeof s.exclusiveMinimum === 'number') n = Math.max(n, s.exclusiveMinimum + 1);
  if (typeof s.maximum === 'number') n = Math.min(n, s.maximum);
  return n;
}

/** A value the schema accepts: enum, then default, then one by type and format (objects: required properties only). */
export function synthesize(schema: Json | undefined, name = '', depth = 0): unknown {
  const s = resolve(schema);
  if (depth > 24) return {};
  if (Array.isArray(s.enum)) {
    const first = s.enum.find((v: unknown) => v !== null && v !== '');
    if (first !== undefined) return first;
  }
  if (s.default !== undefined && s.default !== null && typeof s.default !== 'object') return s.default;
  for (const key of ['anyOf', 'oneOf']) if (Array.isArray(s[key]) && s[key].length) return synthesize(s[key][0], name, depth + 1);
  switch (typeOf(s)) {
    case 'string':
      return stringFor(s, name);
    case 'integer':
      return Math.ceil(numberFor(s));
    case 'number':
      return numberFor(s);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => synthesize(s.items, name, depth + 1));
    case 'object': {
      const out: Json = {};
      for (const prop of s.required ?? [])
        if (s.properties?.[prop] !== undefined) out[prop] = synthesize(s.properties[prop], prop, depth + 1);
      return out;
    }
    default:
      return 'abc123';
  }
}

/** The spec schema behind a generated field (a parameter's, or the body property at its path). */
function schemaOf(op: IndexOperation, field: GenField): Json | undefined {
  const spec = findOperationById(`${op.area}.json`, op.operationId);
  if (!spec) throw new Error(`no spec operation for ${op.key}`);
  const inputs = operationInputs(spec);
  if (field.in !== 'body') return inputs.parameters.find((p) => p.in === field.in && p.name === field.p[0])?.schema;
  let s: Json | undefined = resolve(inputs.body?.schema);
  for (const name of field.p) s = resolve(s?.properties?.[name]);
  return s;
}

/** As Zapier hands a value over: text for scalars, arrays for lists, JSON text for JSON fields. */
const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The step input for `op`: area, operation and a value for every required field (optional ones too when `all`).
 * `agency`: the step runs on an agency connection (agency-only operations), which fills no location.
 */
export function synthesizedInput(
  op: IndexOperation,
  options: { agency?: boolean; all?: boolean; fileUrl?: string } = {},
): Record<string, unknown> {
  const input: Record<string, unknown> = { area: op.area, operation: op.key };
  // Files are URLs, as Zapier hands them over: the test serves this one (nock or a loopback server).
  const fileUrl = options.fileUrl ?? TEST_FILE_URL;
  for (const field of loadDetail(op).fields) {
    const fillable = field.f && !(options.agency && (field.f === 'location' || field.f === 'alt'));
    if ((!field.r && !options.all) || fillable) continue;
    if (field.nf) {
      input[field.k] = [{ partName: 'abc123_file1', file: fileUrl }];
      continue;
    }
    if (field.t === 'file') {
      input[field.k] = field.li ? [fileUrl] : fileUrl;
      continue;
    }
    const schema = schemaOf(op, field);
    if (field.f === 'location' || field.f === 'alt') input[field.k] = TEST_LOCATION;
    else if (field.ch) {
      const item = synthesize(resolve(schema).items) as Json;
      input[field.k] = [
        Object.fromEntries(
          field.ch
            .filter((c) => item[c.p[0]] !== undefined)
            .map((c) => [c.k, Array.isArray(item[c.p[0]]) ? item[c.p[0]] : asText(item[c.p[0]])]),
        ),
      ];
    } else if (field.t === 'json') input[field.k] = JSON.stringify(synthesize(schema, field.p[field.p.length - 1]));
    else if (field.li) input[field.k] = (synthesize(schema, field.p[field.p.length - 1]) as unknown[]).map(asText);
    else input[field.k] = asText(synthesize(schema, field.p[field.p.length - 1]));
  }
  return input;
}

/** Every operation the action offers (the index), in a stable order. */
export const indexOperations = (): IndexOperation[] => loadIndex().operations;
