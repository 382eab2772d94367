import type { Bundle, ZObject } from 'zapier-platform-core';
import { locationsApi } from './api/locations';
import { callHighLevel } from './client';
import { apiBaseUrl, AUTHORIZE_URL } from './config';
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
    if (refreshing) throw reconnect(z, why);
    throw new z.errors.Error(`HighLevel did not issue a token: ${why}`, 'OAuthTokenError', response.status);
  }
  const data = JSON.parse(response.content) as TokenResponse;
  return {
    access_token: data.access_token,
    // HighLevel rotates the refresh token on every refresh: keep the new one.
    refresh_token: data.refresh_token,
    locationId: data.locationId ?? '',
    companyId: data.companyId ?? '',
    userType: data.userType ?? '',
    userId: data.userId ?? '',
  };
}

function reconnect(z: ZObject, why: string) {
  return new z.errors.ExpiredAuthError(`HighLevel no longer accepts this connection: ${why}. Reconnect your HighLevel account.`);
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
      return `${AUTHORIZE_URL}?${params.toString()}`;
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
    const data = await callHighLevel(z, bundle, locationsApi.getLocation);
    const location = (data?.location ?? data ?? {}) as Record<string, unknown>;
    return { id: location.id, name: location.name, companyId: location.companyId };
  },
  connectionLabel: '{{name}}',
};
