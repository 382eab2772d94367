import { defineCreate } from 'zapier-platform-core';
import type { Bundle, InputField, ZObject } from 'zapier-platform-core';
import { endpoint } from '../src/api/endpoint';
import { apiRequestFields } from '../src/apiRequest/fields';
import { METHODS, performApiRequest, performCustomRequest } from '../src/apiRequest/perform';
import { API_VERSIONS } from '../src/config';
import { isAgencyConnection } from '../src/connection';
import { Operation, OperationDef, OutputField } from '../src/factories/operation';
import { withSampleLabels } from '../src/factories/output';
import { describeIssues, FieldDef, parseInput, toZapierField } from '../src/fields/field';
import { locationField } from '../src/fields/location';
import { lazy, oneOf, text } from '../src/fields/values';

// Every HighLevel endpoint from the zap editor (issue 13): "API Request" offers each operation of HighLevel's
// specs with its own typed fields; "Custom API Request" takes a method and a path for anything the specs lack.
// Neither adds to the scopes the app requests (their `endpoints` are empty on purpose; GHL_EXTRA_SCOPES widens
// the set, see the README), and neither loads the generated index before the editor or a run asks for it.

// The sample is HighLevel's answer to one operation (GET /products/{productId}): the output is the answer itself.
const getProduct = endpoint('products.json', 'GET /products/{productId}', { operationId: 'get-product-by-id', scope: 'products.readonly' });

const sample = {
  _id: '655b33a82209e60b6adb87a5',
  id: '655b33a82209e60b6adb87a5',
  name: 'Water Heater Tune-Up',
  description: 'Flush, anode check and thermostat test.',
  locationId: 've9EPM428h8vShlRW1KT',
  productType: 'SERVICE',
  availableInStore: false,
  createdAt: '2026-01-12T15:04:05.000Z',
  updatedAt: '2026-01-20T09:57:04.846Z',
};

const outputFields: OutputField[] = [
  // The answer's own keys; a list answer comes as `items`, a non-JSON one as `text`, a file as `file` (perform.ts).
  { key: 'id', label: 'ID (when the answer has one)' },
];

const areaDef: FieldDef = {
  key: 'area',
  label: 'Area',
  helpText: "The part of HighLevel's API, as HighLevel's API reference groups it (one entry per API specification).",
  schema: text(100),
  required: true,
};

const operationDef: FieldDef = {
  key: 'operation',
  label: 'Operation',
  helpText: 'The HighLevel API operation to call, from the chosen Area; its own fields appear once it is chosen.',
  schema: text(200),
  required: true,
};

/** Static checks of the fields every run has, then the step's work; messages name the field, input is never appended. */
function performWith(def: OperationDef, work: (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>>) {
  return async (z: ZObject, bundle: Bundle) => {
    try {
      const parsed = parseInput(def.fields, (bundle.inputData ?? {}) as Record<string, unknown>);
      if (!parsed.ok) throw new z.errors.Error(`${def.label}: invalid input. ${describeIssues(parsed.issues)}.`, 'InvalidInput', 400);
      return await work(z, bundle);
    } catch (error) {
      // Zapier appends the step's input (emails, phones) to errors not marked otherwise: our messages say enough.
      if (error && typeof error === 'object') (error as { doNotContextify?: boolean }).doNotContextify = true;
      throw error;
    }
  };
}

function operation(
  def: OperationDef,
  inputFields: unknown[],
  work: (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>>,
): Operation {
  const perform = performWith(def, work);
  const zapier = defineCreate({
    key: def.key,
    noun: def.noun,
    display: { label: def.label, description: def.description },
    operation: {
      inputFields: inputFields as InputField[],
      perform,
      sample: def.sample,
      outputFields: withSampleLabels(def.outputFields, def.sample, def.noun),
    },
  });
  return {
    kind: 'create',
    key: def.key,
    def,
    // Reach is every spec operation; the scopes requested stay those of the curated operations (issue 13 §4).
    endpoints: [],
    perform,
    zapier,
    definition: zapier,
  };
}

const apiRequestDef: OperationDef = {
  key: 'api_request',
  noun: 'API Request',
  label: 'API Request',
  description:
    "Calls any operation of HighLevel's API v2: pick an area and an operation, then fill in its fields (checked against HighLevel's specification before sending).",
  endpoint: getProduct,
  fields: [areaDef, operationDef],
  sample,
  outputFields,
};

export const apiRequest = operation(apiRequestDef, [(_z: ZObject, bundle: Bundle) => apiRequestFields(bundle)], performApiRequest);

// ---------------------------------------------------------------------------------------------------------

const queryDef: FieldDef = {
  key: 'query',
  label: 'Query',
  helpText: 'Query parameters as name/value pairs, e.g. status = paid. They are URL-encoded for you.',
  schema: lazy((z) => z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]), { error: 'must be name/value pairs' })),
};

const customFields: FieldDef[] = [
  {
    key: 'method',
    label: 'Method',
    helpText: 'The HTTP method of the request.',
    schema: oneOf(METHODS),
    required: true,
    choices: Object.fromEntries(METHODS.map((m) => [m, m])),
  },
  {
    key: 'path',
    label: 'Path',
    helpText:
      "The path on HighLevel's API (https://services.leadconnectorhq.com), e.g. /invoices/ — never a full URL: the host is fixed. OAuth endpoints (/oauth/…) are refused.",
    schema: text(2000),
    required: true,
    placeholder: '/invoices/',
  },
  queryDef,
  {
    key: 'body',
    label: 'Body (JSON)',
    helpText: 'The JSON body for POST, PUT, PATCH or DELETE. Leave blank for none.',
    schema: text(100_000),
    type: 'text',
  },
  {
    key: 'version',
    label: 'Version',
    helpText: "HighLevel's API Version header. Leave blank to use the version HighLevel's specification declares for this path.",
    schema: oneOf(API_VERSIONS),
    choices: Object.fromEntries(API_VERSIONS.map((v) => [v, v])),
  },
];

const customDef: OperationDef = {
  key: 'custom_api_request',
  noun: 'API Request',
  label: 'Custom API Request',
  description:
    "Sends a request you write (method, path, query, JSON body) to HighLevel's API, for anything the API Request list lacks. The app sets the token and Version.",
  endpoint: getProduct,
  fields: customFields,
  sample,
  outputFields,
};

export const customApiRequest = operation(
  customDef,
  [
    // On an agency connection: the sub-account to act in (blank: the agency itself).
    (_z: ZObject, bundle: Bundle) =>
      isAgencyConnection(bundle)
        ? [
            {
              ...toZapierField(locationField),
              required: false,
              helpText: 'The sub-account (location) to act in. Leave blank to call with the agency token.',
            },
          ]
        : [],
    ...customFields.map((f) => ({ ...toZapierField(f), ...(f.key === 'query' ? { dict: true } : {}) })),
  ],
  performCustomRequest,
);
