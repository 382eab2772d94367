import { newId, Rec, SandboxState } from '../state';
import { assertLocation, created, fail, ok, Route, RouteRequest, storeFor } from './route';

// Custom objects and their records (objects.json), in this module's own store. Seeded: the standard Contact object
// and a custom "Pets" object with four properties (text, number, options, date) and one record.

const store = storeFor((state: SandboxState) => {
  const loc = state.locationId;
  const at = new Date(Date.now() - 10 * 24 * 60 * 60 * 1000).toISOString();
  const object = (key: string, singular: string, plural: string, standard: boolean) => ({
    id: newId(24).toLowerCase(),
    key,
    standard,
    labels: { singular, plural },
    locationId: loc,
    primaryDisplayProperty: `${key}.name`,
    dateAdded: at,
    dateUpdated: at,
  });
  const objects = [object('contact', 'Contact', 'Contacts', true), object('custom_objects.pet', 'Pet', 'Pets', false)];
  const field = (name: string, key: string, dataType: string, extra: Rec = {}) => ({
    id: newId(),
    name,
    fieldKey: `custom_objects.pet.${key}`,
    objectKey: 'custom_objects.pet',
    dataType,
    parentId: objects[1].id,
    locationId: loc,
    showInForms: true,
    dateAdded: at,
    dateUpdated: at,
    ...extra,
  });
  const fields = [
    field('Pet Name', 'name', 'TEXT'),
    field('Weight (kg)', 'weight_kg', 'NUMERICAL'),
    field('Species', 'species', 'SINGLE_OPTIONS', {
      options: [
        { key: 'dog', label: 'Dog' },
        { key: 'cat', label: 'Cat' },
      ],
    }),
    field('Last Visit', 'last_visit', 'DATE'),
  ];
  const records = new Map<string, Rec>();
  const first = {
    id: newId(24).toLowerCase(),
    objectKey: 'custom_objects.pet',
    locationId: loc,
    owner: [],
    followers: [],
    properties: { name: 'Buddy', species: 'dog' },
    createdAt: at,
    updatedAt: at,
  };
  records.set(first.id, first);
  return { objects, fields: new Map<string, Rec[]>([['custom_objects.pet', fields]]), records, seq: 0 };
});

function objectOf(req: RouteRequest, state: SandboxState, key: string): Rec {
  const object = store(state).objects.find((o) => o.key === key && o.locationId === req.locationId && !o.standard);
  if (!object) fail(404, `Object ${key} not found`);
  return object;
}

/** The properties a record may carry: its object's field keys (last segment); others are a 400, as in HighLevel. */
function checkProperties(state: SandboxState, key: string, properties: unknown) {
  if (!properties || typeof properties !== 'object' || Array.isArray(properties)) fail(422, 'properties must be an object');
  const known = new Map((store(state).fields.get(key) ?? []).map((f) => [f.fieldKey.split('.').pop(), f]));
  for (const [k, v] of Object.entries(properties as Rec)) {
    const f = known.get(k);
    if (!f) fail(400, `Unknown property ${k}`);
    if (f.dataType === 'NUMERICAL' && typeof v !== 'number') fail(400, `${k} must be a number`);
    if (f.dataType === 'SINGLE_OPTIONS' && !f.options.some((o: Rec) => o.key === v)) fail(400, `${k} must be one of the options`);
  }
}

function recordOf(req: RouteRequest, state: SandboxState): Rec {
  objectOf(req, state, req.params.schemaKey);
  const record = store(state).records.get(req.params.id);
  if (!record || record.locationId !== req.locationId || record.objectKey !== req.params.schemaKey) fail(404, 'Record not found');
  return record;
}

const asRecord = ({ id, owner, followers, properties, createdAt, updatedAt }: Rec) => ({
  id,
  owner,
  followers,
  properties,
  dateAdded: createdAt,
  dateUpdated: updatedAt,
});
const by = { channel: 'WEB_USER', source: 'PUBLIC_API', sourceId: 'sandbox' };

export const objectRoutes: Route[] = [
  {
    method: 'GET',
    path: '/objects/',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      return ok({ objects: store(state).objects.filter((o) => o.locationId === req.locationId) });
    },
  },
  {
    method: 'GET',
    path: '/objects/{key}',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const object = objectOf(req, state, req.params.key);
      return ok({
        object,
        cache: false,
        ...(req.query.fetchProperties === 'true' ? { fields: store(state).fields.get(object.key) ?? [] } : {}),
      });
    },
  },
  {
    method: 'POST',
    path: '/objects/{schemaKey}/records',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      objectOf(req, state, req.params.schemaKey);
      checkProperties(state, req.params.schemaKey, req.body.properties);
      const primary = String(objectOf(req, state, req.params.schemaKey).primaryDisplayProperty)
        .split('.')
        .pop()!;
      if (req.body.properties[primary] === undefined) fail(400, `${primary} is required`);
      const now = state.now();
      const record = {
        id: newId(24).toLowerCase(),
        objectKey: req.params.schemaKey,
        locationId: req.locationId,
        owner: req.body.owner ?? [],
        followers: [],
        properties: req.body.properties,
        createdAt: now,
        updatedAt: now,
      };
      store(state).records.set(record.id, record);
      return created({ record: asRecord(record) });
    },
  },
  {
    method: 'GET',
    path: '/objects/{schemaKey}/records/{id}',
    handle: (req, state) => ok({ record: asRecord(recordOf(req, state)) }),
  },
  {
    method: 'PUT',
    path: '/objects/{schemaKey}/records/{id}',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const record = recordOf(req, state);
      if (req.body.properties !== undefined) checkProperties(state, req.params.schemaKey, req.body.properties);
      Object.assign(record, {
        properties: { ...record.properties, ...(req.body.properties ?? {}) },
        ...(req.body.owner ? { owner: req.body.owner } : {}),
        updatedAt: state.now(),
      });
      return ok({ record: asRecord(record) });
    },
  },
  {
    method: 'DELETE',
    path: '/objects/{schemaKey}/records/{id}',
    handle(req, state) {
      const record = recordOf(req, state);
      store(state).records.delete(record.id);
      return ok({ id: record.id, success: true });
    },
  },
  {
    method: 'POST',
    path: '/objects/{schemaKey}/records/search',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      const object = objectOf(req, state, req.params.schemaKey);
      const needle = String(req.body.query ?? '').toLowerCase();
      // Ordered by creation, oldest first; searchAfter is the last record's [createdAt ms, sequence].
      const all = [...store(state).records.values()]
        .filter((r) => r.locationId === req.locationId && r.objectKey === object.key)
        .filter((r) => !needle || Object.values(r.properties).some((v) => String(v).toLowerCase().includes(needle)))
        .map((r) => ({ r, after: [Date.parse(r.createdAt), Number.parseInt(r.id.slice(0, 8), 36)] }));
      const after = (req.body.searchAfter ?? []).map(Number);
      const start = after.length ? all.findIndex((x) => x.after[0] === after[0] && x.after[1] === after[1]) + 1 : 0;
      const page = all.slice(start, start + Number(req.body.pageLimit));
      return ok({
        records: page.map(({ r, after: sa }) => ({
          id: r.id,
          owner: r.owner,
          followers: r.followers,
          properties: r.properties,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
          locationId: r.locationId,
          objectId: object.id,
          objectKey: object.key,
          createdBy: { ...by, createdAt: r.createdAt },
          lastUpdatedBy: { ...by, createdAt: r.updatedAt },
          searchAfter: sa,
        })),
        total: all.length,
      });
    },
  },
];
