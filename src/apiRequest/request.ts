import type { Bundle, ZObject } from 'zapier-platform-core';
import { Endpoint } from '../api/endpoint';
import { RequestParts } from '../client';
import { ApiVersion } from '../config';
import { connectionFor } from '../connection';
import { describeIssues, InputIssue, isBlank } from '../fields/field';
import { zod } from '../fields/values';
import { IndexOperation } from './artifacts';
import type { GenDetail, GenField } from './types';

// Turns a step's input into the request of one spec operation, validating every value against what the spec
// declares (required, type, enum, JSON schema) first: a bad value fails with the field named and nothing sent.

const TRUE = new Set(['true', 'yes', 'y', '1', 'on']);
const FALSE = new Set(['false', 'no', 'n', '0', 'off']);

/** The endpoint the app's client needs for a spec operation (scope named in a 403; Version from the spec). */
export function endpointOf(op: IndexOperation): Endpoint {
  return {
    operationId: op.operationId,
    specFile: `${op.area}.json`,
    method: op.method,
    path: op.path,
    scope: op.scopes[0] ?? '',
    version: op.version as ApiVersion,
    ...(op.agencyOnly ? { agencyOnly: true } : {}),
  };
}

type Converted = { ok: true; value: unknown } | { ok: false; message: string };

function scalar(field: Pick<GenField, 't' | 'c'>, raw: unknown): Converted {
  let value: unknown = raw;
  const text = typeof raw === 'string' ? raw.trim() : raw;
  switch (field.t) {
    case 'integer':
      if (typeof text === 'number' && Number.isInteger(text)) value = text;
      else if (typeof text === 'string' && /^-?\d+$/.test(text)) value = Number(text);
      else return { ok: false, message: 'must be a whole number' };
      break;
    case 'number':
      if (typeof text === 'number' && Number.isFinite(text)) value = text;
      else if (typeof text === 'string' && text !== '' && Number.isFinite(Number(text))) value = Number(text);
      else return { ok: false, message: 'must be a number' };
      break;
    case 'boolean':
      if (typeof text === 'boolean') value = text;
      else if (typeof text === 'string' && TRUE.has(text.toLowerCase())) value = true;
      else if (typeof text === 'string' && FALSE.has(text.toLowerCase())) value = false;
      else return { ok: false, message: 'must be true or false' };
      break;
    case 'datetime': {
      const ms =
        typeof text === 'number' ? text : typeof text === 'string' ? (/^\d{12,14}$/.test(text) ? Number(text) : Date.parse(text)) : NaN;
      if (!Number.isFinite(ms)) return { ok: false, message: 'must be a date and time, e.g. 2026-01-31T15:00:00Z' };
      value = new Date(ms).toISOString();
      break;
    }
    default:
      if (typeof text === 'object' && text !== null) return { ok: false, message: 'must be text' };
      value = String(text);
  }
  if (field.c && !field.c.some((choice) => String(choice) === String(value))) {
    return { ok: false, message: `must be one of: ${field.c.join(', ')}` };
  }
  // An enum of numbers or booleans: send the spec's own value, not its text.
  if (field.c) value = field.c.find((choice) => String(choice) === String(value));
  return { ok: true, value };
}

const schemas = new WeakMap<object, ReturnType<ReturnType<typeof zod>['fromJSONSchema']>>();

/** A JSON field: parsed, then checked against the schema the spec declares (zod, built on first use). */
function json(field: GenField, raw: unknown): Converted {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      return { ok: false, message: `must be valid JSON (${(error as Error).message})` };
    }
  }
  if (!field.s) return { ok: true, value };
  let schema = schemas.get(field.s);
  if (!schema) schemas.set(field.s, (schema = zod().fromJSONSchema(field.s as any)));
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value };
  const issues = result.error.issues.slice(0, 3).map((i) => `${i.path.length ? `at ${i.path.join('.')}: ` : ''}${i.message}`);
  return { ok: false, message: `does not match HighLevel's schema (${issues.join('; ')})` };
}

function listOf(field: GenField, raw: unknown): Converted {
  const items = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [raw]).filter((v) => !isBlank(v));
  const out: unknown[] = [];
  for (const item of items) {
    const converted = scalar(field, item);
    if (!converted.ok) return { ok: false, message: `has an item that ${converted.message}` };
    out.push(converted.value);
  }
  return { ok: true, value: out };
}

/** Line items: Zapier hands them over as a list of objects keyed by the child fields (a JSON list is accepted too). */
function lineItems(field: GenField, raw: unknown): Converted {
  let rows = raw;
  if (typeof raw === 'string') {
    try {
      rows = JSON.parse(raw);
    } catch {
      return { ok: false, message: 'must be line items or a JSON list' };
    }
  }
  if (!Array.isArray(rows)) rows = [rows];
  const out: Array<Record<string, unknown>> = [];
  for (const [i, row] of (rows as unknown[]).entries()) {
    if (!row || typeof row !== 'object' || Array.isArray(row)) return { ok: false, message: `line ${i + 1} must be an object` };
    // A row of blanks is no row (Zapier's unmapped line-item group): its required children are not asked for.
    if (Object.values(row).every(isBlank)) continue;
    const item: Record<string, unknown> = {};
    for (const child of field.ch ?? []) {
      const value = (row as Record<string, unknown>)[child.k];
      if (isBlank(value)) {
        if (child.r) return { ok: false, message: `line ${i + 1}: ${child.l} is required` };
        continue;
      }
      const converted = child.li ? listOf(child, value) : scalar(child, value);
      if (!converted.ok) return { ok: false, message: `line ${i + 1}: ${child.l} ${converted.message}` };
      item[child.p[0]] = converted.value;
    }
    if (Object.keys(item).length) out.push(item);
  }
  return { ok: true, value: out };
}

function convert(field: GenField, raw: unknown): Converted {
  if (field.ch) return lineItems(field, raw);
  if (field.t === 'json') return json(field, raw);
  if (field.li) return listOf(field, raw);
  return scalar(field, raw);
}

function setPath(target: Record<string, unknown>, names: string[], value: unknown) {
  let node = target;
  for (const name of names.slice(0, -1)) node = (node[name] ??= {}) as Record<string, unknown>;
  node[names[names.length - 1]] = value;
}

/** A form part of a multipart operation before its files are downloaded: text, or the URL of a file. */
export type FormInput = { name: string; value: string } | { name: string; url: string; field: string };

/** The request parts of a spec operation; a multipart one carries its `form` (files still as URLs) instead of a body. */
export type ApiRequestParts = RequestParts & { form?: FormInput[] };

/** A file field's value: the URL Zapier hands over for a file (or one the user typed), http(s) only. */
function fileUrl(raw: unknown): Converted {
  const text = typeof raw === 'string' ? raw.trim() : '';
  let ok = false;
  try {
    ok = /^https?:$/.test(new URL(text).protocol);
  } catch {
    ok = false;
  }
  return ok ? { ok: true, value: text } : { ok: false, message: 'must be a file from an earlier step or a public URL (http or https)' };
}

/**
 * A list of file URLs as Zapier or the user gives it: a list, a JSON list, or text with one URL per line or
 * URLs separated by commas. Text is split only at a comma followed by the start of another URL (`, https://`),
 * so a URL that holds a comma itself (`…/a,b.pdf`, a signed URL's parameters) stays whole.
 */
export function fileUrls(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (typeof raw !== 'string') return [raw];
  const text = raw.trim();
  if (text.startsWith('[')) {
    try {
      const list = JSON.parse(text);
      if (Array.isArray(list)) return list;
    } catch {
      // Not JSON: read as text below (fileUrl names the item that is no URL).
    }
  }
  return text.split(/\s*[\r\n]+\s*|\s*,\s*(?=https?:\/\/)/i);
}

/** A value as the text of a form part (lists: one part per item, with the same name). */
const partTexts = (value: unknown): string[] =>
  (Array.isArray(value) && !(value as unknown[]).some((v) => v && typeof v === 'object') ? (value as unknown[]) : [value]).map((v) =>
    typeof v === 'string' ? v : JSON.stringify(v),
  );

/** A multipart field's parts (files as URLs), or an issue. */
function formParts(field: GenField, raw: unknown): { ok: true; parts: FormInput[] } | { ok: false; message: string } {
  const label = `${field.l} (${field.k})`;
  if (field.nf) {
    let rows = raw;
    if (typeof raw === 'string') {
      try {
        rows = JSON.parse(raw);
      } catch {
        return { ok: false, message: 'must be line items of part name and file' };
      }
    }
    const parts: FormInput[] = [];
    for (const [i, row] of (Array.isArray(rows) ? rows : [rows]).entries()) {
      if (!row || typeof row !== 'object') return { ok: false, message: `line ${i + 1} must have a part name and a file` };
      const { partName, file } = row as Record<string, unknown>;
      if (isBlank(partName) && isBlank(file)) continue;
      if (isBlank(partName)) return { ok: false, message: `line ${i + 1}: Part Name is required` };
      if (typeof partName !== 'string') return { ok: false, message: `line ${i + 1}: Part Name must be text` };
      if (isBlank(file)) return { ok: false, message: `line ${i + 1}: File is required` };
      const url = fileUrl(file);
      if (!url.ok) return { ok: false, message: `line ${i + 1}: File ${url.message}` };
      parts.push({ name: partName.trim(), url: url.value as string, field: `${label} line ${i + 1}` });
    }
    return { ok: true, parts };
  }
  if (field.t === 'file') {
    const values = field.li ? fileUrls(raw).filter((v) => !isBlank(v)) : [raw];
    const parts: FormInput[] = [];
    for (const value of values) {
      const url = fileUrl(value);
      if (!url.ok) return { ok: false, message: url.message };
      parts.push({ name: field.p[0], url: url.value as string, field: label });
    }
    return { ok: true, parts };
  }
  const converted = convert(field, raw);
  if (!converted.ok) return converted;
  return { ok: true, parts: partTexts(converted.value).map((value) => ({ name: field.p[0], value })) };
}

/** What the connection supplies for fields the user left blank. */
export interface Defaults {
  locationId?: string;
  companyId?: string;
}

/**
 * Validates `input` against the operation's fields and builds the request parts (for an upload, its form parts
 * with each file still a URL, for the caller to download). Throws InvalidInput naming every bad field
 * (`Limit (query_limit) must be a whole number`, `File (body_file) is required`) before anything is sent.
 */
export function requestFor(
  z: ZObject,
  label: string,
  detail: GenDetail,
  input: Record<string, unknown>,
  defaults: Defaults,
): ApiRequestParts {
  const issues: InputIssue[] = [];
  const parts: { path: Record<string, string>; query: Record<string, unknown>; body?: unknown; form?: FormInput[] } = {
    path: {},
    query: {},
  };
  const multipart = detail.body === 'multipart';
  const form: FormInput[] = [];
  const body: Record<string, unknown> = {};
  const altType = String(input[detail.fields.find((f) => f.f === 'altType')?.k ?? ''] ?? '').trim() || 'location';
  let wholeBody: unknown;
  for (const field of detail.fields) {
    if (field.o && field.in === 'body') body[field.p[0]] ??= {};
    let raw = input[field.k];
    if (isBlank(raw) && field.f) {
      const fill = {
        location: defaults.locationId,
        company: defaults.companyId,
        alt: altType === 'location' ? defaults.locationId : defaults.companyId,
        altType,
      }[field.f];
      raw = fill;
    }
    if (isBlank(raw) && field.d !== undefined && field.r) raw = field.d;
    if (isBlank(raw)) {
      if (field.r) issues.push({ key: field.k, label: field.l, message: 'is required' });
      continue;
    }
    if (multipart && field.in === 'body') {
      const added = formParts(field, raw);
      if (!added.ok) issues.push({ key: field.k, label: field.l, message: added.message });
      else if (!added.parts.length && field.r) issues.push({ key: field.k, label: field.l, message: 'is required' });
      else form.push(...added.parts);
      continue;
    }
    const converted = convert(field, raw);
    if (!converted.ok) {
      issues.push({ key: field.k, label: field.l, message: converted.message });
      continue;
    }
    // Optional line items whose every row is blank (Zapier's unmapped line-item group) are absent, not an empty
    // list that would replace the record's items on an update. (A required list may be empty where the spec allows.)
    if (field.ch && !field.r && Array.isArray(converted.value) && !converted.value.length) continue;
    if (field.in === 'path') parts.path[field.p[0]] = String(converted.value);
    else if (field.in === 'query') parts.query[field.p[0]] = converted.value;
    else if (!field.p.length) wholeBody = converted.value;
    else setPath(body, field.p, converted.value);
  }
  if (issues.length) throw new z.errors.Error(`${label}: invalid input. ${describeIssues(issues)}.`, 'InvalidInput', 400);
  if (multipart) parts.form = form;
  else if (wholeBody !== undefined) parts.body = wholeBody;
  else if (detail.fields.some((f) => f.in === 'body')) parts.body = body;
  return parts;
}

/** The location and company the connection (or, on an agency connection, the step's Location field) supplies. */
export async function connectionDefaults(z: ZObject, bundle: Bundle): Promise<Defaults> {
  const connection = await connectionFor(z, bundle);
  return { locationId: connection.locationId, companyId: connection.companyId };
}
