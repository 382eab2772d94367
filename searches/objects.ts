import { objectsApi, propertyOutputFields, searchRecords } from '../src/api/objects';
import { withOutputFieldsFunction } from '../src/api/forms';
import { nameSearch } from '../src/factories/nameSearch';
import { records } from '../src/factories/operation';
import { searchAction } from '../src/factories/search';
import { objectKeyField, objectSample, recordOutputFields, recordSample } from '../src/fields/object';
import * as v from '../src/fields/values';

const { objectKey: _k, ...record } = recordSample;

/** Find Record: by ID, else HighLevel's search over the object's searchable properties. */
export const findObjectRecord = withOutputFieldsFunction(
  searchAction({
    key: 'find_object_record',
    noun: 'Record',
    label: 'Find Custom Object Record',
    description: "Finds a custom object record by ID, or by text in its searchable properties (e.g. a pet's name).",
    endpoint: objectsApi.getRecord,
    alsoCalls: [objectsApi.searchRecords],
    fields: [
      { ...objectKeyField, altersDynamicFields: false },
      { key: 'recordId', label: 'Record ID', helpText: 'Find the record with exactly this ID.', schema: v.id() },
      {
        key: 'query',
        label: 'Search Text',
        helpText: "Text to find in the object's searchable properties (set them in the object's settings in HighLevel).",
        schema: v.text(200),
      },
    ],
    perform: async (input, ctx) => {
      if (input.recordId) {
        const data = await ctx.call(
          objectsApi.getRecord,
          { path: { schemaKey: input.objectKey, id: input.recordId } },
          { notFoundAsNull: true },
        );
        return data?.record?.id ? [{ ...data.record, objectKey: input.objectKey }] : [];
      }
      if (!input.query) throw new ctx.z.errors.Error('Find Custom Object Record: fill in Record ID or Search Text.', 'InvalidInput', 400);
      return (await searchRecords(ctx, input.objectKey, input.query, 100, 1)).map((r) => ({
        ...r,
        objectKey: r.objectKey ?? input.objectKey,
      }));
    },
    sample: recordSample,
    sampleAnswer: { record },
    outputFields: recordOutputFields,
  }),
  propertyOutputFields(),
);

/** Find Custom Object, for the object dropdown: the location's custom objects by label or key (the value is the key). */
export const findCustomObject = nameSearch({
  key: 'find_custom_object',
  noun: 'Custom Object',
  description: 'Finds a custom object of your location by its name (singular or plural, e.g. Pet or Pets) or its key.',
  endpoint: objectsApi.listObjects,
  listKey: 'objects',
  // As the dropdown gives it (triggers/objects.ts customObjectDropdown): standard objects left out, the key as id.
  items: (data) =>
    records(data?.objects)
      .filter((o) => typeof o.key === 'string' && !o.standard)
      .map((o) => ({ ...o, objectId: o.id, id: o.key, name: o.labels?.plural || o.labels?.singular || o.key })),
  namesOf: (o) => [o.labels?.singular, o.labels?.plural, o.key],
  nameField: {
    label: 'Object Name',
    helpText: 'The custom object\'s name, singular or plural (e.g. "Pet"), or its key (custom_objects.pet). Case does not matter.',
  },
  sample: objectSample,
  sampleAnswer: { objects: [(({ id: _i, objectId, name: _n, ...o }) => ({ ...o, id: objectId }))(objectSample)] },
  outputFields: [
    { key: 'id', label: 'Object Key' },
    { key: 'objectId', label: 'Object ID' },
    { key: 'name', label: 'Object Name' },
  ],
});
