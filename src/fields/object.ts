import { OutputField } from '../factories/operation';
import { FieldDef } from './field';
import * as v from './values';

/** An object's key, e.g. `custom_objects.pet` (letters, digits, `_` and the dots between its parts). */
const objectKeySchema = v.narrow(v.text(100), (s) =>
  s.regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/, 'must be an object key, e.g. custom_objects.pet'),
);

export const objectKeyField: FieldDef = {
  key: 'objectKey',
  label: 'Object',
  helpText: 'The custom object (e.g. Pets). Pick one: its properties then show as fields below.',
  schema: objectKeySchema,
  required: true,
  dynamic: 'custom_object_list.id.name',
  altersDynamicFields: true,
};

export const recordIdField: FieldDef = {
  key: 'recordId',
  label: 'Record',
  helpText: 'The record of the object. Pick one (after choosing the object), search for it, or map a record ID.',
  schema: v.id(),
  required: true,
  dynamic: 'object_record_list.id.name',
  search: 'find_object_record.id',
};

/** A record as HighLevel answers it (IRecordSchema); the step adds the object's key. */
export const recordSample = {
  id: '661c06b4ffde146bdb469442',
  objectKey: 'custom_objects.pet',
  owner: ['y0BeYjuRIlDwsDcOHOJo'],
  followers: [],
  properties: { name: 'Buddy', breed: 'Beagle', weight_kg: 11.5, vaccinated: ['Rabies'] },
  dateAdded: '2026-03-09T10:00:00.000Z',
  dateUpdated: '2026-03-09T10:05:00.000Z',
};

/** A record as the search answers it (RecordResponseDTO). */
export const searchedRecordSample = {
  id: recordSample.id,
  objectKey: 'custom_objects.pet',
  objectId: '6d6f6e676f5f6576656e7473',
  locationId: 've9EPM428h8vShlRW1KT',
  owner: recordSample.owner,
  followers: [],
  properties: recordSample.properties,
  createdAt: '2026-03-09T10:00:00.000Z',
  updatedAt: '2026-03-09T10:05:00.000Z',
  createdBy: {
    channel: 'WEB_USER',
    createdAt: '2026-03-09T10:00:00.000Z',
    source: 'PUBLIC_API',
    sourceId: '26653146-ec82-435d-8a99-84ecdb7fde13',
  },
  lastUpdatedBy: {
    channel: 'WEB_USER',
    createdAt: '2026-03-09T10:05:00.000Z',
    source: 'PUBLIC_API',
    sourceId: '26653146-ec82-435d-8a99-84ecdb7fde13',
  },
  searchAfter: [1773050400000, 1],
};

export const recordOutputFields: OutputField[] = [
  { key: 'id', label: 'Record ID' },
  { key: 'objectKey', label: 'Object Key' },
  { key: 'owner', label: 'Owner (User IDs)' },
  { key: 'dateAdded', label: 'Created At', type: 'datetime' },
  { key: 'dateUpdated', label: 'Updated At', type: 'datetime' },
];

export const searchedRecordOutputFields: OutputField[] = [
  { key: 'id', label: 'Record ID' },
  { key: 'objectKey', label: 'Object Key' },
  { key: 'owner', label: 'Owner (User IDs)' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated At', type: 'datetime' },
];

/** An object as HighLevel answers it (ICustomObjectSchema), for the object dropdown. */
export const objectSample = {
  id: 'custom_objects.pet',
  objectId: '661c06b4ffde146bdb469442',
  key: 'custom_objects.pet',
  name: 'Pet',
  standard: false,
  labels: { singular: 'Pet', plural: 'Pets' },
  locationId: 've9EPM428h8vShlRW1KT',
  primaryDisplayProperty: 'custom_objects.pet.name',
  dateAdded: '2026-02-01T09:00:00.000Z',
  dateUpdated: '2026-02-01T09:00:00.000Z',
};
