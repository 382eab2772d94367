import type { Bundle, HttpRequestOptions, HttpResponse, RawHttpResponse, ZObject } from 'zapier-platform-core';
import { Endpoint, pathParams } from './api/endpoint';
import { apiBaseUrl, MAX_PAGES } from './config';
import { connectionFor, secretsOf } from './connection';
import { explainStaleAuth, throwForHighLevelError } from './errors';

/** The variable parts of one call: path parameters, query string and JSON body. */
export interface RequestParts {
  path?: Record<string, string | number | undefined>;
  query?: Record<string, unknown>;
  body?: unknown;
  /** A body sent as it is, with its own type (a multipart file upload); replaces `body`. */
  rawBody?: { content: Buffer; contentType: string };
}

export interface CallOptions {
  /** A 404 means "no such record" (searches): resolve to `null` instead of failing. */
  notFoundAsNull?: boolean;
  /** A file download (binary): resolve to the raw streamable response, for `z.stashFile`. */
  raw?: boolean;
  /** Do not follow redirects (API Request): a 3xx comes back as it is, and the token never goes to another host. */
  noRedirects?: boolean;
}

function dropEmpty(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/**
 * The one HTTP client every operation uses: fills the location from the connection, sends the `Version` the
 * spec declares for the endpoint, and maps every error in one place (errors.ts).
 */
export async function callHighLevel<T = any>(
  z: ZObject,
  bundle: Bundle,
  endpoint: Endpoint,
  parts: RequestParts = {},
  options: CallOptions = {},
): Promise<T | null> {
  const connection = await connectionFor(z, bundle, endpoint);
  const params: Record<string, string | number | undefined> = {
    locationId: connection.locationId,
    companyId: connection.companyId,
    ...parts.path,
  };
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') {
      throw new z.errors.Error(`Missing "${name}" for ${endpoint.method} ${endpoint.path}.`, 'InvalidInput', 400);
    }
    return encodeURIComponent(String(value));
  });

  let query = parts.query ? dropEmpty(parts.query) : undefined;
  let body = parts.body;
  if (endpoint.locationIn === 'query') query = { locationId: connection.locationId, ...query };
  if (endpoint.locationIn === 'body' && body && typeof body === 'object' && !Array.isArray(body)) {
    body = { locationId: connection.locationId, ...(body as Record<string, unknown>) };
  } else if (endpoint.locationIn === 'body' && body === undefined) {
    body = { locationId: connection.locationId };
  }
  if (endpoint.companyIn) {
    // Fail before the request: without a company id HighLevel only answers with a bare 422.
    if (!connection.companyId) {
      throw new z.errors.Error(
        `${endpoint.method} ${endpoint.path} needs the company (agency) ID of the connection, which this connection does not have. Reconnect HighLevel.`,
        'MissingCompanyId',
        400,
      );
    }
    if (endpoint.companyIn === 'query') query = { companyId: connection.companyId, ...query };
    else body = { companyId: connection.companyId, ...((body ?? {}) as Record<string, unknown>) };
  }

  // `throwForThrottlingEarly` (core's per-request switch for its early throw on a 429) and `merge` are not in core's types.
  const request: HttpRequestOptions & { url: string; throwForThrottlingEarly: boolean; merge: boolean } = {
    method: endpoint.method,
    url: `${apiBaseUrl()}${path}`,
    params: query,
    // JSON bodies are objects or arrays (core serialises them); a raw body (a multipart upload) goes as it is.
    body: (parts.rawBody ? parts.rawBody.content : body) as HttpRequestOptions['body'],
    headers: {
      Authorization: `Bearer ${connection.token}`,
      Version: endpoint.version,
      Accept: 'application/json',
      ...(parts.rawBody ? { 'Content-Type': parts.rawBody.contentType } : body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    skipThrowForStatus: true,
    throwForThrottlingEarly: false,
    // No app-level requestTemplate to merge: core's merge would deep-copy the whole invocation (the app definition
    // included) into every request, ~5 ms of CPU each.
    merge: false,
    timeout: clientLimits.timeoutMs,
    // API Request: a 3xx comes back as it is, so the token never follows a redirect to another host.
    ...(options.noRedirects ? { redirect: 'manual' as const } : {}),
  };
  let answer: { raw: true; response: RawHttpResponse } | { raw: false; response: HttpResponse };
  try {
    answer = options.raw
      ? { raw: true, response: await z.request({ ...request, raw: true }) }
      : { raw: false, response: await z.request(request) };
  } catch (error) {
    throw networkError(z, endpoint, explainStaleAuth(z, error));
  }

  if (answer.response.status === 404 && options.notFoundAsNull) return null;
  // An agency connection's exchanged location token is a secret too.
  const secrets = [...secretsOf(bundle), connection.token];
  if (answer.raw) {
    const { status, headers } = answer.response;
    if (status >= 400)
      throwForHighLevelError(z, { status, headers, content: await answer.response.text() } as HttpResponse, {
        scope: endpoint.scope,
        secrets,
      });
    // The caller asked for the raw response (options.raw): T is what it expects to stream.
    return answer.response as unknown as T;
  }
  const { response } = answer;
  if (response.status >= 400) {
    throwForHighLevelError(z, response, { scope: endpoint.scope, secrets });
  }
  return parseJson<T>(z, response, endpoint);
}

/** Limits of one request; a property so tests can shorten them. */
export const clientLimits = {
  /** Give up on a request HighLevel does not answer in time, before Zapier's own step timeout hides why. */
  timeoutMs: 25_000,
  /** A paged read stops starting new pages after this long: Zapier ends a step at 30 s. */
  pagingBudgetMs: 20_000,
  /** The clock paging is timed with (tests replace it). */
  now: (): number => Date.now(),
};

const RUNTIME_ERRORS = new Set(['RefreshAuthError', 'ExpiredAuthError', 'HaltedError', 'ThrottledError']);

/**
 * A request that got no HTTP answer (connection reset, DNS, timeout). The fetch error's own message carries the
 * full URL, whose query can hold a contact's email or phone: name the endpoint template and the cause instead.
 */
function networkError(z: ZObject, endpoint: Endpoint, error: unknown): Error {
  const e = (error ?? {}) as { name?: string; type?: string; code?: string; errno?: string };
  // Errors the runtime or our middleware raised on purpose (throttling, auth refresh, app errors) pass through.
  if (e.name && e.name !== 'FetchError' && e.name !== 'AbortError' && !e.code) {
    // Core appends the step's input and the request URLs ("What happened") to an error not marked like this: they
    // hold contacts' emails and phones (core's RefreshAuthError for a 401 is one such error).
    if (RUNTIME_ERRORS.has(e.name)) (error as { doNotContextify?: boolean }).doNotContextify = true;
    return error as Error;
  }
  const timedOut = e.type === 'request-timeout' || e.name === 'AbortError' || e.code === 'ETIMEDOUT' || e.code === 'ESOCKETTIMEDOUT';
  const cause = timedOut
    ? `no answer within ${Math.round(clientLimits.timeoutMs / 1000)} s`
    : `the connection failed (${e.code ?? e.errno ?? 'network error'})`;
  return new z.errors.Error(
    `Could not reach HighLevel for ${endpoint.method} ${endpoint.path}: ${cause}. This is usually temporary; try again later.`,
    timedOut ? 'HighLevelTimeout' : 'HighLevelUnreachable',
  );
}

function parseJson<T>(z: ZObject, response: HttpResponse, endpoint: Endpoint): T {
  const content = response.content ?? '';
  if (!content.trim()) return {} as T;
  try {
    return JSON.parse(content) as T;
  } catch {
    throw new z.errors.Error(
      `HighLevel answered ${endpoint.method} ${endpoint.path} with a response that is not JSON (status ${response.status}). Try again later.`,
      'HighLevelBadResponse',
      response.status,
    );
  }
}

/**
 * Reads pages until `nextPage` says there are no more, the page repeats a cursor already seen, a page brings
 * nothing new, `maxPages` is reached or the paging budget is spent: paging that never ends cannot hang a step. A record already read (same
 * `id`: offset paging shifts when records are added between page reads) is kept once, since Zapier rejects a
 * result with two items of the same id.
 */
export async function collectPages<Item, Cursor>(
  first: Cursor,
  fetchPage: (cursor: Cursor) => Promise<{ items: Item[]; next?: Cursor }>,
  maxPages = MAX_PAGES,
): Promise<Item[]> {
  const deadline = clientLimits.now() + clientLimits.pagingBudgetMs;
  const items: Item[] = [];
  const seen = new Set<string>();
  const ids = new Set<unknown>();
  let cursor: Cursor | undefined = first;
  let pages = 0;
  for (let page = 0; page < maxPages && cursor !== undefined; page++) {
    const key = JSON.stringify(cursor);
    if (seen.has(key)) break;
    if (page > 0 && clientLimits.now() > deadline) return boundedBy(items, pages, 'time');
    pages++;
    seen.add(key);
    const result = await fetchPage(cursor);
    const fresh = result.items.filter((item) => {
      const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
      if (id === undefined || id === null) return true;
      if (ids.has(id)) return false;
      ids.add(id);
      return true;
    });
    items.push(...fresh);
    if (!fresh.length) return items;
    cursor = result.next;
  }
  return cursor !== undefined && pages >= maxPages ? boundedBy(items, pages, 'pages') : items;
}

/** Where a bound stopped a paged read: on the returned list (not enumerable), for the caller to log. */
export interface PagingBound {
  pages: number;
  by: 'pages' | 'time';
}

function boundedBy<T>(items: T[], pages: number, by: PagingBound['by']): T[] {
  return Object.defineProperty(items, 'pagingBound', { value: { pages, by } satisfies PagingBound, enumerable: false });
}

/** The bound that stopped the paged read that returned this list, if one did. */
export function pagingBoundOf(items: unknown): PagingBound | undefined {
  return (items as { pagingBound?: PagingBound } | undefined)?.pagingBound;
}

/**
 * Offset paging (`skip` or `offset` plus `limit`): pages of `pageSize` records from offset 0, read through
 * collectPages (its page cap, time budget and repeated-id guard). While a page comes back full, the next one
 * starts `pageSize` further. When `fetchPage` answers `{ items, more }` (HighLevel says whether more follow, e.g.
 * `hasMore`), the next page starts after the records read, while `more` is true.
 */
export function offsetPages<Item>(
  pageSize: number,
  fetchPage: (offset: number) => Promise<Item[] | { items: Item[]; more: boolean }>,
  maxPages = MAX_PAGES,
): Promise<Item[]> {
  return collectPages(
    0,
    async (offset: number) => {
      const page = await fetchPage(offset);
      if (Array.isArray(page)) return { items: page, next: page.length < pageSize ? undefined : offset + pageSize };
      return { items: page.items, next: page.more && page.items.length ? offset + page.items.length : undefined };
    },
    maxPages,
  );
}

export { pathParams };
