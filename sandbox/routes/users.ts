import { newId, pick, Rec, SandboxState } from '../state';
import { assertAgency, assertLocation, created, fail, ok, page, Route, RouteRequest } from './route';

// Users live in the shared state (state.users); a user belongs to the locations in its roles.locationIds and to
// the sandbox's company. A sub-account token sees its location's users; an agency token sees all of them.

const WRITABLE = ['firstName', 'lastName', 'email', 'phone', 'permissions', 'scopes', 'scopesAssignedToOnly'];

/** A user as HighLevel answers it (UserSchema): never the password. */
function view(user: Rec): Rec {
  const { password: _password, companyId: _companyId, ...rest } = user;
  return rest;
}

function visible(req: RouteRequest, user: Rec): boolean {
  if (user.deleted) return false;
  return req.userType === 'Company' ? true : (user.roles?.locationIds ?? []).includes(req.locationId);
}

function userOf(req: RouteRequest, state: SandboxState, userId: string): Rec {
  const user = state.users.get(userId);
  if (!user || !visible(req, user)) fail(404, 'User not found');
  return user;
}

const named = (user: Rec) => Object.assign(user, { name: [user.firstName, user.lastName].filter(Boolean).join(' ') });

function matches(user: Rec, text: string): boolean {
  const q = text.trim().toLowerCase();
  return [user.name, user.email, user.phone].some((v) =>
    String(v ?? '')
      .toLowerCase()
      .includes(q),
  );
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    path: '/users/',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      return ok({ users: state.usersOf(req.locationId).map(view) });
    },
  },
  {
    // Filters: query (name/email/phone), locationId, role, type, ids; sorted by dateAdded or name.
    method: 'GET',
    path: '/users/search',
    handle(req, state) {
      if (req.query.companyId !== req.companyId) fail(403, 'The token does not have access to this company.');
      assertLocation(req, req.userType === 'Company' ? undefined : req.query.locationId);
      const q = req.query;
      let users = [...state.users.values()].filter((u) => visible(req, u));
      if (q.locationId) users = users.filter((u) => (u.roles?.locationIds ?? []).includes(q.locationId));
      if (q.query) users = users.filter((u) => matches(u, q.query));
      if (q.role) users = users.filter((u) => u.roles?.role === q.role);
      if (q.type) users = users.filter((u) => u.roles?.type === q.type);
      if (q.ids) users = users.filter((u) => q.ids.split(',').includes(u.id));
      const field = q.sort === 'name' ? 'name' : 'dateAdded';
      users.sort((a, b) => String(a[field] ?? '').localeCompare(String(b[field] ?? '')));
      if (q.sortDirection === 'desc') users.reverse();
      return ok({ users: page(users, q, 25).map(view), count: users.length });
    },
  },
  {
    // Agency only: comma-separated emails; `deleted: true` includes deleted users.
    method: 'POST',
    path: '/users/search/filter-by-email',
    handle(req, state) {
      assertAgency(req, req.body.companyId);
      const emails = new Set(
        String(req.body.emails)
          .split(',')
          .map((e) => e.trim().toLowerCase()),
      );
      const users = [...state.users.values()].filter(
        (u) => emails.has(String(u.email).toLowerCase()) && (req.body.deleted === true || !u.deleted),
      );
      return ok({ users: page(users, { skip: req.body.skip, limit: req.body.limit }, 25).map(view), count: users.length });
    },
  },
  {
    method: 'GET',
    path: '/users/{userId}',
    handle: (req, state) => ok(view(userOf(req, state, req.params.userId))),
  },
  {
    // A location token may only give access to its own location; the email must be new.
    method: 'POST',
    path: '/users/',
    handle(req, state) {
      if (req.body.companyId !== req.companyId) fail(403, 'The token does not have access to this company.');
      const locationIds: string[] = req.body.locationIds;
      if (req.userType !== 'Company') for (const id of locationIds) assertLocation(req, id);
      const email = String(req.body.email).toLowerCase();
      if ([...state.users.values()].some((u) => !u.deleted && String(u.email).toLowerCase() === email))
        fail(400, 'User already exists with this email');
      const user = named({
        id: newId(),
        ...pick(req.body, WRITABLE),
        roles: { type: req.body.type, role: req.body.role, locationIds, restrictSubAccount: false },
        deleted: false,
        dateAdded: state.now(),
      });
      state.users.set(user.id, user);
      return created(view(user));
    },
  },
  {
    method: 'PUT',
    path: '/users/{userId}',
    handle(req, state) {
      const user = userOf(req, state, req.params.userId);
      named(Object.assign(user, pick(req.body, WRITABLE)));
      if (req.body.role || req.body.type || req.body.locationIds) {
        user.roles = { ...user.roles, ...pick(req.body, ['role', 'type', 'locationIds']) };
      }
      return ok(view(user));
    },
  },
  {
    // HighLevel queues the deletion; the sandbox marks the user deleted at once.
    method: 'DELETE',
    path: '/users/{userId}',
    handle(req, state) {
      const user = userOf(req, state, req.params.userId);
      user.deleted = true;
      return ok({
        succeded: true,
        message: `Queued deleting user with e-mail ${user.email} and name ${user.name}. Will take effect in a few minutes.`,
      });
    },
  },
];
