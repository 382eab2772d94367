import type { Bundle, HttpRequestOptions, HttpResponse, ZObject } from 'zapier-platform-core';
import { apiBaseUrl, DEFAULT_API_VERSION } from './config';
import { secretsOf } from './connection';
import { throwForHighLevelError } from './errors';

/**
 * For requests that do not come through the client (Zapier's own auth test and label calls, `invoke`): relative
 * URLs go to HighLevel, with the bearer token and the default `Version`. The client sets all of these itself.
 */
export function addHighLevelDefaults(request: HttpRequestOptions & { url?: string }, _z: ZObject, bundle: Bundle) {
  const headers = (request.headers ?? {}) as Record<string, string>;
  if (request.url && request.url.startsWith('/')) request.url = `${apiBaseUrl()}${request.url}`;
  const token = (bundle.authData as Record<string, string> | undefined)?.access_token;
  if (token && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) headers.Authorization = `Bearer ${token}`;
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'version')) headers.Version = DEFAULT_API_VERSION;
  request.headers = headers;
  return request;
}

/** Errors of requests that did not ask to handle them: the same mapping as the client's. */
export function mapHighLevelErrors(response: HttpResponse, z: ZObject, bundle: Bundle) {
  if (response.status >= 400 && !(response.request as { skipThrowForStatus?: boolean })?.skipThrowForStatus) {
    throwForHighLevelError(z, response, { secrets: secretsOf(bundle) });
  }
  return response;
}
