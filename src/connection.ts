import type { Bundle, ZObject } from 'zapier-platform-core';

/** The token and the sub-account (location) one API call acts for. */
export interface Connection {
  token: string;
  locationId?: string;
  companyId?: string;
}

/**
 * The one function that decides which token and location a request uses. Today a connection is a sub-account
 * (Location) token: the token and location come from the OAuth result. Agency connections (a location chosen per
 * step, token exchanged via `POST /oauth/locationToken`) plug in here without touching any operation.
 */
export async function connectionFor(_z: ZObject, bundle: Bundle): Promise<Connection> {
  const auth = (bundle.authData ?? {}) as Record<string, string | undefined>;
  return {
    token: auth.access_token ?? '',
    locationId: auth.locationId || undefined,
    companyId: auth.companyId || undefined,
  };
}

/** Values that must never appear in a message: the connection's tokens and the app's client secret. */
export function secretsOf(bundle: Bundle): string[] {
  const auth = (bundle.authData ?? {}) as Record<string, string | undefined>;
  return [auth.access_token, auth.refresh_token, process.env.CLIENT_SECRET].filter((s): s is string => !!s);
}
