import type { Bundle, ZObject } from 'zapier-platform-core';
import { Endpoint } from '../api/endpoint';
import { callHighLevel } from '../client';
import { API_VERSIONS, ApiVersion, apiBaseUrl, DEFAULT_API_VERSION } from '../config';
import { isAgencyConnection, requireAgency } from '../connection';
import { downloadFile } from '../download';
import { isBlank } from '../fields/field';
import { FormPart, multipartForm } from '../multipart';
import { IndexOperation, loadDetail, loadIndex, matchOperation } from './artifacts';
import { OPERATION } from './fields';
import { interpretGenerated } from './interpret';
import { connectionDefaults, endpointOf, FormInput, requestFor } from './request';

// What the API Request and Custom API Request steps do once their input passed the static checks: find the
// operation, validate and build the request, send it through the app's one client (token, agency location
// exchange, Version, 429s, error mapping) without following redirects, and shape the answer.

type Item = Record<string, unknown>;

const invalid = (z: ZObject, message: string) => new z.errors.Error(message, 'InvalidInput', 400);

/** The operation the step names; InvalidInput when it names none of the index's. */
export function chosenOperation(z: ZObject, input: Item): IndexOperation {
  const key = String(input[OPERATION] ?? '').trim();
  const op = loadIndex().byKey.get(key);
  if (!op)
    throw invalid(
      z,
      `API Request: invalid input. Operation (operation) must be one of HighLevel's API operations; choose one from the list (got "${key.slice(0, 80)}").`,
    );
  return op;
}

/** API Request: one spec operation, its inputs validated against the spec before anything is sent. */
export async function performApiRequest(z: ZObject, bundle: Bundle): Promise<Item> {
  const input = (bundle.inputData ?? {}) as Item;
  const op = chosenOperation(z, input);
  const label = `API Request (${op.summary})`;
  if (op.agencyOnly) requireAgency(z, bundle, label);
  const detail = loadDetail(op);
  // Phones and wall-clock date-times read as in every step (interpret.ts); the spec then checks every value.
  const typed = await interpretGenerated(z, bundle, label, detail, input);
  const { form, ...parts } = requestFor(z, label, detail, typed.input, await connectionDefaults(z, bundle));
  // An upload: every input was valid, so its files are downloaded now and sent as one multipart/form-data body.
  if (form) parts.rawBody = multipartForm(await downloaded(z, label, form));
  const response = await callHighLevel(z, bundle, endpointOf(op), parts, { raw: true, noRedirects: true });
  const output = await outputOf(z, response, `${op.method} ${op.path}`);
  // A phone extension has no field in HighLevel: reported, as every phone input's is (`<field key>Extension`).
  return { ...output, ...Object.fromEntries(Object.entries(typed.extensions).map(([key, ext]) => [`${key}Extension`, ext])) };
}

/**
 * The most file bytes one API Request upload sends, all its files together: HighLevel's largest documented upload
 * limit (forms.json upload-to-custom-fields: "There is support for multiple file uploads as well. [...] File size
 * is limited to 50 MB"; medias.json upload-file: "maximum allowed is 25 MB", which HighLevel checks itself). No
 * spec gives a larger limit for a whole request, so a request over 50 MB is refused before it is sent; this also
 * bounds the step's memory (the body is built in one buffer so that it can be retried as it is).
 */
export const MAX_API_UPLOAD_BYTES = 50 * 1024 * 1024;

/** The form parts with each file downloaded (in order; errors name the field, and the limit of the request). */
async function downloaded(z: ZObject, label: string, form: FormInput[]): Promise<FormPart[]> {
  const parts: FormPart[] = [];
  let used = 0;
  for (const part of form) {
    if (!('url' in part)) parts.push(part);
    else {
      const says = used
        ? `API Request uploads up to 50 MB of files in one request, and the files before this one take ${(used / 1024 / 1024).toFixed(1)} MB`
        : 'API Request uploads up to 50 MB of files in one request';
      const file = await downloadFile(z, part.url, `${label}: ${part.field}`, { bytes: MAX_API_UPLOAD_BYTES - used, says });
      used += file.content.length;
      parts.push({ name: part.name, file });
    }
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------------------
// Custom API Request

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * A custom request's path, checked: relative to HighLevel's API (no scheme, no `//host`, no `..`, no query or
 * fragment, no template braces), never an OAuth endpoint. Returns the path; throws InvalidInput naming Path.
 */
export function checkedPath(z: ZObject, raw: unknown): string {
  const bad = (why: string) => invalid(z, `Custom API Request: invalid input. Path (path) ${why}.`);
  const p = typeof raw === 'string' ? raw.trim() : '';
  if (!p) throw bad('is required');
  if (/^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('//') || p.includes('\\')) {
    throw bad("must be a path on HighLevel's API such as /invoices/ (not a URL: the host is always HighLevel's)");
  }
  if (!p.startsWith('/')) throw bad('must start with "/", e.g. /invoices/');
  if (/[?#]/.test(p)) throw bad('must not contain "?" or "#": put query parameters in Query');
  if (/[\s{}\u0000-\u001f\u007f]/.test(p)) throw bad('must not contain spaces, braces or control characters');
  let segments: string[];
  try {
    segments = p.split('/').map((s) => decodeURIComponent(s));
  } catch {
    throw bad('has a malformed %-escape');
  }
  if (segments.some((s) => s === '..' || s === '.' || s.includes('/') || s.includes('\\')))
    throw bad('must not contain "." or ".." segments');
  if (p.replace(/\/{2,}/g, '/') !== p) throw bad('must not contain "//"');
  if (/^\/oauth(\/|$)/i.test(p)) throw bad("must not be an OAuth endpoint (/oauth/…): the connection manages HighLevel's tokens");
  // Belt and braces: the URL the client builds stays on HighLevel's origin.
  const base = new URL(apiBaseUrl());
  const url = new URL(`${apiBaseUrl()}${p}`);
  if (url.origin !== base.origin) throw bad("must stay on HighLevel's API");
  return p;
}

function queryOf(z: ZObject, raw: unknown): Record<string, unknown> {
  if (isBlank(raw)) return {};
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      value = Object.fromEntries(new URLSearchParams(raw.replace(/^\?/, '')));
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw invalid(z, 'Custom API Request: invalid input. Query (query) must be name/value pairs.');
  return Object.fromEntries(Object.entries(value as Item).filter(([k, v]) => k.trim() && !isBlank(v)));
}

function bodyOf(z: ZObject, method: string, raw: unknown): unknown {
  if (isBlank(raw)) return undefined;
  if (method === 'GET')
    throw invalid(z, 'Custom API Request: invalid input. Body (body) cannot be sent with GET; leave it blank or choose another method.');
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw invalid(z, `Custom API Request: invalid input. Body (body) must be valid JSON (${(error as Error).message}).`);
  }
}

/**
 * Custom API Request: any method and path on HighLevel's API. The app sets Authorization and Version (from the
 * step's Version, else the matching spec operation's, else the default); no header can be given.
 */
export async function performCustomRequest(z: ZObject, bundle: Bundle): Promise<Item> {
  const input = (bundle.inputData ?? {}) as Item;
  const method = String(input.method ?? '')
    .trim()
    .toUpperCase();
  if (!(METHODS as readonly string[]).includes(method)) {
    throw invalid(z, `Custom API Request: invalid input. Method (method) must be one of: ${METHODS.join(', ')}.`);
  }
  const path = checkedPath(z, input.path);
  const version = String(input.version ?? '').trim();
  if (version && !(API_VERSIONS as readonly string[]).includes(version)) {
    throw invalid(z, `Custom API Request: invalid input. Version (version) must be one of: ${API_VERSIONS.join(', ')}.`);
  }
  const query = queryOf(z, input.query);
  const body = bodyOf(z, method, input.body);
  const matched = matchOperation(method, path);
  // Without a match, an agency connection calls with the agency token unless the step names a location.
  const agencyOnly = matched ? matched.agencyOnly : isAgencyConnection(bundle) && isBlank(input.locationId);
  // Named by the spec's template: the concrete path may hold a contact's email or phone.
  if (matched?.agencyOnly) requireAgency(z, bundle, `Custom API Request (${method} ${matched.path})`);
  const endpoint: Endpoint = {
    operationId: matched?.operationId ?? 'custom',
    specFile: matched ? `${matched.area}.json` : 'custom',
    method: method as Endpoint['method'],
    // A literal path: the client fills `{params}` only, and checkedPath refused braces.
    path,
    scope: matched?.scopes[0] ?? '',
    version: (version || matched?.version || DEFAULT_API_VERSION) as ApiVersion,
    ...(agencyOnly ? { agencyOnly: true } : {}),
  };
  const response = await callHighLevel(z, bundle, endpoint, { query, body }, { raw: true, noRedirects: true });
  return outputOf(z, response, `${method} ${path}`);
}

// ---------------------------------------------------------------------------------------------------------
// Output

interface RawResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  buffer?: () => Promise<Buffer>;
  arrayBuffer?: () => Promise<ArrayBuffer>;
}

/**
 * The step's output: a JSON object as it is (`_id` copied to `id`), a JSON list as `{ items }`, another JSON
 * value as `{ value }`, text as `{ text }`, anything else stored with z.stashFile as `{ file, contentType, bytes }`.
 * A redirect is an error: the step never follows one.
 */
export async function outputOf(z: ZObject, raw: unknown, what: string): Promise<Item> {
  const response = raw as RawResponse;
  if (response.status >= 300) {
    throw new z.errors.Error(
      `HighLevel answered ${what} with a redirect (${response.status}); API requests do not follow redirects. Check the path.`,
      'HighLevelRedirect',
      response.status,
    );
  }
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  if (!type || /json|^text\//.test(type)) {
    const text = await response.text();
    if (!text.trim()) return {};
    if (!type || /json/.test(type)) {
      try {
        return shape(JSON.parse(text));
      } catch {
        if (/json/.test(type)) {
          throw new z.errors.Error(
            `HighLevel answered ${what} with a response that is not JSON (status ${response.status}). Try again later.`,
            'HighLevelBadResponse',
            response.status,
          );
        }
      }
    }
    return { text };
  }
  const bytes = response.buffer ? await response.buffer() : Buffer.from(await response.arrayBuffer!());
  const file = await z.stashFile(bytes, bytes.length, undefined, type);
  return { file, contentType: type, bytes: bytes.length };
}

function shape(data: unknown): Item {
  if (Array.isArray(data)) return { items: data };
  if (!data || typeof data !== 'object') return { value: data };
  const record = data as Item;
  return (record.id === undefined || record.id === null) && record._id !== undefined && record._id !== null
    ? { ...record, id: record._id }
    : record;
}
