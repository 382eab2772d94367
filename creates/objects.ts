import { objectsApi, propertyInputFields, propertyOutputFields, propertyValues } from '../src/api/objects';
import { withOutputFieldsFunction } from '../src/api/forms';
import { createAction } from '../src/factories/create';
import { Item, Operation } from '../src/factories/operation';
import { assignedUserField } from '../src/fields/common';
import { withComposedValues } from '../src/unsaved';
import { objectKeyField, recordIdField, recordOutputFields, recordSample } from '../src/fields/object';

const { objectKey: _k, ...record } = recordSample;
const ownerField = { ...assignedUserField, key: 'owner', label: 'Owner', helpText: 'The user who owns the record.' };

/** The chosen object's properties as inputs (after the declared fields) and as labelled outputs. */
function withProperties(op: Operation): Operation {
  op.definition.operation.inputFields = [...op.definition.operation.inputFields, propertyInputFields()];
  return withOutputFieldsFunction(op, propertyOutputFields());
}

const recordOf = (data: any, objectKey: string): Item => ({ ...(data?.record ?? {}), objectKey });
/** A phone extension written in a property is reported (`property__<key>Extension`), as for every phone input. */
const withExtensions = (record: Item, extensions: Record<string, string>): Item => ({
  ...record,
  ...Object.fromEntries(Object.entries(extensions).map(([key, ext]) => [`${key}Extension`, ext])),
});

export const createObjectRecord = withProperties(
  createAction({
    key: 'create_object_record',
    noun: 'Record',
    label: 'Create Custom Object Record',
    description: "Creates a record of a custom object (e.g. a Pet), its properties typed by the object's fields.",
    endpoint: objectsApi.createRecord,
    alsoCalls: [objectsApi.getObject],
    fields: [objectKeyField, ownerField],
    // The typed properties are compared with the stored record (src/api/objects.ts composedProperties).
    unsaved: {},
    perform: async (input, ctx) => {
      // Which properties a record needs is the object's rule (its primary display property, at least): HighLevel
      // says which one is missing; the spec declares no required flag to check it here.
      const { properties, extensions, compare } = await propertyValues(ctx, 'Create Custom Object Record', input.objectKey);
      const body = { properties, ...(input.owner ? { owner: [input.owner] } : {}) };
      const data = await ctx.call(objectsApi.createRecord, { path: { schemaKey: input.objectKey }, body });
      const record = recordOf(data, input.objectKey);
      return withComposedValues(withExtensions(record, extensions), compare(record));
    },
    sample: recordSample,
    sampleAnswer: { record },
    outputFields: recordOutputFields,
  }),
);

export const updateObjectRecord = withProperties(
  createAction({
    key: 'update_object_record',
    noun: 'Record',
    label: 'Update Custom Object Record',
    description: 'Changes properties of a custom object record. Only the properties you fill in are changed.',
    endpoint: objectsApi.updateRecord,
    alsoCalls: [objectsApi.getObject],
    fields: [objectKeyField, recordIdField, { ...ownerField, helpText: 'A new owner for the record.' }],
    unsaved: {},
    perform: async (input, ctx) => {
      const { properties, extensions, compare } = await propertyValues(ctx, 'Update Custom Object Record', input.objectKey);
      if (!Object.keys(properties).length && !input.owner) {
        throw new ctx.z.errors.Error('Update Custom Object Record: fill in a property or the Owner to change.', 'InvalidInput', 400);
      }
      const body = { ...(Object.keys(properties).length ? { properties } : {}), ...(input.owner ? { owner: [input.owner] } : {}) };
      const data = await ctx.call(objectsApi.updateRecord, { path: { schemaKey: input.objectKey, id: input.recordId }, body });
      const record = recordOf(data, input.objectKey);
      return withComposedValues(withExtensions(record, extensions), compare(record));
    },
    sample: recordSample,
    sampleAnswer: { record },
    outputFields: recordOutputFields,
  }),
);

export const deleteObjectRecord = createAction({
  key: 'delete_object_record',
  noun: 'Record',
  label: 'Delete Custom Object Record',
  description: 'Deletes a record of a custom object.',
  endpoint: objectsApi.deleteRecord,
  fields: [objectKeyField, recordIdField].map((f) => ({ ...f, altersDynamicFields: undefined })),
  perform: async (input, ctx) => {
    const data = await ctx.call(objectsApi.deleteRecord, { path: { schemaKey: input.objectKey, id: input.recordId } });
    if (data?.success === false)
      throw new ctx.z.errors.Error(`HighLevel did not delete the record ${input.recordId}.`, 'HighLevelNotDeleted', 200);
    return { id: input.recordId, objectKey: input.objectKey, deleted: true };
  },
  sample: { id: recordSample.id, objectKey: recordSample.objectKey, deleted: true },
  sampleAnswer: { id: recordSample.id, success: true },
  outputFields: [
    { key: 'id', label: 'Deleted Record ID' },
    { key: 'objectKey', label: 'Object Key' },
    { key: 'deleted', label: 'Deleted', type: 'boolean' },
  ],
});
