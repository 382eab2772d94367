import type { Bundle, ZObject } from 'zapier-platform-core';
import { endpoint } from './api/endpoint';
import { callHighLevel } from './client';
import { cachedPerConnection } from './cache';
import { FieldDef, isBlank, toZapierField } from './fields/field';
import { readTypedInput } from './typedInput';
import * as v from './fields/values';

/**
 * A location's custom fields, end to end: fetched once per step (and cached per connection for a few minutes),
 * offered as typed input fields (`customField__<id>`), validated by data type, written in the shape the contact
 * and opportunity DTOs declare (`customFields: [{ id, field_value }]`), and turned back into readable output keys
 * (`custom_<fieldKey>`) labelled with the field names. Generic over the model so opportunities reuse it.
 */

export type CustomFieldModel = 'contact' | 'opportunity';

/** locations.json declares the list (Version 2021-07-28); `model` narrows it to contact or opportunity fields. */
export const customFieldsApi = {
  list: endpoint('locations.json', 'GET /locations/{locationId}/customFields', {
    operationId: 'get-custom-fields',
    scope: 'locations/customFields.readonly',
  }),
};

/** One custom field definition (locations.json CustomFieldSchema). */
export interface CustomFieldDefinition {
  id: string;
  name?: string;
  fieldKey?: string;
  dataType?: string;
  placeholder?: string;
  picklistOptions?: string[];
  isAllowedCustomOption?: boolean;
  model?: string;
}

/** Input keys of custom fields: `customField__<id>`. */
export const INPUT_PREFIX = 'customField__';

// Data types from custom-fields.json (the enum locations.json leaves out). FILE_UPLOAD needs an upload first and
// SIGNATURE is drawn by a person, so neither is offered as input; both still show in the output.
type Shape = 'string' | 'number' | 'date' | 'list' | 'none';
const SHAPES: Record<string, Shape> = {
  TEXT: 'string',
  LARGE_TEXT: 'string',
  PHONE: 'string',
  EMAIL: 'string',
  SINGLE_OPTIONS: 'string',
  RADIO: 'string',
  NUMERICAL: 'number',
  MONETORY: 'number',
  // Not in the spec's enum, but HighLevel's field editor offers them (decimal number, time of day).
  FLOAT: 'number',
  TIME: 'string',
  DATE: 'date',
  CHECKBOX: 'list',
  MULTIPLE_OPTIONS: 'list',
  TEXTBOX_LIST: 'list',
  FILE_UPLOAD: 'none',
  SIGNATURE: 'none',
};

// ---------------------------------------------------------------------------------------------------------
// Fetching, cached

/** The location's custom fields of `model`, at most one request per step and per cache period. */
export function customFieldDefinitions(z: ZObject, bundle: Bundle, model: CustomFieldModel): Promise<CustomFieldDefinition[]> {
  const load = async () => {
    const data = await callHighLevel<{ customFields?: CustomFieldDefinition[] }>(z, bundle, customFieldsApi.list, { query: { model } });
    return (data?.customFields ?? []).filter((f) => f && typeof f.id === 'string' && f.id !== '' && (!f.model || f.model === model));
  };
  return cachedPerConnection(z, bundle, `customFields:${model}`, load, { valid: (v): v is CustomFieldDefinition[] => Array.isArray(v) });
}

// ---------------------------------------------------------------------------------------------------------
// Input

const labelOf = (def: CustomFieldDefinition) => def.name?.trim() || def.fieldKey || def.id;

function optionsOf(def: CustomFieldDefinition): string[] {
  return (def.picklistOptions ?? []).filter((o): o is string => typeof o === 'string' && o.trim() !== '');
}

/** The input field for one custom field, or undefined for types that cannot be typed in (files, signatures). */
export function customFieldInput(def: CustomFieldDefinition): FieldDef | undefined {
  const dataType = (def.dataType ?? 'TEXT').toUpperCase();
  const shape = SHAPES[dataType];
  if (!shape || shape === 'none') return undefined;
  const options = optionsOf(def);
  const closed = options.length > 0 && !def.isAllowedCustomOption;
  const choices = options.length ? Object.fromEntries(options.map((o) => [o, o])) : undefined;
  const example = def.placeholder ? ` Example: ${def.placeholder}.` : '';
  const base = { key: `${INPUT_PREFIX}${def.id}`, label: labelOf(def) };
  const help = (what: string) => `Custom field "${labelOf(def)}": ${what}.${example}`;
  const option = closed ? v.oneOf(options as [string, ...string[]]) : v.text(5000);

  switch (dataType) {
    case 'NUMERICAL':
      return { ...base, helpText: help('a number'), schema: v.number(), type: 'number' };
    case 'MONETORY':
      return { ...base, helpText: help('an amount of money, e.g. 99.50'), schema: v.number(), type: 'number' };
    case 'FLOAT':
      return { ...base, helpText: help('a decimal number, e.g. 2.5'), schema: v.number(), type: 'number' };
    case 'TIME':
      return { ...base, helpText: help('a time of day, e.g. 14:30'), schema: v.text(20) };
    case 'DATE':
      return { ...base, helpText: help('a date, e.g. 2026-01-31'), schema: v.date(), type: 'datetime' };
    case 'EMAIL':
      return { ...base, helpText: help('an email address'), schema: v.email() };
    case 'PHONE':
      return { ...base, helpText: help('a phone number'), schema: v.phone() };
    case 'LARGE_TEXT':
      return { ...base, helpText: help('longer text'), schema: v.text(50000), type: 'text' };
    case 'SINGLE_OPTIONS':
    case 'RADIO':
      return { ...base, helpText: help(closed ? 'one of the options' : 'one option, or your own value'), schema: option, choices };
    case 'CHECKBOX':
    case 'MULTIPLE_OPTIONS':
      return {
        ...base,
        helpText: help(closed ? 'one or more of the options' : 'one or more options, or your own values'),
        schema: v.stringList(option as v.Schema<string>),
        list: true,
        choices,
      };
    case 'TEXTBOX_LIST':
      return { ...base, helpText: help('one value per line'), schema: v.stringList(v.text(5000)), list: true };
    default:
      return { ...base, helpText: help('text'), schema: v.text(5000) };
  }
}

export function customFieldInputs(defs: CustomFieldDefinition[]): FieldDef[] {
  return defs.map(customFieldInput).filter((f): f is FieldDef => !!f);
}

/** True when the step's input fills any custom field. */
export function hasCustomFieldInput(inputData: Record<string, unknown> | undefined): boolean {
  return Object.entries(inputData ?? {}).some(([k, value]) => k.startsWith(INPUT_PREFIX) && !isBlank(value));
}

/** The spec's item shape: `{ id, field_value }` (TextField, NumericField, CheckboxField, … in contacts.json). */
export interface CustomFieldValue {
  id: string;
  field_value: string | number | string[];
}

/**
 * Validates the filled custom fields by data type and returns them as `customFields` items, phones made E.164 and
 * date-times read in the sub-account's zone like every other input (src/typedInput.ts), with the phone extensions
 * written (by input key). An invalid value fails naming the field's label (e.g. `"Budget" (customField__abc) must
 * be a number`).
 */
export async function customFieldValues(
  z: ZObject,
  bundle: Bundle,
  label: string,
  defs: CustomFieldDefinition[],
  inputData: Record<string, unknown>,
): Promise<{ items: CustomFieldValue[]; extensions: Record<string, string> }> {
  const fields = customFieldInputs(defs);
  const present = Object.fromEntries(Object.entries(inputData).filter(([k]) => k.startsWith(INPUT_PREFIX)));
  const { input, extensions } = await readTypedInput(z, bundle, label, fields, present);
  const items = fields
    .filter((f) => input[f.key] !== undefined)
    .map((f) => ({ id: f.key.slice(INPUT_PREFIX.length), field_value: input[f.key] }));
  return { items, extensions };
}

/** The dynamic input fields an editor shows (a Zapier field function). */
export function customInputFieldsFunction(model: CustomFieldModel) {
  return async (z: ZObject, bundle: Bundle) => {
    try {
      return customFieldInputs(await customFieldDefinitions(z, bundle, model)).map(toZapierField);
    } catch (error) {
      // Connections made before the custom-fields scope existed still get the standard fields.
      z.console.log(`Custom fields unavailable: ${(error as Error).message}`);
      return [];
    }
  };
}

// ---------------------------------------------------------------------------------------------------------
// Output

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** `custom_<fieldKey without its model prefix>`, e.g. `contact.pincode` → `custom_pincode`; else the name or id. */
export function customOutputKey(def: CustomFieldDefinition | undefined, id: string): string {
  const fromKey = def?.fieldKey?.replace(/^(contact|opportunity)\./, '');
  return `custom_${slug(fromKey || def?.name || '') || slug(id) || id}`;
}

export function customOutputFields(defs: CustomFieldDefinition[]) {
  return defs.map((def) => {
    const shape = SHAPES[(def.dataType ?? '').toUpperCase()];
    const type = shape === 'number' ? 'number' : shape === 'date' ? 'datetime' : undefined;
    return { key: customOutputKey(def, def.id), label: labelOf(def), ...(type ? { type } : {}) };
  });
}

export function customOutputFieldsFunction(model: CustomFieldModel) {
  return async (z: ZObject, bundle: Bundle) => {
    try {
      return customOutputFields(await customFieldDefinitions(z, bundle, model));
    } catch (error) {
      z.console.log(`Custom fields unavailable: ${(error as Error).message}`);
      return [];
    }
  };
}

type Item = Record<string, any>;

/**
 * The value of one custom field entry in any shape HighLevel answers with: contacts `{id, value}`, the spec's
 * `{id, fieldValue}`, and live opportunity answers `{id, type, fieldValueString | fieldValueNumber | …}`
 * (GoHighLevel/highlevel-api-docs#87).
 */
export function customFieldValueOf(entry: Record<string, unknown>): unknown {
  for (const key of ['value', 'field_value', 'fieldValue']) if (entry[key] !== undefined && entry[key] !== null) return entry[key];
  for (const [key, value] of Object.entries(entry)) if (key.startsWith('fieldValue') && value !== undefined && value !== null) return value;
  return null;
}

/** Adds `custom_<key>: value` for every `customFields: [{id, value}]` entry of a record. */
export function withReadableKeys(item: Item, defs: CustomFieldDefinition[]): Item {
  if (!item || typeof item !== 'object' || !Array.isArray(item.customFields) || !item.customFields.length) return item;
  const byId = new Map(defs.map((d) => [d.id, d]));
  const readable: Item = {};
  for (const entry of item.customFields) {
    if (!entry || typeof entry.id !== 'string') continue;
    readable[customOutputKey(byId.get(entry.id), entry.id)] = customFieldValueOf(entry);
  }
  return { ...item, ...readable };
}

/**
 * The step's result with readable custom field keys. The definitions are fetched only when a record carries
 * custom field values; if they cannot be read, keys fall back to the field ids rather than failing the step.
 */
export async function withReadableCustomFields(z: ZObject, bundle: Bundle, model: CustomFieldModel, result: any): Promise<any> {
  const items = Array.isArray(result) ? result : [result];
  if (!items.some((i) => i && Array.isArray(i.customFields) && i.customFields.length)) return result;
  let defs: CustomFieldDefinition[] = [];
  try {
    defs = await customFieldDefinitions(z, bundle, model);
  } catch (error) {
    z.console.log(`Custom field names unavailable, keeping ids: ${(error as Error).message}`);
  }
  return Array.isArray(result) ? result.map((i) => withReadableKeys(i, defs)) : withReadableKeys(result as Item, defs);
}

/** Field names (labels) by custom field id, for messages that must name fields without their values. */
export function customFieldLabels(defs: CustomFieldDefinition[]): Map<string, string> {
  return new Map(defs.map((d) => [d.id, labelOf(d)]));
}

/**
 * Adds the custom fields to a built Zapier operation: input fields for actions (`withInput`), and labelled output
 * fields for every kind. Without a model the definition is returned unchanged.
 */
export function withCustomFieldsDefinition<T extends { operation: Record<string, any> }>(
  withInput: boolean,
  model: CustomFieldModel | undefined,
  definition: T,
): T {
  if (!model) return definition;
  const operation = { ...definition.operation };
  if (withInput) operation.inputFields = [...(operation.inputFields ?? []), customInputFieldsFunction(model)];
  operation.outputFields = [...(operation.outputFields ?? []), customOutputFieldsFunction(model)];
  return { ...definition, operation };
}
