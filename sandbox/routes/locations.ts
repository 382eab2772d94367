import { newId, pick, Rec, SandboxState } from '../state';
import { assertAgency, assertLocation, created, fail, ok, page, Route, RouteRequest, storeFor } from './route';

// Locations (sub-accounts) and their company live in the shared state; custom field definitions too
// (state.customFields, CustomFieldSchema). Custom-field folders (custom-fields.json) are this module's own store.

const LOCATION_FIELDS = [
  'name',
  'phone',
  'email',
  'address',
  'city',
  'state',
  'country',
  'postalCode',
  'website',
  'timezone',
  'settings',
  'social',
];
const FIELD_FIELDS = [
  'name',
  'placeholder',
  'position',
  'model',
  'acceptedFormat',
  'isMultipleFile',
  'maxNumberOfFiles',
  'textBoxListOptions',
];

const folders = storeFor(() => new Map<string, Rec>());

/** The sandbox company (agency), as GET /companies/{companyId} answers it. */
function company(state: SandboxState): Rec {
  return {
    id: state.companyId,
    name: 'Sandbox Agency',
    email: 'agency@sandbox-plumbing.example.com',
    phone: '+15550100199',
    website: 'https://agency.sandbox-plumbing.example.com',
    address: '100 Agency Way',
    city: 'Birmingham',
    state: 'AL',
    country: 'US',
    postalCode: '35203',
    timezone: 'America/Chicago',
    currency: 'USD',
    status: 'active',
    locationCount: [...state.locations.values()].filter((l) => l.companyId === state.companyId).length,
    isSandboxAccount: true,
  };
}

const SNAPSHOTS = [
  { name: 'Plumbing Starter', type: 'own' },
  { name: 'HVAC Lead Funnel', type: 'imported' },
];
const snapshots = storeFor(() => SNAPSHOTS.map((s) => ({ id: newId(), ...s })));

function customFieldOf(req: RouteRequest, state: SandboxState): Rec {
  assertLocation(req, req.params.locationId);
  const field = state.customFields.get(req.params.id);
  if (!field || field.locationId !== req.locationId) fail(404, 'Custom field not found');
  return field;
}

function folderOf(req: RouteRequest, state: SandboxState, locationId: unknown): Rec {
  assertLocation(req, locationId);
  const folder = folders(state).get(req.params.id);
  if (!folder || folder.locationId !== req.locationId) fail(404, 'Folder not found');
  return folder;
}

/** A location custom field as custom-fields.json's ICustomField describes it (objectKey = the model). */
function objectField(field: Rec): Rec {
  const at = field.dateAdded ?? new Date(0).toISOString();
  return {
    id: field.id,
    name: field.name,
    locationId: field.locationId,
    objectKey: field.model,
    dataType: field.dataType,
    fieldKey: field.fieldKey,
    placeholder: field.placeholder ?? '',
    parentId: field.parentId ?? '',
    showInForms: true,
    options: (field.picklistOptions ?? []).map((label: string) => ({ key: label.toLowerCase().replace(/\W+/g, '_'), label })),
    dateAdded: at,
    dateUpdated: field.dateUpdated ?? at,
  };
}

export const locationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/locations/{locationId}',
    handle(req, state) {
      if (req.userType !== 'Company') assertLocation(req, req.params.locationId);
      const location = state.locations.get(req.params.locationId);
      if (!location || location.companyId !== req.companyId) fail(404, 'Location not found');
      return ok({ location });
    },
  },
  {
    // Agency only: the company's locations, in creation order (`order=desc`: newest first); `email` filters.
    method: 'GET',
    path: '/locations/search',
    handle(req, state) {
      assertAgency(req, req.query.companyId);
      let locations = [...state.locations.values()].filter((l) => l.companyId === req.companyId);
      if (req.query.email) locations = locations.filter((l) => String(l.email).toLowerCase() === req.query.email.toLowerCase());
      if (req.query.order === 'desc') locations.reverse();
      return ok({ locations: page(locations, req.query, 10) });
    },
  },
  {
    method: 'POST',
    path: '/locations/',
    handle(req, state) {
      assertAgency(req, req.body.companyId);
      const location = { id: newId(), companyId: req.companyId, ...pick(req.body, LOCATION_FIELDS), dateAdded: state.now() };
      state.locations.set(location.id, location);
      return ok(location);
    },
  },
  {
    method: 'GET',
    path: '/companies/{companyId}',
    handle(req, state) {
      assertAgency(req, req.params.companyId);
      return ok({ company: company(state) });
    },
  },
  {
    method: 'GET',
    path: '/snapshots/',
    handle(req, state) {
      assertAgency(req, req.query.companyId);
      return ok({ snapshots: snapshots(state) });
    },
  },
  {
    method: 'GET',
    path: '/locations/{locationId}/customFields/{id}',
    handle: (req, state) => ok({ customField: customFieldOf(req, state) }),
  },
  {
    // fieldKey from the name (`contact.household_size`), as HighLevel derives it; options are not part of this body.
    method: 'POST',
    path: '/locations/{locationId}/customFields',
    handle(req, state) {
      assertLocation(req, req.params.locationId);
      const model = req.body.model ?? 'contact';
      const key = String(req.body.name)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, '');
      if (state.customFieldsOf(req.locationId).some((f) => f.fieldKey === `${model}.${key}`))
        fail(400, `A custom field with key ${model}.${key} already exists`);
      const now = state.now();
      const field = {
        id: newId(),
        placeholder: '',
        position: state.customFieldsOf(req.locationId).length,
        picklistOptions: [],
        ...pick(req.body, FIELD_FIELDS),
        dataType: req.body.dataType,
        model,
        fieldKey: `${model}.${key}`,
        locationId: req.locationId,
        dateAdded: now,
        dateUpdated: now,
      };
      state.customFields.set(field.id, field);
      return created({ customField: field });
    },
  },
  {
    method: 'PUT',
    path: '/locations/{locationId}/customFields/{id}',
    handle(req, state) {
      const field = customFieldOf(req, state);
      Object.assign(field, pick(req.body, FIELD_FIELDS), { dateUpdated: state.now() });
      return ok({ customField: field });
    },
  },
  {
    method: 'DELETE',
    path: '/locations/{locationId}/customFields/{id}',
    handle(req, state) {
      state.customFields.delete(customFieldOf(req, state).id);
      return ok({ succeded: true });
    },
  },
  {
    // An object's fields and folders; the sandbox's objects are the location custom field models.
    method: 'GET',
    path: '/custom-fields/object-key/{objectKey}',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const key = req.params.objectKey;
      const fields = state
        .customFieldsOf(req.locationId)
        .filter((f) => f.model === key)
        .map(objectField);
      return ok({ fields, folders: [...folders(state).values()].filter((f) => f.locationId === req.locationId && f.objectKey === key) });
    },
  },
  {
    method: 'POST',
    path: '/custom-fields/folder',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      const folder = { id: newId(), objectKey: req.body.objectKey, locationId: req.locationId, name: req.body.name };
      folders(state).set(folder.id, folder);
      return created(folder);
    },
  },
  {
    method: 'PUT',
    path: '/custom-fields/folder/{id}',
    handle(req, state) {
      const folder = folderOf(req, state, req.body.locationId);
      folder.name = req.body.name;
      return ok(folder);
    },
  },
  {
    method: 'DELETE',
    path: '/custom-fields/folder/{id}',
    handle(req, state) {
      const folder = folderOf(req, state, req.query.locationId);
      folders(state).delete(folder.id);
      return ok({ succeded: true, id: folder.id, key: folder.objectKey });
    },
  },
];
