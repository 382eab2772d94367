import type { Bundle, ZObject } from 'zapier-platform-core';
import { Endpoint, pathParams } from '../api/endpoint';
import { callHighLevel, CallOptions, RequestParts } from '../client';
import { isAgencyConnection, requireAgency } from '../connection';
import { describeIssues, FieldDef, parseInput, toZapierField } from '../fields/field';
import { locationField } from '../fields/location';
import { CustomFieldModel, customFieldsApi, customFieldDefinitions, customFieldValues, hasCustomFieldInput, withCustomFieldsDefinition, withReadableCustomFields } from '../customFields';

export type Kind = 'trigger' | 'create' | 'search';
export type Input = Record<string, any>;
export type Item = Record<string, any>;

/** What an operation's own code gets: the runtime, and the one client bound to this step's connection. */
export interface Context {
  z: ZObject;
  bundle: Bundle;
  call: <T = any>(endpoint: Endpoint, parts?: RequestParts, options?: CallOptions) => Promise<T | null>;
}

export interface OutputField {
  key: string;
  label: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'datetime';
}

/** What every operation declares. */
export interface OperationDef {
  key: string;
  noun: string;
  label: string;
  description: string;
  hidden?: boolean;
  /** The endpoint the operation calls (scopes and catalog coverage are derived from these). */
  endpoint: Endpoint;
  /** Further endpoints a composite operation may call. */
  alsoCalls?: Endpoint[];
  fields: FieldDef[];
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
  definition: Record<string, any>;
  /** OAuth scopes needed beyond the endpoints' (an instant trigger's webhook events). */
  scopes?: string[];
  /** An instant (REST hook) trigger's other methods (src/factories/hook.ts). */
  hook?: { events: string[]; performList: Operation['perform']; performSubscribe: Operation['perform']; performUnsubscribe: Operation['perform'] };
}

/** Default request shape: path params from the input, the rest as query (GET/DELETE) or JSON body. */
export function requestFromInput(endpoint: Endpoint, input: Input): RequestParts {
  const names = new Set(pathParams(endpoint.path));
  const path: Record<string, string> = {};
  const rest: Input = {};
  for (const [k, v] of Object.entries(input)) (names.has(k) ? (path[k] = v) : (rest[k] = v));
  return endpoint.method === 'GET' || endpoint.method === 'DELETE' ? { path, query: rest } : { path, body: rest };
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
      return def.enrich ? await def.enrich.apply(z, bundle, result) : result;
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
    const ctx: Context = { z, bundle, call: (endpoint, parts, options) => callHighLevel(z, bundle, endpoint, parts, options) };
    if (!def.customFields) return run(parsed.data, ctx);
    // Custom fields are validated by their data type once the static fields passed, then sent as `customFields`.
    const input = { ...parsed.data };
    if (hasCustomFieldInput(bundle.inputData)) {
      const defs = await customFieldDefinitions(z, bundle, def.customFields);
      input.customFields = customFieldValues(z, def.label, defs, bundle.inputData as Record<string, unknown>);
    }
    return withReadableCustomFields(z, bundle, def.customFields, await run(input, ctx));
  };
}

/** The parts of a Zapier operation every kind shares. */
export function zapierOperation(def: OperationDef, perform: Operation['perform'], extra: Record<string, unknown> = {}) {
  return {
    key: def.key,
    noun: def.noun,
    display: { label: def.label, description: def.description, ...(def.hidden ? { hidden: true } : {}) },
    operation: {
      inputFields: [
        // Agency connections choose the location first; sub-account connections never see the field.
        ...(choosesLocation(def) ? [(_z: ZObject, bundle: Bundle) => (isAgencyConnection(bundle) ? [toZapierField(locationField)] : [])] : []),
        ...def.fields.map(toZapierField),
      ],
      perform,
      sample: def.sample,
      ...(def.outputFields ? { outputFields: def.outputFields } : {}),
      ...extra,
    },
  };
}

export function built(kind: Kind, def: OperationDef, perform: Operation['perform'], extra?: Record<string, unknown>): Operation {
  return {
    kind,
    key: def.key,
    def,
    endpoints: [def.endpoint, ...(def.alsoCalls ?? []), ...(def.customFields ? [customFieldsApi.list] : []), ...(def.enrich?.endpoints ?? [])],
    perform,
    definition: withCustomFieldsDefinition(kind === 'create', def.customFields, zapierOperation(def, perform, extra)),
  };
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
