import type { Bundle, ZObject } from 'zapier-platform-core';
import { agencyApi } from './api/agency';
import { locationsApi } from './api/locations';
import { callHighLevel } from './client';
import { companyIdOf, isAgencyConnection } from './connection';
import { apiBaseUrl, authorizeUrl } from './config';
import { highLevelMessage } from './errors';
import { requiredScopes } from './operations';
import { redact } from './redact';

interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in?: number;
  userType?: string;
  locationId?: string;
  companyId?: string;
  userId?: string;
}

function clientCredentials() {
  return { client_id: process.env.CLIENT_ID ?? '', client_secret: process.env.CLIENT_SECRET ?? '' };
}

/** POST /oauth/token (form-encoded). Keeps what later calls need: the tokens and whose they are. */
async function requestToken(z: ZObject, form: Record<string, string>, refreshing: boolean) {
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
    const why = redact(`${highLevelMessage(body) ?? 'no reason given'} (${response.status})`, [form.refresh_token, form.code, clientCredentials().client_secret]);
    // Only a rejection means the refresh token is dead; an outage (5xx) or a transient 4xx must keep the connection.
    if (refreshing && response.status < 500 && !TRANSIENT_STATUSES.has(response.status)) throw reconnect(z, why);
    throw new z.errors.Error(`HighLevel did not issue a token: ${why}${response.status >= 500 ? '. This is usually temporary; try again later.' : ''}`, 'OAuthTokenError', response.status);
  }
  let data: TokenResponse | undefined;
  try {
    data = JSON.parse(response.content) as TokenResponse;
  } catch {
    /* reported below */
  }
  if (!data?.access_token) {
    throw new z.errors.Error(`HighLevel did not issue a token: its answer had no access token (${response.status}). Try again later.`, 'OAuthTokenError', response.status);
  }
  // Zapier merges this into the stored authData: an identity field HighLevel left out must not blank the stored one.
  const identity = Object.fromEntries(
    (['locationId', 'companyId', 'userType', 'userId'] as const).filter((k) => data![k]).map((k) => [k, String(data![k])]),
  );
  return {
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

export const authentication = {
  type: 'oauth2' as const,
  oauth2Config: {
    authorizeUrl: (_z: ZObject, bundle: Bundle) => {
      const params = new URLSearchParams({
        response_type: 'code',
        client_id: process.env.CLIENT_ID ?? '',
        redirect_uri: String(bundle.inputData.redirect_uri ?? ''),
        state: String(bundle.inputData.state ?? ''),
        scope: requiredScopes().join(' '),
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
      requestToken(z, { grant_type: 'refresh_token', refresh_token: String(bundle.authData.refresh_token ?? '') }, true),
    scope: requiredScopes().join(' '),
    autoRefresh: true,
  },
  fields: [],
  /** Reads the connected location: proves the token works and names the connection. */
  test: async (z: ZObject, bundle: Bundle) => {
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
};
