import { createHash } from 'crypto';
import type { Bundle, HttpResponse, ZObject } from 'zapier-platform-core';
import { Endpoint } from './api/endpoint';
import { apiBaseUrl } from './config';
import { explainStaleAuth, throwForHighLevelError } from './errors';
import { personalValuesOf } from './redact';
import { connectionCacheGet, connectionCacheSet } from './zcache';

/** The token and the sub-account (location) one API call acts for. */
export interface Connection {
  token: string;
  locationId?: string;
  companyId?: string;
}

type AuthData = Record<string, string | undefined>;

const authOf = (bundle: Bundle): AuthData => (bundle.authData ?? {}) as AuthData;

/** An agency (Company) connection: the location is chosen per step and its token minted on demand. */
export function isAgencyConnection(bundle: Bundle): boolean {
  return authOf(bundle).userType === 'Company';
}

export function companyIdOf(bundle: Bundle): string | undefined {
  return authOf(bundle).companyId || undefined;
}

/** Fails, before any request, an agency-only step run on a sub-account connection. */
export function requireAgency(z: ZObject, bundle: Bundle, what: string): void {
  if (isAgencyConnection(bundle)) return;
  throw new z.errors.Error(
    `${what} needs an agency connection; reconnect HighLevel choosing your agency (not a sub-account).`,
    'AgencyConnectionRequired',
    400,
  );
}

/** The `POST /oauth/locationToken` endpoint (oauth.json): an agency token buys a location token. */
export const LOCATION_TOKEN_PATH = '/oauth/locationToken';
export const LOCATION_TOKEN_SCOPE = 'oauth.write';
const LOCATION_TOKEN_VERSION = '2021-07-28';
/** A cached location token is replaced this long before HighLevel says it expires. */
export const TOKEN_EXPIRY_MARGIN_S = 300;

interface CachedToken {
  token: string;
  expiresAt: number;
  /** Fingerprint of the agency token that bought it: once Zapier refreshes that token, exchange again. */
  from: string;
}

const fingerprint = (token: string) => createHash('sha256').update(token).digest('hex').slice(0, 16);

// Fallback when z.cache is unavailable (no RPC, e.g. a local run): per process, keyed by company + location.
const memoryCache = new Map<string, CachedToken>();

/** Forgets the in-memory location tokens (tests). */
export function clearLocationTokenCache(): void {
  memoryCache.clear();
}

// The key names only the company and the location: never the token.
const cacheKey = (companyId: string, locationId: string) => `hl-location-token:${companyId}:${locationId}`;

async function readCache(z: ZObject, key: string): Promise<CachedToken | null> {
  return ((await connectionCacheGet(z, key)) as CachedToken | null) ?? memoryCache.get(key) ?? null;
}

async function writeCache(z: ZObject, key: string, value: CachedToken, ttlSeconds: number): Promise<void> {
  memoryCache.set(key, value);
  await connectionCacheSet(z, key, value, ttlSeconds);
}

/**
 * A location token for an agency connection: from the cache while it has more than TOKEN_EXPIRY_MARGIN_S left,
 * else exchanged with the agency token. The token is never logged or put in a message.
 */
async function locationToken(z: ZObject, bundle: Bundle, companyId: string, locationId: string): Promise<string> {
  const key = cacheKey(companyId, locationId);
  const agencyToken = authOf(bundle).access_token ?? '';
  const cached = await readCache(z, key);
  if (cached && cached.from === fingerprint(agencyToken) && cached.expiresAt - TOKEN_EXPIRY_MARGIN_S * 1000 > Date.now())
    return cached.token;

  let response: HttpResponse;
  try {
    response = (await z.request({
      method: 'POST',
      url: `${apiBaseUrl()}${LOCATION_TOKEN_PATH}`,
      headers: {
        Authorization: `Bearer ${agencyToken}`,
        Version: LOCATION_TOKEN_VERSION,
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ companyId, locationId }).toString(),
      skipThrowForStatus: true,
    })) as HttpResponse;
  } catch (error) {
    throw explainStaleAuth(z, error); // the agency token expired
  }
  // Zapier's request log censors the Authorization header and the `access_token` of this answer.
  if (response.status >= 400) {
    throwForHighLevelError(z, response, { scope: LOCATION_TOKEN_SCOPE, secrets: secretsOf(bundle) });
  }
  let data: { access_token?: string; expires_in?: number } = {};
  try {
    data = JSON.parse(response.content);
  } catch {
    /* handled below */
  }
  if (!data.access_token) {
    throw new z.errors.Error(
      `HighLevel did not issue a token for location ${locationId} (status ${response.status}). Check that the app is installed in that sub-account.`,
      'HighLevelBadResponse',
      response.status,
    );
  }
  const lifetime = Number(data.expires_in) > 0 ? Number(data.expires_in) : 3600;
  await writeCache(
    z,
    key,
    { token: data.access_token, expiresAt: Date.now() + lifetime * 1000, from: fingerprint(agencyToken) },
    lifetime - TOKEN_EXPIRY_MARGIN_S,
  );
  return data.access_token;
}

/**
 * The one function that decides which token and location a request uses.
 * - Sub-account (Location) connection: the OAuth token and its location.
 * - Agency (Company) connection: agency-only endpoints use the agency token; every other endpoint acts for the
 *   location chosen in the step's "Location" field, with a location token from `POST /oauth/locationToken`.
 */
export async function connectionFor(z: ZObject, bundle: Bundle, endpoint?: Endpoint): Promise<Connection> {
  const auth = authOf(bundle);
  const companyId = auth.companyId || undefined;
  if (!isAgencyConnection(bundle)) {
    if (endpoint?.agencyOnly) requireAgency(z, bundle, `${endpoint.method} ${endpoint.path}`);
    return { token: auth.access_token ?? '', locationId: auth.locationId || undefined, companyId };
  }
  const locationId = String((bundle.inputData as Record<string, unknown> | undefined)?.locationId ?? '').trim();
  // Agency-level endpoints use the agency token; without an endpoint, callers only ask which location this step uses.
  if (!endpoint || endpoint.agencyOnly)
    return { token: auth.access_token ?? '', companyId, locationId: (!endpoint && locationId) || undefined };
  if (!locationId) {
    throw new z.errors.Error(
      'This step runs on an agency connection: choose the sub-account in the "Location" field.',
      'InvalidInput',
      400,
    );
  }
  if (!companyId) {
    throw new z.errors.Error('This agency connection has no company id; reconnect HighLevel choosing your agency.', 'InvalidInput', 400);
  }
  return { token: await locationToken(z, bundle, companyId, locationId), locationId, companyId };
}

/** Values that must never appear in a message: the connection's tokens, the client secret, the step's emails and phones. */
export function secretsOf(bundle: Bundle): string[] {
  const auth = (bundle.authData ?? {}) as Record<string, string | undefined>;
  const tokens = [auth.access_token, auth.refresh_token, process.env.CLIENT_SECRET].filter((s): s is string => !!s);
  return [...tokens, ...personalValuesOf(bundle.inputData as Record<string, unknown>)];
}
