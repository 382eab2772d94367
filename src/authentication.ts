import type { Bundle, ZObject } from 'zapier-platform-core';
import { agencyApi } from './api/agency';
import { locationsApi } from './api/locations';
import { callHighLevel } from './client';
import { companyIdOf, isAgencyConnection } from './connection';
import { apiBaseUrl, authorizeUrl } from './config';
import { highLevelMessage } from './errors';
import { redact } from './redact';
import { extraScopes } from './apiRequest/scopes';

interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in?: number;
  userType?: string;
  locationId?: string;
  companyId?: string;
  userId?: string;
  /** The scopes granted, space-separated (HighLevel's token answer). */
  scope?: string;
}

/** What the app asks HighLevel for: its operations' scopes, plus a deployer's GHL_EXTRA_SCOPES (README). */
export function requestedScopes(scopes: string[]): string[] {
  return [...new Set([...scopes, ...extraScopes()])].sort();
}

function clientCredentials() {
  return { client_id: process.env.CLIENT_ID ?? '', client_secret: process.env.CLIENT_SECRET ?? '' };
}

/** POST /oauth/token (form-encoded). Keeps what later calls need: the tokens and whose they are. */
async function requestToken(z: ZObject, form: Record<string, string>, refreshing: boolean, storedIdentity: Record<string, unknown> = {}) {
  let response;
  try {
    response = await z.request({
      method: 'POST',
      url: `${apiBaseUrl()}/oauth/token`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ ...clientCredentials(), ...form }).toString(),
      skipThrowForStatus: true,
    });
  } catch (error) {
    // A 401 from the token endpoint surfaces as RefreshAuthError; a refresh that fails means: reconnect.
    if (refreshing && (error as Error).name === 'RefreshAuthError') throw reconnect(z, 'the refresh token was rejected (401)');
    throw error;
  }
  if (response.status >= 400) {
    let body: unknown = response.content;
    try {
      body = JSON.parse(response.content);
    } catch {
      /* plain text */
    }
    const why = redact(`${highLevelMessage(body) ?? 'no reason given'} (${response.status})`, [
      form.refresh_token,
      form.code,
      clientCredentials().client_secret,
    ]);
    // Only a rejection means the refresh token is dead; an outage (5xx) or a transient 4xx must keep the connection.
    if (refreshing && response.status < 500 && !TRANSIENT_STATUSES.has(response.status)) throw reconnect(z, why);
    throw new z.errors.Error(
      `HighLevel did not issue a token: ${why}${response.status >= 500 ? '. This is usually temporary; try again later.' : ''}`,
      'OAuthTokenError',
      response.status,
    );
  }
  let data: TokenResponse | undefined;
  try {
    data = JSON.parse(response.content) as TokenResponse;
  } catch {
    /* reported below */
  }
  if (!data?.access_token) {
    throw new z.errors.Error(
      `HighLevel did not issue a token: its answer had no access token (${response.status}). Try again later.`,
      'OAuthTokenError',
      response.status,
    );
  }
  // Zapier merges this into the stored authData: an identity field HighLevel left out must not blank the stored one.
  const identity = Object.fromEntries(
    (['locationId', 'companyId', 'userType', 'userId'] as const).filter((k) => data![k]).map((k) => [k, String(data![k])]),
  );
  // Zapier merges the answer into the stored authData: a refresh is checked with what it keeps from before.
  const unusable = unusableConnection({ ...(refreshing ? storedIdentity : {}), ...identity });
  if (unusable) throw refused(z, unusable, refreshing);
  return {
    // The granted scopes: API Request marks the operations this connection cannot call (issue 13).
    ...(typeof data.scope === 'string' && data.scope.trim() ? { scope: data.scope.trim() } : {}),
    access_token: data.access_token,
    // HighLevel rotates the refresh token on every refresh: keep the new one.
    refresh_token: data.refresh_token,
    ...identity,
  };
}

/** 4xx answers Zapier itself treats as temporary during a refresh (it retries them instead of expiring the connection). */
const TRANSIENT_STATUSES = new Set([408, 409, 423, 425, 429]);

function reconnect(z: ZObject, why: string) {
  const error = new z.errors.ExpiredAuthError(`HighLevel no longer accepts this connection: ${why}. Reconnect your HighLevel account.`);
  // The message is complete: core must not append the bundle and request URLs ("What happened") the user would see.
  (error as { doNotContextify?: boolean }).doNotContextify = true;
  return error;
}

/**
 * Why a connection with these identity values (HighLevel's token answer: `userType`, `locationId`, `companyId`)
 * cannot work, or undefined when it can. Every step of a sub-account (`userType: "Location"`) connection needs its
 * `locationId`; an agency (`"Company"`) connection needs its `companyId` to mint location tokens.
 */
export function unusableConnection(identity: Record<string, unknown>): string | undefined {
  const has = (key: string) => typeof identity[key] === 'string' && (identity[key] as string).trim() !== '';
  const userType = has('userType') ? String(identity.userType) : undefined;
  if (userType === 'Company') {
    return has('companyId') ? undefined : 'HighLevel connected an agency login without saying which agency (no companyId)';
  }
  if (userType !== undefined && userType !== 'Location') {
    return `HighLevel connected a login of type "${userType.slice(0, 40)}", which this app cannot use (it works with a sub-account or an agency)`;
  }
  return has('locationId') ? undefined : 'HighLevel connected a login without choosing a sub-account (no locationId)';
}

/** The connection cannot work: at a refresh it is expired (Zapier asks the user to reconnect), else refused. */
function refused(z: ZObject, why: string, refreshing = false) {
  const message = `${why}. Reconnect HighLevel and choose a sub-account (location) when asked, or your agency for agency-level steps.`;
  const error = refreshing ? new z.errors.ExpiredAuthError(message) : new z.errors.Error(message, 'UnusableConnection', 400);
  (error as { doNotContextify?: boolean }).doNotContextify = true;
  return error;
}

/**
 * Zapier's OAuth2 authentication for HighLevel, requesting `scopes` (the app derives them from its operations;
 * this module knows none of them).
 */
export const authentication = (scopes: string[]) => ({
  type: 'oauth2' as const,
  oauth2Config: {
    authorizeUrl: async (_z: ZObject, bundle: Bundle) => {
      const params = new URLSearchParams({
        response_type: 'code',
        client_id: process.env.CLIENT_ID ?? '',
        redirect_uri: String(bundle.inputData.redirect_uri ?? ''),
        state: String(bundle.inputData.state ?? ''),
        scope: requestedScopes(scopes).join(' '),
      });
      return `${authorizeUrl()}?${params.toString()}`;
    },
    getAccessToken: (z: ZObject, bundle: Bundle) =>
      requestToken(
        z,
        {
          grant_type: 'authorization_code',
          code: String(bundle.inputData.code ?? ''),
          redirect_uri: String(bundle.inputData.redirect_uri ?? ''),
        },
        false,
      ),
    refreshAccessToken: (z: ZObject, bundle: Bundle) =>
      requestToken(
        z,
        { grant_type: 'refresh_token', refresh_token: String(bundle.authData.refresh_token ?? '') },
        true,
        bundle.authData ?? {},
      ),
    scope: requestedScopes(scopes).join(' '),
    // Off on purpose: core's autoRefresh turns every 401 into a refresh before the app sees the body, and HighLevel
    // also answers a missing scope with 401. errors.ts throws RefreshAuthError (which Zapier answers with
    // refreshAccessToken) for the other 401s, from the client and from the afterResponse middleware.
    autoRefresh: false,
  },
  fields: [],
  /** Reads the connected location: proves the token works and names the connection. */
  test: async (z: ZObject, bundle: Bundle) => {
    const unusable = unusableConnection((bundle.authData ?? {}) as Record<string, unknown>);
    if (unusable) throw refused(z, unusable);
    // An agency connection has no location of its own: it reads (and is labelled with) its company.
    if (isAgencyConnection(bundle)) {
      const data = await callHighLevel(z, bundle, agencyApi.getCompany, { path: { companyId: companyIdOf(bundle) } });
      const company = (data?.company ?? {}) as Record<string, unknown>;
      return { id: company.id, name: company.name, companyId: company.id, userType: 'Company' };
    }
    const data = await callHighLevel(z, bundle, locationsApi.getLocation);
    const location = (data?.location ?? data ?? {}) as Record<string, unknown>;
    return { id: location.id, name: location.name, companyId: location.companyId };
  },
  connectionLabel: '{{name}}',
});
