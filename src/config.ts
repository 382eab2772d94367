// The one place that knows where HighLevel lives. `GHL_API_BASE_URL` points the whole app (API calls and the
// OAuth token endpoint) at another server, such as the local sandbox; it is read at call time so that tests and
// the walkthrough can set it after the app is loaded.
export const DEFAULT_API_BASE_URL = 'https://services.leadconnectorhq.com';
/** HighLevel's install screen, where a user picks the sub-account (or agency) to connect. */
export const AUTHORIZE_URL = 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation';

export function apiBaseUrl(): string {
  return (process.env.GHL_API_BASE_URL || DEFAULT_API_BASE_URL).replace(/\/+$/, '');
}

/**
 * The OAuth authorize URL (no query): HighLevel's install screen, or, when `GHL_API_BASE_URL` points elsewhere (the
 * sandbox), that server's `/oauth/chooselocation`, so that `zapier-platform invoke auth start` stays on it.
 */
export function authorizeUrl(): string {
  return process.env.GHL_API_BASE_URL ? `${apiBaseUrl()}/oauth/chooselocation` : AUTHORIZE_URL;
}

/** `Version` header values HighLevel's specs declare (most endpoints use the first). */
export const API_VERSIONS = ['2021-07-28', '2021-04-15'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
export const DEFAULT_API_VERSION: ApiVersion = '2021-07-28';

/** How many pages any listing may fetch before it stops: guards against paging that never ends. */
export const MAX_PAGES = 20;
