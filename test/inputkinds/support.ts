import fc from 'fast-check';
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { operations } from '../../app/operations';
import { checkResponse } from '../../contract/openapi';
import { isAgencyOnly, Operation } from '../../src/factories/operation';
import { phoneFields } from '../../src/phone';
import { kindOf, serveDownloads, validValue } from '../fuzz/kinds';
import { appTester, AUTH, highlevel } from '../support/highlevel';

// The harness of the table-driven kind tests (issue 10's kinds over every operation): the operations are
// discovered from the app, their required inputs generated from their own field declarations (test/fuzz/kinds.ts),
// and every request they send is captured. Runs use the runtime's own z (real request client and middleware,
// real errors), as the fuzz and fault tests do: a full appTester run per case would trip zapier-platform-core's
// memory guard over a few hundred cases.

export { operations };

/** The location every case runs in: US numbers, Los Angeles time (the zap's zone is another: New York). */
export const LOCATION = { id: AUTH.locationId, name: 'Delgado Plumbing', country: 'US', timezone: 'America/Los_Angeles' };
export const ZAP_ZONE = 'America/New_York';

/** A custom field of each data type that matters to the kinds, for both models (contacts, opportunities). */
export const CUSTOM_FIELDS = ['contact', 'opportunity'].flatMap((model) => [
  { id: `${model}Phone00000000001`, name: 'Office Phone', fieldKey: `${model}.office_phone`, dataType: 'PHONE', model },
  { id: `${model}Date000000000001`, name: 'Renewal Date', fieldKey: `${model}.renewal_date`, dataType: 'DATE', model },
  { id: `${model}Text000000000001`, name: 'Referral Code', fieldKey: `${model}.referral_code`, dataType: 'TEXT', model },
]);

/** The custom object every object step is given, with a property of each data type that matters. */
export const OBJECT_KEY = 'custom_objects.pet';
export const OBJECT = {
  object: { id: 'obj_1', key: OBJECT_KEY, labels: { singular: 'Pet', plural: 'Pets' } },
  fields: [
    { id: 'p1', name: 'Name', fieldKey: `${OBJECT_KEY}.name`, dataType: 'TEXT' },
    { id: 'p2', name: 'Owner Phone', fieldKey: `${OBJECT_KEY}.owner_phone`, dataType: 'PHONE' },
    { id: 'p3', name: 'Born On', fieldKey: `${OBJECT_KEY}.born_on`, dataType: 'DATE' },
  ],
};

let z: ZObject;
/** Call in beforeAll: takes the runtime's z once. */
export async function takeRuntime(): Promise<void> {
  await appTester(
    async (runtimeZ: ZObject) => {
      z = runtimeZ;
      return {};
    },
    { authData: AUTH } as any,
  );
}

/** Forget what z.cache kept (the location's facts, custom field definitions) between cases. */
export function clearCache(): void {
  const cache = (appTester as unknown as { zcacheTestObj: Record<string, unknown> }).zcacheTestObj;
  for (const key of Object.keys(cache)) delete cache[key];
}

/** One request the step sent: method, path (no query), query and JSON body. */
export interface Sent {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/**
 * What HighLevel answers an operation's own request: its sample answer, else its sample under resultKey as a list
 * or a record, whichever the endpoint's response schema accepts (as the fuzz test does).
 */
export function replyFor(op: Operation): unknown {
  const { resultKey, sample, sampleAnswer } = op.def;
  const candidates: unknown[] = [
    ...(sampleAnswer !== undefined ? [sampleAnswer] : []),
    ...(resultKey ? [{ [resultKey]: sample }, { [resultKey]: [sample] }] : []),
    sample,
  ];
  const { method, path } = op.def.endpoint;
  const fits = (body: unknown) => [200, 201].some((status) => checkResponse(method, path, status, body).ok);
  return candidates.find(fits) ?? candidates[0];
}

/**
 * Serves HighLevel for one case and records every request: the location, its custom fields and the custom object
 * as above; the op's answer (or `answer`) for everything else.
 */
export function serve(op: Operation, answer: (sent: Sent) => [number, unknown] = () => [200, replyFor(op)]): Sent[] {
  nock.cleanAll();
  clearCache();
  const sent: Sent[] = [];
  const scope = highlevel().persist();
  scope.on('request', (req: any, _i: unknown, body: string) => {
    const url = new URL(req.path, 'https://x.test');
    let parsed: unknown = undefined;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      parsed = body;
    }
    sent.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body: parsed });
  });
  scope.get(`/locations/${AUTH.locationId}`).reply(200, { location: LOCATION });
  scope
    .get(`/locations/${AUTH.locationId}/customFields`)
    .query(true)
    .reply(200, (uri: string) => {
      const model = new URL(uri, 'https://x.test').searchParams.get('model');
      return { customFields: CUSTOM_FIELDS.filter((f) => !model || f.model === model) };
    });
  scope.get(`/objects/${OBJECT_KEY}`).query(true).reply(200, { object: OBJECT.object, fields: OBJECT.fields });
  // A calendar without a zone of its own (the sub-account's then applies), for steps that read their calendar.
  scope
    .get(/^\/calendars\/(?!events$|groups$|resources$|blocked-slots$)[^/?]+(\?.*)?$/)
    .reply(200, (uri: string) => ({ calendar: { id: uri.split('?')[0].split('/').pop(), name: 'Installs', locationId: AUTH.locationId } }));
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    scope
      .intercept(() => true, method)
      .reply((uri, body) => {
        const url = new URL(uri, 'https://x.test');
        return answer({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), body });
      });
  }
  return sent;
}

/** The step's reader: an instant trigger's HighLevel reads are its performList's. */
const readerOf = (op: Operation) => op.hook?.performList ?? op.perform;

/** Runs the operation on a sub-account connection (agency-only ones on an agency connection), in the zap's zone. */
export function perform(op: Operation, inputData: Record<string, unknown>): Promise<any> {
  serveDownloads(op.key, inputData);
  const authData = isAgencyOnly(op.def) ? { ...AUTH, userType: 'Company' } : AUTH;
  return readerOf(op)(z, { authData, inputData, meta: { timezone: ZAP_ZONE } } as unknown as Bundle);
}

/** Valid values for the operation's required fields (fixed seed), with `objectKey` the test object's. */
export function requiredInput(op: Operation, seed = 7): Record<string, unknown> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of op.def.fields.filter((f) => f.required)) {
    const kind = kindOf(field);
    if (kind) model[field.key] = validValue(field, kind);
  }
  const input = fc.sample(fc.record(model), { numRuns: 1, seed })[0] as Record<string, unknown>;
  for (const key of ['objectKey']) if (op.def.fields.some((f) => f.key === key)) input[key] = OBJECT_KEY;
  return input;
}

/**
 * Inputs to try, in order, with `fixed` on top: the required fields (a "fill in one of" rule met by a field that is
 * not fixed), then a few with every field filled (fixed seed), for rules across fields no declaration states
 * (Send Email: HTML or text; a cheque payment: its number). An agency-level step gets the record's own country.
 */
export function candidateInputs(op: Operation, fixed: Record<string, unknown>): Record<string, unknown>[] {
  const required = requiredInput(op);
  const oneOf = op.def.fillInOneOf ?? [];
  if (oneOf.length && !oneOf.some((k) => fixed[k] !== undefined || required[k] !== undefined)) {
    const key = oneOf.find((k) => !phoneFields(op.def.fields).some((f) => f.key === k)) ?? oneOf[0];
    const field = op.def.fields.find((f) => f.key === key)!;
    required[key] = fc.sample(validValue(field, kindOf(field)!), { numRuns: 1, seed: 3 })[0];
  }
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of op.def.fields) {
    const kind = kindOf(field);
    if (kind) model[field.key] = validValue(field, kind);
  }
  const full = fc.sample(fc.record(model, { requiredKeys: Object.keys(model) }), { numRuns: 8, seed: 11 }) as Record<string, unknown>[];
  const country = isAgencyOnly(op.def) && op.def.fields.some((f) => f.key === 'country') ? { country: 'US' } : {};
  const objectKey = op.def.fields.some((f) => f.key === 'objectKey') ? { objectKey: OBJECT_KEY } : {};
  return [required, ...full].map((input) => ({ ...input, ...objectKey, ...country, ...fixed }));
}

/**
 * Runs the operation with the first candidate input (candidateInputs) that its cross-field rules accept; an
 * InvalidInput naming one of the `fixed` keys is the outcome, not a reason to try another. Returns the requests
 * sent and the result or error of that run.
 */
export async function runAccepted(
  op: Operation,
  fixed: Record<string, unknown>,
  answer?: (sent: Sent) => [number, unknown],
): Promise<{ sent: Sent[]; result?: any; error?: Error; input: Record<string, unknown> }> {
  let last: { sent: Sent[]; result?: any; error?: Error; input: Record<string, unknown> } | undefined;
  for (const input of candidateInputs(op, fixed)) {
    const sent = serve(op, answer);
    try {
      return { sent, result: await perform(op, input), input };
    } catch (e) {
      const error = e as Error;
      last = { sent, error, input };
      const invalid = /"code":"InvalidInput"/.test(error.message) || (error as { code?: string }).code === 'InvalidInput';
      if (!invalid || Object.keys(fixed).some((k) => error.message.includes(`(${k})`))) return last;
    }
  }
  return last!;
}

/**
 * The operation's input fields as the editor resolves them on a sub-account connection (field functions called
 * with `inputData`: custom fields and the object's properties appear), each with its Zapier definition.
 */
export async function editorFields(op: Operation, inputData: Record<string, unknown>): Promise<Array<Record<string, any>>> {
  const fields: Array<Record<string, any>> = [];
  const bundle = { authData: AUTH, inputData, meta: {} } as unknown as Bundle;
  for (const field of op.definition.operation.inputFields as any[])
    fields.push(...(typeof field === 'function' ? await field(z, bundle) : [field]));
  return fields;
}

/** Every string and number in a request (query values and body leaves), to find a value however it was placed. */
export function leaves(sent: Sent[]): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    else out.push(v);
  };
  for (const s of sent) {
    walk(s.query);
    walk(s.body);
    out.push(...s.path.split('/').map(decodeURIComponent));
  }
  return out;
}
