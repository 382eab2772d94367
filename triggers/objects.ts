import { objectsApi, pollRecords, propertyOutputFields, searchRecords } from '../src/api/objects';
import { withOutputFieldsFunction } from '../src/api/forms';
import { Context, Item } from '../src/factories/operation';
import { pollingTrigger } from '../src/factories/trigger';
import { objectKeyField, objectSample, searchedRecordOutputFields, searchedRecordSample } from '../src/fields/object';

const searchedRecord = searchedRecordSample;

/**
 * New Record: the object's records added since the previous poll through the records search (pollRecords: either
 * order HighLevel lists them in), newest first in the app; each record carries its object's key.
 */
export const newObjectRecord = withOutputFieldsFunction(
  pollingTrigger({
    key: 'new_object_record',
    noun: 'Record',
    label: 'New Custom Object Record',
    description: 'Triggers when a record is added to a custom object (e.g. a new Pet), with its properties labelled.',
    endpoint: objectsApi.searchRecords,
    fields: [{ ...objectKeyField, altersDynamicFields: false }],
    perform: async (input, ctx) => {
      const sampling = Boolean((ctx.bundle.meta as { isLoadingSample?: boolean } | undefined)?.isLoadingSample);
      const list = sampling
        ? await searchRecords(ctx, input.objectKey, '', 10, 1)
        : await pollRecords(ctx, input.objectKey, 'new_object_record');
      return list.map((r) => ({ ...r, objectKey: r.objectKey ?? input.objectKey }));
    },
    newestFirst: (r) => r.createdAt,
    resultKey: 'records',
    sample: searchedRecordSample,
    sampleAnswer: { records: [searchedRecord], total: 1 },
    outputFields: searchedRecordOutputFields,
  }),
  propertyOutputFields(),
);

/** Custom objects (not HighLevel's standard ones) for the object dropdown; the value is the object's key. */
export const customObjectDropdown = pollingTrigger({
  key: 'custom_object_list',
  noun: 'Custom Object',
  label: 'List Custom Objects',
  description: 'Lists custom objects for dropdowns.',
  hidden: true,
  endpoint: objectsApi.listObjects,
  fields: [],
  perform: async (_input, ctx) => {
    if (ctx.page > 0) return []; // HighLevel returns every object at once
    const data = await ctx.call(objectsApi.listObjects);
    return ((data?.objects ?? []) as Item[])
      .filter((o) => o && typeof o.key === 'string' && !o.standard)
      .map((o) => ({ ...o, objectId: o.id, id: o.key, name: o.labels?.plural || o.labels?.singular || o.key }));
  },
  resultKey: 'objects',
  sample: objectSample,
  sampleAnswer: { objects: [(({ id: _i, objectId, name: _n, ...o }) => ({ ...o, id: objectId }))(objectSample)] },
  zapier: { canPaginate: true },
});

/**
 * The property a record of the object is shown by: the object's `primaryDisplayProperty` (e.g.
 * `custom_objects.pet.name`, GET /objects/{key}), its last segment being the record's `properties` key. Undefined
 * when the object cannot be read: the dropdown then falls back to the first text property.
 */
async function displayProperty(ctx: Context, objectKey: string): Promise<string | undefined> {
  try {
    const data = await ctx.call(objectsApi.getObject, { path: { key: objectKey } });
    const primary = data?.object?.primaryDisplayProperty;
    return typeof primary === 'string' && primary ? primary.split('.').pop() : undefined;
  } catch (error) {
    ctx.z.console.log(`Object ${objectKey} unavailable, records are labelled by their first text property: ${(error as Error).message}`);
    return undefined;
  }
}

/** A record's name: its display property, else its first text property, else its id. */
function recordName(record: Item, display: string | undefined): string {
  const properties = (record.properties && typeof record.properties === 'object' ? record.properties : {}) as Item;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
  return (display ? text(properties[display]) : undefined) ?? Object.values(properties).map(text).find(Boolean) ?? String(record.id);
}

/** Records of the chosen object for the record dropdown (its first 100), labelled by the object's display property. */
export const objectRecordDropdown = pollingTrigger({
  key: 'object_record_list',
  noun: 'Record',
  label: 'List Custom Object Records',
  description: 'Lists the records of a custom object for dropdowns.',
  hidden: true,
  endpoint: objectsApi.searchRecords,
  alsoCalls: [objectsApi.getObject],
  fields: [{ ...objectKeyField, altersDynamicFields: false }],
  perform: async (input, ctx) => {
    if (ctx.page > 0) return [];
    const found = await searchRecords(ctx, input.objectKey, '', 100, 1);
    const display = found.length ? await displayProperty(ctx, input.objectKey) : undefined;
    return found.map((r) => ({ ...r, name: recordName(r, display) }));
  },
  resultKey: 'records',
  sample: { ...searchedRecordSample, name: 'Buddy' },
  sampleAnswer: { records: [searchedRecord], total: 1 },
  zapier: { canPaginate: true },
});
