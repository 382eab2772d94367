import { pollDated } from '../polling';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { cachedPerConnection } from '../cache';
import { callHighLevel, collectPages } from '../client';
import { customFieldInput, CustomFieldDefinition } from '../customFields';
import type { Context, Item } from '../factories/operation';
import { FieldDef, isBlank, toZapierField } from '../fields/field';
import { readTypedInput } from '../typedInput';
import type { Comparable, ComposedValues } from '../unsaved';
import { endpoint } from './endpoint';

// Custom objects and their records (objects.json). An object is addressed by its key (`custom_objects.pet`); a
// record's properties are keyed by the last segment of their field key (`custom_objects.pet.name` → `name`).
export const objectsApi = {
  listObjects: endpoint('objects.json', 'GET /objects/', {
    operationId: 'get-object-by-location-id',
    scope: 'objects/schema.readonly',
    locationIn: 'query',
  }),
  getObject: endpoint('objects.json', 'GET /objects/{key}', {
    operationId: 'get-object-schema-by-key',
    scope: 'objects/schema.readonly',
    locationIn: 'query',
  }),
  createRecord: endpoint('objects.json', 'POST /objects/{schemaKey}/records', {
    operationId: 'create-object-record',
    scope: 'objects/record.write',
    locationIn: 'body',
  }),
  getRecord: endpoint('objects.json', 'GET /objects/{schemaKey}/records/{id}', {
    operationId: 'get-record-by-id',
    scope: 'objects/record.readonly',
  }),
  updateRecord: endpoint('objects.json', 'PUT /objects/{schemaKey}/records/{id}', {
    operationId: 'update-object-record',
    scope: 'objects/record.write',
    locationIn: 'query',
  }),
  deleteRecord: endpoint('objects.json', 'DELETE /objects/{schemaKey}/records/{id}', {
    operationId: 'delete-object-record',
    scope: 'objects/record.write',
  }),
  searchRecords: endpoint('objects.json', 'POST /objects/{schemaKey}/records/search', {
    operationId: 'search-object-records',
    scope: 'objects/record.readonly',
    locationIn: 'body',
  }),
};

/** One property of an object (ICustomField in objects.json). */
export interface ObjectProperty {
  id: string;
  name?: string;
  fieldKey: string;
  dataType?: string;
  placeholder?: string;
  options?: Array<{ key: string; label?: string }>;
  allowCustomOption?: boolean;
}

export const PROPERTY_PREFIX = 'property__';

/** `custom_objects.pet.name` → `name`: how a record's `properties` name the field. */
export const propertyKey = (p: ObjectProperty) => p.fieldKey.split('.').pop() || p.id;

/** The object's properties, read once per step and cached per connection for a few minutes. */
export function objectProperties(z: ZObject, bundle: Bundle, objectKey: string): Promise<ObjectProperty[]> {
  return cachedPerConnection(
    z,
    bundle,
    `objectProperties:${objectKey}`,
    async () => {
      const data = await callHighLevel<Item>(z, bundle, objectsApi.getObject, {
        path: { key: objectKey },
        query: { fetchProperties: 'true' },
      });
      return ((data?.fields ?? []) as ObjectProperty[]).filter((f) => f && typeof f.fieldKey === 'string' && f.fieldKey);
    },
    { valid: (v): v is ObjectProperty[] => Array.isArray(v) },
  );
}

/** The input field of one property, typed by its data type (the same rules as contact custom fields). */
export function propertyInput(p: ObjectProperty): FieldDef | undefined {
  const def: CustomFieldDefinition = {
    id: propertyKey(p),
    name: p.name,
    fieldKey: p.fieldKey,
    dataType: p.dataType,
    placeholder: p.placeholder,
    picklistOptions: (p.options ?? []).map((o) => o.key).filter((k) => typeof k === 'string' && k),
    isAllowedCustomOption: p.allowCustomOption,
  };
  const field = customFieldInput(def);
  if (!field) return undefined;
  return { ...field, key: `${PROPERTY_PREFIX}${propertyKey(p)}`, helpText: field.helpText.replace(/^Custom field/, 'Property') };
}

export const propertyInputs = (props: ObjectProperty[]) => props.map(propertyInput).filter((f): f is FieldDef => !!f);

/** The Zapier input-fields function: the chosen object's properties (none until an object is chosen). */
export function propertyInputFields() {
  return async (z: ZObject, bundle: Bundle) => {
    const objectKey = (bundle.inputData as Item | undefined)?.objectKey;
    if (!objectKey) return [];
    try {
      return propertyInputs(await objectProperties(z, bundle, objectKey)).map(toZapierField);
    } catch (error) {
      z.console.log(`Object properties unavailable: ${(error as Error).message}`);
      return [];
    }
  };
}

/** The Zapier output-fields function: `properties__<key>` labelled with the property names of the chosen object. */
export function propertyOutputFields() {
  return async (z: ZObject, bundle: Bundle) => {
    const objectKey = (bundle.inputData as Item | undefined)?.objectKey;
    if (!objectKey) return [];
    try {
      return (await objectProperties(z, bundle, objectKey)).map((p) => ({
        key: `properties__${propertyKey(p)}`,
        label: p.name?.trim() || propertyKey(p),
      }));
    } catch (error) {
      z.console.log(`Object properties unavailable: ${(error as Error).message}`);
      return [];
    }
  };
}

/**
 * The filled property inputs, validated by data type, as a record's `properties` object, with the phone extensions
 * written (by input key, for the output: a property has no place for them). An invalid value fails naming the
 * property; a `property__x` the object does not have fails too (nothing is dropped silently).
 */
export async function propertyValues(
  ctx: Context,
  label: string,
  objectKey: string,
): Promise<{ properties: Item; extensions: Record<string, string>; compare: (record: Item) => ComposedValues }> {
  const inputData = (ctx.bundle.inputData ?? {}) as Item;
  const filled = Object.entries(inputData).filter(([k, v]) => k.startsWith(PROPERTY_PREFIX) && !isBlank(v));
  if (!filled.length) return { properties: {}, extensions: {}, compare: () => ({ check: {}, sent: {}, stored: {}, labels: {} }) };
  const fields = propertyInputs(await objectProperties(ctx.z, ctx.bundle, objectKey));
  const known = new Set(fields.map((f) => f.key));
  const unknown = filled.map(([k]) => k).filter((k) => !known.has(k));
  if (unknown.length) {
    throw new ctx.z.errors.Error(
      `${label}: the object ${objectKey} has no propert${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((k) => k.slice(PROPERTY_PREFIX.length)).join(', ')}.`,
      'InvalidInput',
      400,
    );
  }
  // Phones made E.164 and date-times read in the sub-account's zone, as every input is (src/typedInput.ts).
  const { input, extensions } = await readTypedInput(ctx.z, ctx.bundle, label, fields, Object.fromEntries(filled));
  const props = await objectProperties(ctx.z, ctx.bundle, objectKey);
  const monetary = new Set(props.filter((p) => (p.dataType ?? '').toUpperCase() === 'MONETORY').map(propertyKey));
  // A money property is `{ currency, value }` (the spec's record example: "money":{"currency":"default","value":100}).
  const properties = Object.fromEntries(
    Object.entries(input).map(([k, v]) => {
      const key = k.slice(PROPERTY_PREFIX.length);
      return [key, monetary.has(key) ? { currency: 'default', value: v } : v];
    }),
  );
  return { properties, extensions, compare: (record) => composedProperties(props, fields, properties, record) };
}

/** How a property of each data type is compared with the stored record (src/unsaved.ts); dates and times are not. */
const COMPARED: Record<string, Comparable> = {
  PHONE: 'phone',
  EMAIL: 'email',
  NUMERICAL: 'number',
  FLOAT: 'number',
  MONETORY: 'number',
  TEXT: 'text',
  LARGE_TEXT: 'text',
  SINGLE_OPTIONS: 'text',
  RADIO: 'text',
  CHECKBOX: 'tags',
  MULTIPLE_OPTIONS: 'tags',
  TEXTBOX_LIST: 'tags',
};

/** A money property is `{ currency, value }`: its value is compared. */
const plainValue = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) && 'value' in v ? (v as Item).value : v);

/** The sent properties and the record's, by input key (`property__<key>`), for the unsaved-values check. */
function composedProperties(props: ObjectProperty[], fields: FieldDef[], sent: Item, record: Item): ComposedValues {
  const stored = (record?.properties ?? {}) as Item;
  const out: ComposedValues = { check: {}, sent: {}, stored: {}, labels: {} };
  for (const p of props) {
    const key = propertyKey(p);
    const how = COMPARED[(p.dataType ?? 'TEXT').toUpperCase()];
    if (!how || !(key in sent)) continue;
    const inputKey = `${PROPERTY_PREFIX}${key}`;
    out.check[inputKey] = how;
    out.sent[inputKey] = plainValue(sent[key]);
    if (key in stored) out.stored[inputKey] = plainValue(stored[key]);
    out.labels[inputKey] = fields.find((f) => f.key === inputKey)?.label ?? key;
  }
  return out;
}

/**
 * Records of an object matching HighLevel's search text (empty: all), page by page with the `searchAfter` cursor
 * of the last record (`pageLimit` 100), at most MAX_PAGES pages. RecordResponseDTO items.
 */
export async function searchRecords(ctx: Context, objectKey: string, query: string, pageLimit = 100, maxPages?: number): Promise<Item[]> {
  return collectPages<Item, { page: number; searchAfter: string[] }>(
    { page: 1, searchAfter: [] },
    async (cursor) => {
      const data = await ctx.call(objectsApi.searchRecords, {
        path: { schemaKey: objectKey },
        body: { page: cursor.page, pageLimit, query, searchAfter: cursor.searchAfter },
      });
      const items = ((data?.records ?? []) as Item[]).filter((r) => r && typeof r === 'object');
      const last = items[items.length - 1];
      // The spec types the request's searchAfter as strings (the answer's as numbers).
      const after = Array.isArray(last?.searchAfter) ? last.searchAfter.map(String) : undefined;
      return { items, next: items.length >= pageLimit ? { page: cursor.page + 1, searchAfter: after ?? [] } : undefined };
    },
    maxPages,
  );
}

/** Where a records search page starts: HighLevel's `page` and the previous page's last `searchAfter`. */
interface SearchCursor {
  page: number;
  searchAfter: string[];
}

const isSearchCursor = (c: unknown): c is SearchCursor =>
  !!c && typeof c === 'object' && typeof (c as SearchCursor).page === 'number' && Array.isArray((c as SearchCursor).searchAfter);

/**
 * One poll of New Record: the object's records added since the previous poll, through pollDated (src/polling.ts).
 * The records search has no sort parameter and HighLevel does not document its order, so the first page tells it:
 * newest first reads down to the previous poll's newest record; oldest first continues at the `searchAfter` cursor
 * where the previous poll stopped (its last page again). One request when fewer than a page arrived.
 */
export function pollRecords(ctx: Context, objectKey: string, triggerKey: string, pageLimit = 100): Promise<Item[]> {
  return pollDated(ctx.z, ctx.bundle, triggerKey, {
    pageSize: pageLimit,
    cursorPaging: true,
    key: (r) => (typeof r.createdAt === 'string' ? r.createdAt : undefined),
    id: (r) => String(r.id),
    anchor: () => '',
    cursorAfter: (r, cursor) =>
      Array.isArray(r.searchAfter) ? { page: isSearchCursor(cursor) ? cursor.page : 1, searchAfter: r.searchAfter.map(String) } : undefined,
    fetchPage: async (_skip, cursor) => {
      const at: SearchCursor = isSearchCursor(cursor) ? cursor : { page: 1, searchAfter: [] };
      const data = await ctx.call(objectsApi.searchRecords, {
        path: { schemaKey: objectKey },
        body: { page: at.page, pageLimit, query: '', searchAfter: at.searchAfter },
      });
      const items = ((data?.records ?? []) as Item[]).filter((r) => r && typeof r === 'object' && r.id != null);
      const last = items[items.length - 1];
      const after = Array.isArray(last?.searchAfter) ? last.searchAfter.map(String) : undefined;
      const more = items.length >= pageLimit && !!after;
      return { items, more, ...(more ? { next: { page: at.page + 1, searchAfter: after } } : {}) };
    },
  });
}
