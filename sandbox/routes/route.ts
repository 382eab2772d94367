import { newId, pick, Rec, SandboxState } from '../state';

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
  /** 'Company' for an agency token (no location of its own), else 'Location'. */
  userType: 'Company' | 'Location';
}

export interface Reply {
  status: number;
  body: unknown;
  /** A non-JSON answer (a recording, a text file): the body is sent as it is with this type. */
  contentType?: string;
  headers?: Record<string, string>;
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

/** Agency-level endpoints (companies, sub-accounts, snapshots) answer only an agency (Company) token. */
export function assertAgency(req: RouteRequest, companyId?: unknown) {
  if (req.userType !== 'Company') fail(401, 'This route needs an agency (Company) token; the token is a sub-account token.');
  if (companyId !== undefined && companyId !== req.companyId) fail(403, 'The token does not have access to this company.');
}

/** A store of this module's own records per sandbox (keyed by the state object, so each sandbox starts fresh). */
export function storeFor<T>(init: (state: SandboxState) => T): (state: SandboxState) => T {
  const stores = new WeakMap<SandboxState, T>();
  return (state) => {
    let store = stores.get(state);
    if (!store) stores.set(state, (store = init(state)));
    return store;
  };
}

/** The token's record with this id in a location-scoped collection; other locations' records do not exist for it. */
export function recordOf(req: RouteRequest, records: Map<string, Rec>, id: string, noun: string): Rec {
  const record = records.get(id);
  if (!record || record.locationId !== req.locationId) fail(404, `${noun} not found`);
  return record;
}

/** Skip/limit (or offset/limit) paging of a list. */
export function page<T>(items: T[], query: Record<string, string>, defaultLimit = 20): T[] {
  const skip = Math.max(Number(query.skip ?? query.offset) || 0, 0);
  const limit = Math.max(Number(query.limit) || defaultLimit, 1);
  return items.slice(skip, skip + limit);
}

/**
 * The usual CRUD routes of a location-scoped collection: `GET base` (list), `GET base/{id}`, `POST base`,
 * `PUT base/{id}`, `DELETE base/{id}`, for whichever answers are given. Records are stored with the token's
 * `locationId`; the answers shape the spec's response bodies from the stored record(s).
 */
export interface Crud {
  base: string;
  idParam: string;
  noun: string;
  records: (state: SandboxState) => Map<string, Rec>;
  /** The list answer from the location's records (in insertion order), e.g. `(rs) => ({ groups: rs })`. */
  list?: (records: Rec[], req: RouteRequest, state: SandboxState) => unknown;
  get?: (record: Rec) => unknown;
  /** The new record's fields from the create body (id, locationId and dates are added). */
  create?: { build: (req: RouteRequest, state: SandboxState) => Rec; reply: (record: Rec) => unknown; status?: number };
  /** The record's changed fields from the update body (default: the body). */
  update?: { fields?: string[]; reply: (record: Rec) => unknown; status?: number };
  remove?: (record: Rec) => unknown;
}

export function crudRoutes(c: Crud): Route[] {
  const one = `${c.base}/{${c.idParam}}`;
  // The record must also belong to the path's other parameters (its calendar, its resource type…).
  const find = (req: RouteRequest, state: SandboxState) => {
    const record = recordOf(req, c.records(state), req.params[c.idParam], c.noun);
    for (const [name, value] of Object.entries(req.params)) if (name in record && record[name] !== value) fail(404, `${c.noun} not found`);
    return record;
  };
  const routes: Route[] = [];
  const { list, get, create, update, remove } = c;
  if (list) {
    routes.push({
      method: 'GET',
      path: c.base,
      handle(req, state) {
        assertLocation(req, req.query.locationId);
        return ok(
          list(
            [...c.records(state).values()].filter((r) => r.locationId === req.locationId),
            req,
            state,
          ),
        );
      },
    });
  }
  if (get) routes.push({ method: 'GET', path: one, handle: (req, state) => ok(get(find(req, state))) });
  if (create) {
    routes.push({
      method: 'POST',
      path: c.base,
      handle(req, state) {
        assertLocation(req, req.body.locationId);
        const now = state.now();
        const record = { id: newId(), ...create.build(req, state), locationId: req.locationId, dateAdded: now, dateUpdated: now };
        c.records(state).set(record.id, record);
        return { status: create.status ?? 201, body: create.reply(record) };
      },
    });
  }
  if (update) {
    routes.push({
      method: 'PUT',
      path: one,
      handle(req, state) {
        const record = find(req, state);
        assertLocation(req, req.body.locationId);
        const changes = update.fields ? pick(req.body, update.fields) : req.body;
        Object.assign(record, changes, { dateUpdated: state.now() });
        return { status: update.status ?? 200, body: update.reply(record) };
      },
    });
  }
  if (remove) {
    routes.push({
      method: 'DELETE',
      path: one,
      handle(req, state) {
        const record = find(req, state);
        assertLocation(req, req.query.locationId);
        c.records(state).delete(record.id);
        return ok(remove(record));
      },
    });
  }
  return routes;
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
