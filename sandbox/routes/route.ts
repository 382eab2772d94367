import type { Rec, SandboxState } from '../state';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a handler gets: the request, already checked against the spec and authenticated. */
export interface RouteRequest {
  /** Path parameters, by the template's `{names}`. */
  params: Record<string, string>;
  /** Query parameters (first value of each). */
  query: Record<string, string>;
  /** The parsed JSON or form body (undefined when there is none). */
  body: any;
  /** The token's location and company (empty for routes without auth). */
  locationId: string;
  companyId: string;
}

export interface Reply {
  status: number;
  body: unknown;
}

/**
 * One sandbox endpoint. `path` is the template exactly as in HighLevel's spec (`/contacts/{contactId}`), so the
 * sandbox serves what the app's endpoint tables call.
 */
export interface Route {
  method: Method;
  path: string;
  /** False only where tokens come from (`POST /oauth/token`). */
  auth?: boolean;
  handle(req: RouteRequest, state: SandboxState): Reply;
}

/** An error reply in HighLevel's words: `{ statusCode, message, error }` (+ traceId, added by the server). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string | string[],
    readonly extra: Rec = {},
  ) {
    super(Array.isArray(messages) ? messages.join('; ') : messages);
  }
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });

export function fail(status: number, message: string | string[], extra?: Rec): never {
  throw new HttpError(status, message, extra);
}

/** A location id in the path, query or body must be the token's: HighLevel answers 403 otherwise. */
export function assertLocation(req: RouteRequest, locationId: unknown) {
  if (locationId !== undefined && locationId !== req.locationId) {
    fail(403, 'The token does not have access to this location.');
  }
}

/** The token's contact with this id; other locations' contacts do not exist for it. */
export function contactOf(req: RouteRequest, state: SandboxState, contactId: string): Rec {
  const contact = state.contacts.get(contactId);
  if (!contact || contact.locationId !== req.locationId) fail(404, 'Contact not found');
  return contact;
}

/** Matches `/contacts/abc` against `/contacts/{contactId}`; a trailing slash is optional. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const trim = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  const want = trim(template).split('/');
  const got = trim(path).split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const name = /^\{(\w+)\}$/.exec(want[i])?.[1];
    if (name) {
      if (!got[i]) return undefined;
      try {
        params[name] = decodeURIComponent(got[i]);
      } catch {
        return undefined; // malformed escape: no such path
      }
    } else if (want[i] !== got[i]) return undefined;
  }
  return params;
}

/** The route for a request: literal paths win over templates (`/contacts/search` before `/contacts/{id}`). */
export function findRoute(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  let best: { route: Route; params: Record<string, string> } | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPath(route.path, path);
    if (params && (!best || Object.keys(params).length < Object.keys(best.params).length)) best = { route, params };
  }
  return best;
}
