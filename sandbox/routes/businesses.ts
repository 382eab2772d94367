import { newId, pick, Rec, SandboxState } from '../state';
import { assertLocation, created, fail, ok, Route, RouteRequest } from './route';

// Businesses (company records), kept beside the shared state and seeded on first use.

const FIELDS = ['name', 'phone', 'email', 'website', 'address', 'city', 'state', 'postalCode', 'country', 'description'];
const stores = new WeakMap<SandboxState, Map<string, Rec>>();

function businesses(state: SandboxState): Map<string, Rec> {
  let store = stores.get(state);
  if (store) return store;
  store = new Map();
  stores.set(state, store);
  const at = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString();
  for (const [name, city] of [
    ['Delgado Bakery', 'Dolomite'],
    ['Tanaka Dental', 'Birmingham'],
  ]) {
    const id = newId(24).toLowerCase();
    store.set(id, {
      id,
      name,
      city,
      state: 'AL',
      country: 'US',
      locationId: state.locationId,
      createdBy: {},
      updatedBy: {},
      createdAt: at,
      updatedAt: at,
    });
  }
  return store;
}

function businessOf(req: RouteRequest, state: SandboxState): Rec {
  const b = businesses(state).get(req.params.businessId);
  if (!b || b.locationId !== req.locationId) fail(404, 'Business not found');
  return b;
}

export const businessRoutes: Route[] = [
  {
    method: 'GET',
    path: '/businesses/',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const limit = Math.max(Number(req.query.limit) || 100, 1);
      const skip = Math.max(Number(req.query.skip) || 0, 0);
      const all = [...businesses(state).values()].filter((b) => b.locationId === req.locationId);
      return ok({ businesses: all.slice(skip, skip + limit) });
    },
  },
  {
    method: 'GET',
    path: '/businesses/{businessId}',
    handle: (req, state) => ok({ business: businessOf(req, state) }),
  },
  {
    method: 'POST',
    path: '/businesses/',
    handle(req, state) {
      assertLocation(req, req.body?.locationId);
      const now = state.now();
      const b = {
        id: newId(24).toLowerCase(),
        ...pick(req.body, FIELDS),
        locationId: req.locationId,
        createdBy: {},
        updatedBy: {},
        createdAt: now,
        updatedAt: now,
      };
      businesses(state).set(b.id, b);
      // HighLevel's answer spells the record "buiseness".
      return created({ success: true, buiseness: b });
    },
  },
  {
    method: 'PUT',
    path: '/businesses/{businessId}',
    handle(req, state) {
      const b: Rec = { ...businessOf(req, state), ...pick(req.body, FIELDS), updatedAt: state.now() };
      businesses(state).set(b.id, b);
      return ok({ success: true, buiseness: b });
    },
  },
  {
    method: 'DELETE',
    path: '/businesses/{businessId}',
    handle(req, state) {
      businesses(state).delete(businessOf(req, state).id);
      return ok({ success: true });
    },
  },
];
