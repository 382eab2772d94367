import { objectsApi, propertyOutputFields, searchRecords } from '../src/api/objects';
import { withOutputFieldsFunction } from '../src/api/forms';
import { searchAction } from '../src/factories/search';
import { objectKeyField, recordOutputFields, recordSample } from '../src/fields/object';
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
