import type { Bundle, ZObject } from 'zapier-platform-core';
import { Endpoint } from '../api/endpoint';
import { connectionFor } from '../connection';
import { eventScopes } from '../events';
import { FieldDef } from '../fields/field';
import { redact } from '../redact';
import { built, Context, Input, Item, Operation, OperationDef, validated } from './operation';

/**
 * Instant (REST hook) triggers on the webhook relay (relay/, issue 11). HighLevel posts every event of every
 * location to ONE URL per marketplace app, so a zap cannot subscribe at HighLevel: it subscribes its Zapier hook
 * URL at the relay, which verifies HighLevel's events and fans them out. The relay's HTTP interface:
 * - `POST /v1/subscriptions` (Bearer: the location's HighLevel token, which the relay checks and does not keep),
 *   body `{targetUrl, locationId, events, triggerKey, filters?}` → 201 `{id, secret}`;
 * - `DELETE /v1/subscriptions/{id}` with `Authorization: Bearer <secret>` → 204 (404: already gone);
 * - deliveries: HighLevel's payload as received plus `_relay: {webhookId, receivedAt, attempt}` (and, for contact
 *   events, `tagsAdded`/`tagsRemoved` against the last tag list the relay saw for that contact).
 */

/** The Zapier environment variable holding the relay's base URL (`zapier-platform env:set <version> GHL_RELAY_URL=…`). */
export const RELAY_URL_ENV = 'GHL_RELAY_URL';

export const RELAY_SETUP_HELP =
  'Instant triggers need the webhook relay, and this integration has none configured. Whoever deployed the integration must run ' +
  "the relay (relay/ in the integration's repository, see its README), set the HighLevel marketplace app's webhook URL to " +
  '<relay URL>/v1/highlevel/webhook with the events enabled, and set the relay URL with ' +
  `\`zapier-platform env:set <version> ${RELAY_URL_ENV}=https://…\`. Until then, use the polling version of this trigger.`;

/** The relay's base URL, or a user-facing error saying how to deploy and configure it. */
export function relayBaseUrl(z: ZObject): string {
  const url = (process.env[RELAY_URL_ENV] ?? '').trim().replace(/\/+$/, '');
  if (!url) throw new z.errors.Error(RELAY_SETUP_HELP, 'RelayNotConfigured', 400);
  if (!/^https?:\/\/[^/\s]+/i.test(url)) {
    throw new z.errors.Error(
      `${RELAY_URL_ENV} is not a URL (it must look like https://relay.example.com). ${RELAY_SETUP_HELP}`,
      'RelayNotConfigured',
      400,
    );
  }
  return url;
}

/** Keys of the relay's and HighLevel's envelope: not part of the record a trigger outputs. */
export const ENVELOPE_KEYS = ['type', '_relay', 'webhookId', 'timestamp', 'appId', 'versionId'];

/** The record part of a delivered payload. */
export function withoutEnvelope(payload: Item): Item {
  return Object.fromEntries(Object.entries(payload).filter(([k]) => !ENVELOPE_KEYS.includes(k)));
}

/** When the change happened: HighLevel's envelope `timestamp`, else when the relay received it. */
export function eventTime(payload: Item): string | undefined {
  const value = payload.timestamp ?? payload._relay?.receivedAt;
  if (value === undefined || value === null || value === '') return undefined;
  const at = typeof value === 'number' ? value : Date.parse(String(value));
  return Number.isFinite(at) ? new Date(at).toISOString() : String(value);
}

export interface HookContext extends Context {
  payload: Item;
}

export interface HookTriggerDef extends Omit<OperationDef, 'endpoint' | 'sample' | 'fields'> {
  /** HighLevel event types this trigger subscribes to (only the specific one where HighLevel sends two). */
  events: string[];
  /** The events one zap subscribes to, when the step chooses among `events` (default: all of them). */
  eventsFor?: (input: Input) => string[];
  /** The polling twin: performList, endpoint and sample come from it; the output has its shape. */
  twin?: Operation;
  /** Without a twin: the endpoint performList reads (and its sample's response schema). */
  endpoint?: Endpoint;
  /** Extra Zapier operation properties (e.g. output fields that depend on the input). */
  zapier?: Record<string, unknown>;
  /** Filters (input fields); the agency Location field is added by the factory. */
  fields?: FieldDef[];
  sample?: Item;
  /** The delivered payload as output records in the twin's shape, without requests. */
  records: (payload: Item, input: Input, bundle: Bundle) => Item[];
  /** Whether a record passes the step's filters (checked before any completing request). */
  matches?: (record: Item, input: Input) => boolean;
  /** Completes thin records (fields the webhook lacks) with the fewest requests; must not fail the step. */
  complete?: (records: Item[], ctx: HookContext) => Promise<Item[]>;
  /** Endpoints `complete` may call (for scopes and the contract checks). */
  completes?: Endpoint[];
  /** performList (samples in the zap editor); default: the twin's perform with the step's input. */
  list?: (z: ZObject, bundle: Bundle) => Promise<Item[]>;
  /**
   * Filters the relay applies before delivering: each key must equal the payload's top-level field exactly (the
   * relay's rule), so only exact ids belong here (not tags, nested or case-insensitive values). perform filters again.
   */
  relayFilters?: (input: Input) => Record<string, unknown>;
}

/** An instant trigger: a REST hook on the relay, with the output of its polling twin. */
export function hookTrigger(def: HookTriggerDef): Operation {
  const twin = def.twin;
  const endpoint = def.endpoint ?? twin?.def.endpoint;
  const sample = def.sample ?? twin?.def.sample;
  if (!endpoint || !sample || (!twin && !def.list))
    throw new Error(`${def.key}: a hook trigger needs a polling twin, or an endpoint, a sample and a list`);
  const base: OperationDef = {
    ...def,
    endpoint,
    alsoCalls: [...(twin?.endpoints ?? []).filter((e) => e !== endpoint), ...(def.completes ?? [])],
    fields: def.fields ?? [],
    sample,
    outputFields: def.outputFields ?? twin?.def.outputFields,
    resultKey: def.resultKey ?? twin?.def.resultKey,
    sampleAnswer: def.sampleAnswer ?? twin?.def.sampleAnswer,
  };
  const eventsFor = (input: Input) => (def.eventsFor ? def.eventsFor(input) : def.events);
  // Input checks only (filters, the agency Location): subscribing needs no custom fields or names.
  const plain: OperationDef = { ...base, customFields: undefined, enrich: undefined };

  const perform = validated(base, async (input, ctx) => {
    const payload = (ctx.bundle.cleanedRequest ?? {}) as Item;
    // The relay delivers only the subscribed types; anything else (a test post, another type) yields nothing.
    if (!payload || typeof payload !== 'object' || !eventsFor(input).includes(String(payload.type))) return [];
    const records = def.records(payload, input, ctx.bundle).filter((r) => r && r.id !== undefined && r.id !== null && r.id !== '');
    const kept = def.matches ? records.filter((r) => def.matches!(r, input)) : records;
    if (!kept.length || !def.complete) return kept;
    return def.complete(kept, { ...ctx, payload });
  });

  const list = def.list ?? ((z: ZObject, bundle: Bundle) => twin!.perform(z, bundle));
  // The step's own filters are checked first (the twin's perform checks only the twin's fields).
  // Samples read the twin as a sample load: a polling twin's own poll state (src/polling.ts) is neither read nor moved.
  const performList = validated(plain, (_input, ctx) =>
    list(ctx.z, { ...ctx.bundle, meta: { ...(ctx.bundle.meta ?? {}), isLoadingSample: true } } as typeof ctx.bundle),
  );

  const performSubscribe = validated(plain, async (input, ctx) => {
    const { z, bundle } = ctx;
    const relay = relayBaseUrl(z);
    const connection = await connectionFor(z, bundle, base.endpoint);
    if (!connection.locationId) {
      throw new z.errors.Error(
        'This connection has no location to watch; reconnect HighLevel choosing a sub-account.',
        'InvalidInput',
        400,
      );
    }
    const filters = def.relayFilters ? dropBlank(def.relayFilters(input)) : {};
    const response = await relayRequest(
      z,
      'subscribe',
      {
        method: 'POST',
        url: `${relay}/v1/subscriptions`,
        headers: { Authorization: `Bearer ${connection.token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          targetUrl: bundle.targetUrl,
          locationId: connection.locationId,
          events: eventsFor(input),
          triggerKey: def.key,
          ...(Object.keys(filters).length ? { filters } : {}),
        }),
      },
      [connection.token, bundle.targetUrl ?? ''],
    );
    const data = parseJson(response.content);
    if (response.status >= 400 || typeof data?.id !== 'string' || typeof data?.secret !== 'string') {
      throw relayError(z, 'subscribe', response, data, connection.locationId);
    }
    return { id: data.id, secret: data.secret, locationId: connection.locationId };
  });

  const performUnsubscribe = async (z: ZObject, bundle: Bundle) => {
    const { id, secret } = (bundle.subscribeData ?? {}) as { id?: string; secret?: string };
    // Nothing was subscribed (turning on failed): nothing to undo.
    if (!id || !secret) return { id: id ?? null, deleted: false };
    const relay = relayBaseUrl(z);
    const response = await relayRequest(
      z,
      'unsubscribe',
      {
        method: 'DELETE',
        url: `${relay}/v1/subscriptions/${encodeURIComponent(id)}`,
        headers: { Authorization: `Bearer ${secret}`, Accept: 'application/json' },
      },
      [secret],
    );
    // 404: already gone (the relay deletes a subscription whose hook answered 410): turning off still succeeds.
    if (response.status >= 400 && response.status !== 404) throw relayError(z, 'unsubscribe', response, parseJson(response.content));
    return { id, deleted: true };
  };

  const op = built('trigger', base, perform, { type: 'hook', performList, performSubscribe, performUnsubscribe, ...def.zapier });
  return { ...op, scopes: eventScopes(def.events), hook: { events: def.events, performList, performSubscribe, performUnsubscribe } };
}

const dropBlank = (record: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && !v.length)),
  );

function parseJson(content: string | undefined): any {
  try {
    return content ? JSON.parse(content) : undefined;
  } catch {
    return undefined;
  }
}

interface RelayResponse {
  status: number;
  content: string;
  retryAfter?: string;
}

/**
 * One request to the relay, with Node's fetch rather than z.request: the relay is not HighLevel, and core would
 * turn any 401 into a HighLevel token refresh. A network failure becomes a message naming the relay (never the
 * token or the hook URL).
 */
async function relayRequest(
  z: ZObject,
  what: string,
  request: { method: string; url: string; headers: Record<string, string>; body?: string },
  secrets: string[],
): Promise<RelayResponse> {
  try {
    const response = await fetch(request.url, { ...request, signal: AbortSignal.timeout(RELAY_TIMEOUT_MS) });
    return { status: response.status, content: await response.text(), retryAfter: response.headers.get('retry-after') ?? undefined };
  } catch (error) {
    const e = error as { name?: string; code?: string; cause?: { code?: string } };
    const cause =
      e.name === 'TimeoutError'
        ? `no answer within ${RELAY_TIMEOUT_MS / 1000} s`
        : `the connection failed (${e.cause?.code ?? e.code ?? 'network error'})`;
    const host = safeHost(request.url);
    throw new z.errors.Error(
      redact(
        `Could not ${what} at the instant-trigger relay (${host}): ${cause}. Check that the relay is running (GET ${host}/healthz) and that ${RELAY_URL_ENV} points at it.`,
        secrets,
      ),
      'RelayUnreachable',
    );
  }
}

const RELAY_TIMEOUT_MS = 20_000;

function safeHost(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the relay';
  }
}

/** The relay's refusal in words the user can act on (its own message where it gave one). */
function relayError(z: ZObject, what: string, response: RelayResponse, data: any, locationId?: string): Error {
  const said = typeof data?.message === 'string' ? data.message : typeof data?.error === 'string' ? data.error : undefined;
  const detail = said ? `: ${said}` : '';
  if (response.status === 401 && what === 'subscribe') {
    // The relay checked the token with HighLevel: an expired access token is refreshed by Zapier, which then retries.
    const error = new z.errors.RefreshAuthError(
      `HighLevel did not accept this connection for location ${locationId} when the relay checked it${detail}. If this persists, reconnect HighLevel, then turn the zap on again.`,
    );
    (error as { doNotContextify?: boolean }).doNotContextify = true;
    return error;
  }
  if (response.status === 429) {
    const retry = Number(response.retryAfter) || 60;
    return new z.errors.ThrottledError(`The instant-trigger relay is busy${detail}. Zapier retries in ${retry} s.`, retry);
  }
  if (response.status >= 500) {
    return new z.errors.Error(
      `The instant-trigger relay failed to ${what} (status ${response.status})${detail}. Try again later; if it persists, check the relay's /status page.`,
      'RelayError',
      response.status,
    );
  }
  if (response.status < 400) {
    return new z.errors.Error(
      `The instant-trigger relay answered ${what} without a subscription id and secret (status ${response.status}). Check that ${RELAY_URL_ENV} points at the relay.`,
      'RelayBadResponse',
      502,
    );
  }
  return new z.errors.Error(
    `The instant-trigger relay refused to ${what} (status ${response.status})${detail}.`,
    'RelayRefused',
    response.status,
  );
}
