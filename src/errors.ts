import type { HttpResponse, ZObject } from 'zapier-platform-core';
import { describeDetails, errorDetails } from './errorDetails';
import { redact } from './redact';

/** What the error mapper knows about the call that failed. */
export interface ErrorContext {
  /** The OAuth scope the endpoint needs, named in a 403. */
  scope?: string;
  /** Secrets to keep out of the message (the connection's tokens). */
  secrets?: Array<string | undefined>;
}

function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers?.get?.(name);
  return value === null || value === undefined ? undefined : String(value);
}

function parseBody(response: HttpResponse): unknown {
  const content = response.content ?? '';
  if (!content) return undefined;
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}

/** HighLevel's own message: `message` as a string or an array of strings, else `error`, else plain text. */
export function highLevelMessage(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const text = body.trim();
    if (!text || /^<(!doctype|html)/i.test(text)) return undefined; // an HTML error page says nothing useful
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  }
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const key of ['message', 'error_description', 'error', 'msg']) {
      const value = record[key];
      if (Array.isArray(value) && value.length) return value.map(String).join('; ');
      if (typeof value === 'string' && value.trim()) return value.trim();
    }
  }
  return undefined;
}

function traceIdOf(response: HttpResponse, body: unknown): string | undefined {
  const fromBody = body && typeof body === 'object' ? (body as Record<string, unknown>).traceId : undefined;
  return typeof fromBody === 'string' ? fromBody : (header(response, 'x-trace-id') ?? header(response, 'traceid'));
}

/** Seconds to wait before retrying a 429: Retry-After, else HighLevel's rate-limit interval, else 10 s. */
export function throttleDelaySeconds(response: HttpResponse): number {
  const retryAfter = header(response, 'retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.max(1, Math.ceil(seconds));
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(1, Math.ceil((date - Date.now()) / 1000));
  }
  const intervalMs = Number(header(response, 'x-ratelimit-interval-milliseconds'));
  if (Number.isFinite(intervalMs) && intervalMs > 0) return Math.max(1, Math.ceil(intervalMs / 1000));
  return 10;
}

/**
 * Turns a HighLevel error response into the one error the user sees: HighLevel's own message and the status,
 * the traceId HighLevel support asks for, and what to do. Never returns.
 */
export function throwForHighLevelError(z: ZObject, response: HttpResponse, context: ErrorContext = {}): never {
  const status = response.status;
  const body = parseBody(response);
  const hlMessage = highLevelMessage(body);
  const traceId = traceIdOf(response, body);
  // HighLevel's sentence goes inside ours: its own closing full stop would double ours.
  const said = hlMessage ? `: ${hlMessage.replace(/\.+$/, '')}` : '';
  const trace = traceId ? ` (HighLevel traceId ${traceId})` : '';
  const clean = (text: string) => redact(text, context.secrets);

  if (status === 429) {
    const dailyRemaining = header(response, 'x-ratelimit-daily-remaining');
    if (dailyRemaining !== undefined && Number(dailyRemaining) <= 0) {
      // Retrying cannot help before the daily window resets: fail clearly instead of a retry loop.
      const reset = header(response, 'x-ratelimit-daily-reset') ?? header(response, 'x-ratelimit-reset');
      const when = reset ? ` It resets at ${describeReset(reset)}.` : ' It resets within 24 hours.';
      throw new z.errors.Error(
        clean(`HighLevel's daily API limit for this location is used up (429)${said}.${when}${trace}`),
        'HighLevelDailyLimit',
        429,
      );
    }
    const delay = throttleDelaySeconds(response);
    throw new z.errors.ThrottledError(clean(`HighLevel rate limit reached (429)${said}. Retrying in ${delay} s.`), delay);
  }
  if (status === 401) {
    // HighLevel answers a token that lacks the endpoint's scope with 401 too: refreshing cannot add a scope, and
    // the app turns off core's autoRefresh (which refreshes on every 401) so this decision is made here.
    if (isMissingScope(hlMessage)) {
      const scope = context.scope ? ` This step needs the "${context.scope}" scope` : ' This step needs a scope the connection lacks';
      throw new z.errors.Error(
        clean(
          `HighLevel refused the request (401)${said}.${scope}: reconnect HighLevel and approve it; if it is not offered, ` +
            `the HighLevel marketplace app must have that scope enabled.${trace}`,
        ),
        'HighLevelMissingScope',
        401,
      );
    }
    throw expiredTokenError(z, clean(said));
  }
  if (status === 403) {
    const scope = context.scope ? ` This step needs the "${context.scope}" scope: reconnect HighLevel and approve it.` : '';
    throw new z.errors.Error(clean(`HighLevel refused access (403)${said}.${scope}${trace}`), 'HighLevelForbidden', 403);
  }
  if (status >= 500) {
    throw new z.errors.Error(
      clean(`HighLevel had a server error (${status})${said}. This is usually temporary; try again later.${trace}`),
      'HighLevelServerError',
      status,
    );
  }
  const what = status === 404 ? 'could not find that record' : 'rejected the request';
  // Ids and field names HighLevel gave beyond its message (never values), with what to do about them.
  const details = describeDetails(errorDetails(body));
  throw new z.errors.Error(clean(`HighLevel ${what} (${status})${said}.${details ? ` ${details}` : ''}${trace}`), 'HighLevelError', status);
}

/** HighLevel's 401 for a token without the endpoint's scope: "The token is not authorized for this scope." */
export function isMissingScope(message: string | undefined): boolean {
  return !!message && /not authori[sz]ed for this scope/i.test(message);
}

/**
 * A 401 for an expired (or revoked) access token: HighLevel's tokens last 24 hours. A RefreshAuthError makes Zapier
 * refresh the token and retry; a local run (`zapier-platform invoke`) does not refresh, so the message says how.
 * `said` is HighLevel's own message as `: …` (HighLevel answers `{"message":"Invalid JWT"}`), when there is one.
 */
export function expiredTokenError(z: ZObject, said = ''): Error {
  return new z.errors.RefreshAuthError(
    `HighLevel rejected the access token (401)${said}: the access token expired; run \`zapier-platform invoke auth refresh\` ` +
      '(in a local run; Zapier refreshes it by itself), then try again.',
  );
}

/**
 * zapier-platform-core answers every 401 with a RefreshAuthError that has no message before the app's own error
 * mapping runs (oauth2Config.autoRefresh); on Zapier that triggers the refresh, but a local run would print a bare
 * "Error:". Gives such an error the expired-token message; any other error is returned as it is.
 */
export function explainStaleAuth(z: ZObject, error: unknown): unknown {
  const e = error as { name?: string; message?: string } | undefined;
  return e?.name === 'RefreshAuthError' && !e.message ? expiredTokenError(z) : error;
}

function describeReset(reset: string): string {
  const n = Number(reset);
  if (Number.isFinite(n)) {
    // Epoch seconds, epoch milliseconds, or seconds from now.
    const ms = n > 1e12 ? n : n > 1e9 ? n * 1000 : Date.now() + n * 1000;
    return new Date(ms).toISOString();
  }
  return reset;
}
