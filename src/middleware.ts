import type { Bundle, HttpRequestOptions, HttpResponse, ZObject } from 'zapier-platform-core';
import { apiBaseUrl, DEFAULT_API_VERSION } from './config';
import { secretsOf } from './connection';
import { throwForHighLevelError } from './errors';

/**
 * For requests that do not come through the client (Zapier's own auth test and label calls, `invoke`): relative
 * URLs go to HighLevel, with the bearer token and the default `Version`. The client sets all of these itself.
 */
export function addHighLevelDefaults(request: HttpRequestOptions & { url: string }, _z: ZObject, bundle: Bundle) {
  if (request.url.startsWith('/')) request.url = `${apiBaseUrl()}${request.url}`;
  // The HighLevel token goes to HighLevel only (not to file downloads or any other host).
  if (!isHighLevelUrl(request.url)) return request;
  const headers = (request.headers ?? {}) as Record<string, string>;
  const token = (bundle.authData as Record<string, string> | undefined)?.access_token;
  if (token && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) headers.Authorization = `Bearer ${token}`;
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'version')) headers.Version = DEFAULT_API_VERSION;
  request.headers = headers;
  return request;
}

/** Errors of requests that did not ask to handle them: the same mapping as the client's. */
export function mapHighLevelErrors(response: HttpResponse, z: ZObject, bundle: Bundle) {
  const request = response.request as { skipThrowForStatus?: boolean; url?: string } | undefined;
  if (response.status >= 400 && !request?.skipThrowForStatus && isHighLevelUrl(request?.url)) {
    throwForHighLevelError(z, response, { secrets: secretsOf(bundle) });
  }
  return response;
}

function isHighLevelUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).origin === new URL(apiBaseUrl()).origin;
  } catch {
    return false;
  }
}
