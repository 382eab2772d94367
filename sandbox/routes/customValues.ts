import { newId, Rec, SandboxState } from '../state';
import { assertLocation, fail, ok, Route, RouteRequest, storeFor } from './route';

// A location's custom values (seeded: a booking link) and the writes of its tag list (the list itself is served
// with the contact extras, from the shared state's tags).

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

const values = storeFor((state: SandboxState) => {
  const id = newId();
  const seeded = {
    id,
    name: 'Booking Link',
    fieldKey: '{{ custom_values.booking_link }}',
    value: 'https://sandbox-plumbing.example.com/book',
    locationId: state.locationId,
  };
  return new Map<string, Rec>([[id, seeded]]);
});

function valueOf(req: RouteRequest, state: SandboxState): Rec {
  assertLocation(req, req.params.locationId);
  const record = values(state).get(req.params.id);
  if (!record || record.locationId !== req.locationId) fail(404, 'Custom value not found');
  return record;
}

function tagOf(req: RouteRequest, state: SandboxState): [string, Rec] {
  assertLocation(req, req.params.locationId);
  state.tagsOf(req.locationId); // tags of contacts get their records first
  const found = [...state.tags.entries()].find(([, t]) => t.id === req.params.tagId && t.locationId === req.locationId);
  if (!found) fail(404, 'Tag not found');
  return found;
}

function checkUniqueName(state: SandboxState, locationId: string, name: string, exceptId?: string) {
  if ([...values(state).values()].some((v) => v.locationId === locationId && slug(v.name) === slug(name) && v.id !== exceptId)) {
    fail(400, `A custom value named ${name} already exists`);
  }
}

export const customValueRoutes: Route[] = [
  {
    method: 'GET',
    path: '/locations/{locationId}/customValues',
    handle(req, state) {
      assertLocation(req, req.params.locationId);
      return ok({ customValues: [...values(state).values()].filter((v) => v.locationId === req.locationId) });
    },
  },
  {
    method: 'GET',
    path: '/locations/{locationId}/customValues/{id}',
    handle: (req, state) => ok({ customValue: valueOf(req, state) }),
  },
  {
    method: 'POST',
    path: '/locations/{locationId}/customValues',
    handle(req, state) {
      assertLocation(req, req.params.locationId);
      checkUniqueName(state, req.locationId, req.body.name);
      const record = {
        id: newId(),
        name: req.body.name,
        fieldKey: `{{ custom_values.${slug(req.body.name)} }}`,
        value: req.body.value,
        locationId: req.locationId,
      };
      values(state).set(record.id, record);
      return ok({ customValue: record });
    },
  },
  {
    method: 'PUT',
    path: '/locations/{locationId}/customValues/{id}',
    handle(req, state) {
      const record = valueOf(req, state);
      checkUniqueName(state, req.locationId, req.body.name, record.id);
      Object.assign(record, { name: req.body.name, value: req.body.value, fieldKey: `{{ custom_values.${slug(req.body.name)} }}` });
      return ok({ customValue: record });
    },
  },
  {
    method: 'POST',
    path: '/locations/{locationId}/tags',
    handle(req, state) {
      assertLocation(req, req.params.locationId);
      const name = String(req.body.name).trim();
      if (state.tagsOf(req.locationId).some((t) => t.name.toLowerCase() === name.toLowerCase()))
        fail(400, `The tag ${name} already exists`);
      const tag = { id: newId(), name, locationId: req.locationId };
      state.tags.set(`${req.locationId}:${name.toLowerCase()}`, tag);
      return ok({ tag });
    },
  },
  {
    method: 'PUT',
    path: '/locations/{locationId}/tags/{tagId}',
    handle(req, state) {
      const [key, tag] = tagOf(req, state);
      const name = String(req.body.name).trim();
      state.tags.delete(key);
      tag.name = name;
      state.tags.set(`${req.locationId}:${name.toLowerCase()}`, tag);
      // HighLevel renames the tag on the contacts that carry it.
      for (const c of state.contactsOf(req.locationId))
        if (Array.isArray(c.tags)) c.tags = c.tags.map((t: string) => (t.toLowerCase() === key.split(':')[1] ? name : t));
      return ok({ tag });
    },
  },
  {
    method: 'DELETE',
    path: '/locations/{locationId}/tags/{tagId}',
    handle(req, state) {
      const [key] = tagOf(req, state);
      state.tags.delete(key);
      for (const c of state.contactsOf(req.locationId))
        if (Array.isArray(c.tags)) c.tags = c.tags.filter((t: string) => t.toLowerCase() !== key.split(':')[1]);
      return ok({ succeded: true });
    },
  },
];
