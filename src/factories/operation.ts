import { defineCreate, defineSearch, defineTrigger } from 'zapier-platform-core';
import type { Bundle, Create, InputField, Search, Trigger, ZObject } from 'zapier-platform-core';
import { Endpoint, pathParams } from '../api/endpoint';
import { callHighLevel, CallOptions, RequestParts } from '../client';
import { isAgencyConnection, requireAgency } from '../connection';
import { describeIssues, FieldDef, isBlank, OutputField, parseInput, toZapierField } from '../fields/field';
import { locationField } from '../fields/location';
import { interpretInput } from '../typedInput';
import { withoutInternalKeys, withSampleLabels } from './output';
import {
  CustomFieldModel,
  customFieldsApi,
  customFieldDefinitions,
  customFieldValues,
  hasCustomFieldInput,
  withCustomFieldsDefinition,
  withReadableCustomFields,
} from '../customFields';

// Operations import OutputField from here as well as from fields/field.
export type { OutputField };

export type Kind = 'trigger' | 'create' | 'search';
/** An operation's Zapier definition (see zapierOperation). */
export type ZapierDefinition = Trigger | Create | Search;
export type Input = Record<string, any>;
/** The keys of an operation's fields: literal when they are declared in place, else string. */
export type FieldKeys<F extends readonly FieldDef[]> = F[number]['key'];
/**
 * The validated input of an operation with fields F: where every key is known, only those keys (a misspelt key
 * fails to compile); values are what the fields' zod schemas made of Zapier's strings. With a shared field whose
 * key is just `string`, any key.
 */
export type InputOf<F extends readonly FieldDef[]> = string extends FieldKeys<F> ? Input : { [K in FieldKeys<F>]?: any };
export type Item = Record<string, any>;

/** What an operation's own code gets: the runtime, and the one client bound to this step's connection. */
export interface Context {
  z: ZObject;
  bundle: Bundle;
  call: <T = any>(endpoint: Endpoint, parts?: RequestParts, options?: CallOptions) => Promise<T | null>;
}

/** What every operation declares; F, its fields, types the input of what it does by hand. */
export interface OperationDef<F extends readonly FieldDef[] = FieldDef[]> {
  key: string;
  noun: string;
  label: string;
  description: string;
  hidden?: boolean;
  /** The endpoint the operation calls (scopes and catalog coverage are derived from these). */
  endpoint: Endpoint;
  /** Further endpoints a composite operation may call. */
  alsoCalls?: Endpoint[];
  fields: F;
  /** Where the record (or the list of records) sits in HighLevel's answer, e.g. `contact`, `contacts`. */
  resultKey?: string;
  /** A realistic output record; tests check it against the endpoint's response schema (under resultKey). */
  sample: Item;
  /**
   * HighLevel's answer the sample is made from, when the sample is not that answer's record under resultKey
   * (bare JSON arrays, answers reshaped into one result per slot): tests check this against the response schema.
   */
  sampleAnswer?: unknown;
  outputFields?: OutputField[];
  /** Works on an agency connection only (default: the endpoint's `agencyOnly`). */
  agencyOnly?: boolean;
  /** The location's custom fields of this model: typed inputs (creates) and readable output keys (all kinds). */
  customFields?: CustomFieldModel;
  /** Adds readable data to the step's output (e.g. pipeline names), after custom fields. */
  enrich?: OutputEnricher;
  /**
   * Path parameters filled from an input key of another name, e.g. `{ id: 'customFieldId' }` (by default a path
   * parameter is filled from the input key of its own name). Used by the default request of every kind.
   */
  pathFrom?: Record<string, FieldKeys<F>>;
  /**
   * Input keys of which at least one must be filled ("find by ID, email or text"): checked with the other input
   * rules, before any request; the error names them all.
   */
  fillInOneOf?: Array<FieldKeys<F>>;
}

/** Output made readable with further reads (which must not fail the step): what it adds and what it calls. */
export interface OutputEnricher {
  endpoints: Endpoint[];
  apply: (z: ZObject, bundle: Bundle, result: any) => Promise<any>;
}

export const isAgencyOnly = (def: OperationDef): boolean => def.agencyOnly ?? !!def.endpoint.agencyOnly;

/** On an agency connection the step names its location, unless it is agency-level or has its own location field. */
export const choosesLocation = (def: OperationDef): boolean =>
  !isAgencyOnly(def) && !def.endpoint.agencyOnly && !def.fields.some((f) => f.key === 'locationId');

/** A built operation: the Zapier definition plus what the app derives from it (scopes, coverage, tests). */
export interface Operation {
  kind: Kind;
  key: string;
  def: OperationDef;
  endpoints: Endpoint[];
  perform: (z: ZObject, bundle: Bundle) => Promise<any>;
  /** The Zapier definition, typed (what the app registers). */
  zapier: ZapierDefinition;
  /** The same object, untyped: for tests and tools that read any operation's definition generically. */
  definition: Record<string, any>;
  /** OAuth scopes needed beyond the endpoints' (an instant trigger's webhook events). */
  scopes?: string[];
  /** An instant (REST hook) trigger's other methods (src/factories/hook.ts). */
  hook?: {
    events: string[];
    performList: Operation['perform'];
    performSubscribe: Operation['perform'];
    performUnsubscribe: Operation['perform'];
  };
}

/**
 * The endpoint's path parameters from the input (each from the input key of its name, or the one `pathFrom`
 * names), and the input left over.
 */
export function pathFromInput(
  endpoint: Endpoint,
  input: Input,
  pathFrom: Record<string, string> = {},
): { path: Record<string, string>; rest: Input } {
  const path: Record<string, string> = {};
  const used = new Set<string>();
  for (const name of pathParams(endpoint.path)) {
    const key = pathFrom[name] ?? name;
    if (input[key] === undefined) continue;
    path[name] = input[key];
    used.add(key);
  }
  return { path, rest: Object.fromEntries(Object.entries(input).filter(([k]) => !used.has(k))) };
}

/** Default request shape: path params from the input (see pathFromInput), the rest as query (GET/DELETE) or JSON body. */
export function requestFromInput(endpoint: Endpoint, input: Input, pathFrom?: Record<string, string>): RequestParts {
  const { path, rest } = pathFromInput(endpoint, input, pathFrom);
  return endpoint.method === 'GET' || endpoint.method === 'DELETE' ? { path, query: rest } : { path, body: rest };
}

/** `A (a)`, `A (a) or B (b)`, `A (a), B (b) or C (c)`: the fields by label and key. */
function listFields(def: OperationDef, keys: string[]): string {
  const named = keys.map((key) => `${def.fields.find((f) => f.key === key)?.label ?? key} (${key})`);
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}` : named.join('');
}

/**
 * Wraps an operation's work: the input is validated against the declared fields first, and an invalid input
 * fails with the field named and no request sent.
 */
export function validated(def: OperationDef, run: (input: Input, ctx: Context) => Promise<any>) {
  const perform = performValidated(def, run);
  return async (z: ZObject, bundle: Bundle) => {
    try {
      const result = await perform(z, bundle);
      // HighLevel's internal keys (search cursors, lower-cased copies) leave every output here, once (output.ts).
      return withoutInternalKeys(def.enrich ? await def.enrich.apply(z, bundle, result) : result);
    } catch (error) {
      // Zapier appends the step's input (emails, phones) to errors not marked otherwise: our messages say enough.
      if (error && typeof error === 'object') (error as { doNotContextify?: boolean }).doNotContextify = true;
      throw error;
    }
  };
}

function performValidated(def: OperationDef, run: (input: Input, ctx: Context) => Promise<any>) {
  return async (z: ZObject, bundle: Bundle) => {
    if (isAgencyOnly(def)) requireAgency(z, bundle, def.label);
    // The Location field is not one of def.fields (sub-accounts never see it): checked here, read by connectionFor().
    if (choosesLocation(def) && isAgencyConnection(bundle)) {
      const location = parseInput([locationField], (bundle.inputData ?? {}) as Record<string, unknown>);
      if (!location.ok) throw new z.errors.Error(`${def.label}: invalid input. ${describeIssues(location.issues)}.`, 'InvalidInput', 400);
    }
    const parsed = parseInput(def.fields, (bundle.inputData ?? {}) as Record<string, unknown>);
    if (!parsed.ok) {
      throw new z.errors.Error(`${def.label}: invalid input. ${describeIssues(parsed.issues)}.`, 'InvalidInput', 400);
    }
    if (def.fillInOneOf && def.fillInOneOf.every((key) => isBlank(parsed.data[key]))) {
      throw new z.errors.Error(`${def.label}: fill in one of ${listFields(def, def.fillInOneOf)}.`, 'InvalidInput', 400);
    }
    const ctx: Context = { z, bundle, call: (endpoint, parts, options) => callHighLevel(z, bundle, endpoint, parts, options) };
    // Phone numbers as written become E.164 (national ones in the location's country); extensions are reported.
    // Date-times without an offset are read in the sub-account's zone (calendar inputs: their calendar's).
    const typed = await interpretInput(z, bundle, def.label, def.fields, parsed.data);
    if (!def.customFields) return withPhoneExtensions(await run(typed.input, ctx), typed.extensions);
    // Custom fields are validated by their data type once the static fields passed, then sent as `customFields`.
    const input = { ...typed.input };
    let extensions = typed.extensions;
    if (hasCustomFieldInput(bundle.inputData)) {
      const defs = await customFieldDefinitions(z, bundle, def.customFields);
      const custom = await customFieldValues(z, bundle, def.label, defs, bundle.inputData as Record<string, unknown>);
      input.customFields = custom.items;
      extensions = { ...extensions, ...custom.extensions };
    }
    return withPhoneExtensions(await withReadableCustomFields(z, bundle, def.customFields, await run(input, ctx)), extensions);
  };
}

/** A phone extension HighLevel has no field for is reported in the output (`phoneExtension`), not dropped unseen. */
function withPhoneExtensions(result: any, extensions: Record<string, string>): any {
  if (!Object.keys(extensions).length || !result || typeof result !== 'object' || Array.isArray(result)) return result;
  return { ...result, ...Object.fromEntries(Object.entries(extensions).map(([key, ext]) => [`${key}Extension`, ext])) };
}

/** Further properties of a Zapier polling trigger's operation that the factories set. */
export type TriggerExtras =
  | {
      /** The editor's "load more" for dropdowns: `bundle.meta.page` counts the pages. */
      canPaginate?: boolean;
      type?: 'polling';
    }
  | {
      /** Instant (REST hook) triggers, built by hookTrigger (src/factories/hook.ts). */
      type: 'hook';
      canPaginate?: boolean;
      performList: (z: ZObject, bundle: Bundle) => Promise<any>;
      performSubscribe: (z: ZObject, bundle: Bundle) => Promise<any>;
      performUnsubscribe: (z: ZObject, bundle: Bundle) => Promise<any>;
    };

/**
 * The Zapier definition of an operation, typed by zapier-platform-core's own helpers (defineTrigger,
 * defineCreate, defineSearch), so a property Zapier does not know fails to compile.
 */
export function zapierOperation(kind: Kind, def: OperationDef, perform: Operation['perform'], extra: TriggerExtras = {}): ZapierDefinition {
  const inputFields: InputField[] = [
    // Agency connections choose the location first; sub-account connections never see the field.
    ...(choosesLocation(def) ? [(_z: ZObject, bundle: Bundle) => (isAgencyConnection(bundle) ? [toZapierField(locationField)] : [])] : []),
    ...def.fields.map(toZapierField),
  ];
  const common = {
    key: def.key,
    noun: def.noun,
    display: { label: def.label, description: def.description, ...(def.hidden ? { hidden: true } : {}) },
  };
  const operation = { inputFields, perform, sample: def.sample, ...(def.outputFields ? { outputFields: def.outputFields } : {}) };
  if (kind === 'trigger') {
    const trigger = defineTrigger({ ...common, operation: { ...operation, ...extra } });
    Object.assign(trigger.operation, extraOutputFields(def, extra));
    return trigger;
  }
  if (kind === 'create') return defineCreate({ ...common, operation });
  return defineSearch({ ...common, operation });
}

/**
 * Output fields passed as an extra (a hook trigger's `zapier.outputFields`, e.g. with an output fields function)
 * replace the labelled ones: the sample's keys get their labels there too (see forEditor), functions kept last.
 */
function extraOutputFields(def: OperationDef, extra: TriggerExtras): { outputFields?: Array<OutputField | Function> } {
  const given = (extra as { outputFields?: unknown }).outputFields;
  if (!Array.isArray(given)) return {};
  const fns = given.filter((f) => typeof f === 'function');
  const plain = given.filter((f): f is OutputField => !!f && typeof f === 'object');
  return { outputFields: [...withSampleLabels(plain, def.sample, def.noun), ...fns] };
}

export function built(kind: Kind, def: OperationDef, perform: Operation['perform'], extra?: TriggerExtras): Operation {
  const zapier = withCustomFieldsDefinition(kind === 'create', def.customFields, zapierOperation(kind, forEditor(def), perform, extra));
  return {
    kind,
    key: def.key,
    def,
    endpoints: [
      def.endpoint,
      ...(def.alsoCalls ?? []),
      ...(def.customFields ? [customFieldsApi.list] : []),
      ...(def.enrich?.endpoints ?? []),
    ],
    perform,
    zapier,
    definition: zapier,
  };
}

/**
 * The sample and output fields the editor gets: the sample without internal keys (and, where the location's custom
 * fields are labelled by the output fields function, without the raw `customFields` array), and a label for every
 * key of that sample (declared, else derived from the key: see withSampleLabels).
 */
function forEditor(def: OperationDef): OperationDef {
  const { customFields: _raw, ...withoutRaw } = def.sample;
  const sample = withoutInternalKeys(def.customFields ? withoutRaw : def.sample);
  return { ...def, sample, outputFields: withSampleLabels(def.outputFields, sample, def.noun) };
}

/** The record(s) under `resultKey` in HighLevel's answer, or the answer itself. */
export function unwrap(def: OperationDef, data: any): any {
  return def.resultKey ? data?.[def.resultKey] : data;
}

/** HighLevel sends `_id` instead of `id` in some answers: every output record gets an `id` (non-objects pass as they are). */
export function withId<T>(record: T): T {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return record;
  const r = record as Item;
  return (r.id === undefined || r.id === null) && r._id !== undefined && r._id !== null ? ({ ...r, id: r._id } as T) : record;
}

/** The records of a list answer, each with an `id`; a missing list is empty and null or non-object items are dropped. */
export function records(list: unknown): Item[] {
  return (Array.isArray(list) ? list : []).filter((item) => item && typeof item === 'object' && !Array.isArray(item)).map(withId);
}

/**
 * Every operation of `kind` among the exports of domain modules (`import * as m`): a module registers an
 * operation by exporting it. Other exports (helpers, samples) are skipped.
 */
export function collect(from: Record<string, unknown>[], kind: Kind): Operation[] {
  return from.flatMap((mod) =>
    Object.values(mod).filter((x): x is Operation => !!x && typeof x === 'object' && (x as Operation).kind === kind),
  );
}
