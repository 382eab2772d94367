import fc from 'fast-check';
import nock from 'nock';
import { isAgencyOnly, Operation } from '../../src/factories/operation';
import { kindOf, validValue } from '../fuzz/kinds';
import { isPhoneField } from '../../src/apiRequest/interpret';
import { loadDetail } from '../../src/apiRequest/artifacts';
import { phoneFields } from '../../src/phone';
import { indexOperations, synthesizedInput } from '../support/apiRequestInputs';
import { expectContractClean } from '../support/highlevel';
import { editorFields, leaves, operations, perform, requiredInput, serve, takeRuntime } from './support';

// Issue 10, kind 3, over every phone input of the app, discovered (not listed): declared phone fields, the
// location's PHONE custom fields, custom objects' PHONE properties (as the editor resolves them), and API Request
// fields the spec describes as a phone. A national number as people write it is sent as E.164 in the
// sub-account's country; what is not a possible number is refused naming the field, before the write.

beforeAll(takeRuntime);
afterEach(() => {
  nock.cleanAll();
  expectContractClean();
});

const WRITTEN = '(555) 010-0199 ext. 7';
const E164 = '+15550100199';

/** [operation, input key, list?] for every phone input of the app's own operations. */
async function appPhoneInputs(): Promise<Array<[string, string, boolean]>> {
  const cases: Array<[string, string, boolean]> = [];
  for (const op of operations.filter((o) => o.kind !== 'trigger')) {
    for (const f of phoneFields(op.def.fields)) cases.push([op.key, f.key, f.kind === 'list']);
    // Dynamic inputs: the location's custom fields and the object's properties, typed PHONE by our test location.
    serve(op);
    const dynamic = await editorFields(op, { objectKey: 'custom_objects.pet' }).catch(() => []);
    for (const f of dynamic) if (/^(customField__\w*Phone|property__owner_phone)/.test(String(f.key))) cases.push([op.key, f.key, false]);
  }
  nock.cleanAll();
  return cases;
}

/**
 * The required input, plus what lets a national number be read and the step run: a "fill in one of" rule met
 * by another field, and, where the step has no sub-account to read (agency-level), the record's own country.
 */
function baseInput(op: Operation, phoneKey: string): Record<string, unknown> {
  const input = requiredInput(op);
  const oneOf = (op.def.fillInOneOf ?? []).find((k) => k !== phoneKey && !phoneFields(op.def.fields).some((f) => f.key === k));
  if (oneOf && !op.def.fillInOneOf!.some((k) => k === phoneKey || input[k] !== undefined)) {
    const field = op.def.fields.find((f) => f.key === oneOf)!;
    input[oneOf] = fc.sample(validValue(field, kindOf(field)!), { numRuns: 1, seed: 3 })[0];
  }
  if (isAgencyOnly(op.def) && op.def.fields.some((f) => f.key === 'country')) input.country = 'US';
  return input;
}

let appCases: Array<[string, string, boolean]> = [];
beforeAll(async () => {
  appCases = await appPhoneInputs();
});

test('the discovery finds the phone inputs of every kind (declared, custom field, object property)', () => {
  const keys = appCases.map(([op, key]) => `${op}.${key}`);
  expect(keys).toEqual(
    expect.arrayContaining([
      'create_contact.phone',
      'send_sms.toNumber',
      'find_contact.phone',
      'update_user.phone',
      'update_business.phone',
      'create_contact.customField__contactPhone00000000001',
      'update_opportunity.customField__opportunityPhone00000000001',
      'create_object_record.property__owner_phone',
      'update_object_record.property__owner_phone',
    ]),
  );
});

test('every phone input of the app sends a national number as E.164 and reports its extension', async () => {
  const wrong: string[] = [];
  for (const [key, field, list] of appCases) {
    const op = operations.find((o) => o.key === key)!;
    const sent = serve(op);
    const input = { ...baseInput(op, field), [field]: list ? [WRITTEN] : WRITTEN };
    let result: any;
    try {
      result = await perform(op, input);
    } catch (e) {
      wrong.push(`${key}.${field}: failed: ${(e as Error).message.slice(0, 200)}`);
      continue;
    }
    const values = leaves(sent).map(String);
    if (!values.includes(E164)) wrong.push(`${key}.${field}: ${E164} not sent`);
    if (values.some((v) => v.includes('010-0199'))) wrong.push(`${key}.${field}: sent as written`);
    const out = Array.isArray(result) ? {} : result;
    if (!list && op.kind === 'create' && out[`${field}Extension`] !== '7') wrong.push(`${key}.${field}: extension not reported`);
  }
  expect(wrong).toEqual([]);
  expect(appCases.length).toBeGreaterThanOrEqual(20);
});

test('every phone input of the app decodes a URL-encoded number (%2B1…, %20) before reading it', async () => {
  const wrong: string[] = [];
  for (const [key, field, list] of appCases) {
    const op = operations.find((o) => o.key === key)!;
    const sent = serve(op);
    const encoded = '%2B1%20555%20010%200199';
    try {
      await perform(op, { ...baseInput(op, field), [field]: list ? [encoded] : encoded });
    } catch (e) {
      wrong.push(`${key}.${field}: failed: ${(e as Error).message.slice(0, 200)}`);
      continue;
    }
    if (!leaves(sent).map(String).includes(E164)) wrong.push(`${key}.${field}: ${E164} not sent`);
  }
  expect(wrong).toEqual([]);
});

test('every phone input of the app refuses what is not a possible number, naming the field, before writing', async () => {
  const wrong: string[] = [];
  for (const [key, field, list] of appCases) {
    const op = operations.find((o) => o.key === key)!;
    const sent = serve(op);
    const input = { ...baseInput(op, field), [field]: list ? ['+1 555 01'] : '+1 555 01' };
    const error = await perform(op, input).then(
      () => undefined,
      (e) => e as Error,
    );
    if (!error || !/InvalidInput|invalid input/.test(`${error.message}`)) wrong.push(`${key}.${field}: not refused`);
    else if (!error.message.includes(`(${field})`)) wrong.push(`${key}.${field}: the error does not name the field`);
    // Reads (the location, custom field definitions) may happen; no write.
    const writes = sent.filter((s) => s.method !== 'GET');
    if (writes.length && op.kind === 'create') wrong.push(`${key}.${field}: wrote ${writes.map((w) => w.path).join(', ')}`);
  }
  expect(wrong).toEqual([]);
});

describe('API Request: every field the spec describes as a phone', () => {
  const cases = indexOperations()
    .filter((op) => !op.multipart && !op.agencyOnly)
    .flatMap((op) =>
      loadDetail(op)
        .fields.filter(isPhoneField)
        .map((f) => [op.key, f.k, op, !!f.li] as const),
    );

  it('finds them (contacts, users, businesses, conversations, invoices...)', () => {
    const keys = cases.map(([op, k]) => `${op}.${k}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'contacts:create-contact.body_phone',
        'contacts:get-duplicate-contact.query_number',
        'conversations:send-a-new-message.body_toNumber',
        'conversations:add-an-inbound-message.body_call_to',
        'conversations:add-an-outbound-message.body_call_from',
        'invoices:create-invoice.body_sentTo_phoneNo',
        'users:update-user.body_phone',
      ]),
    );
    // Numbers that are not phones stay as written.
    expect(keys.some((k) => /invoiceNumber|trackingNumber|cheque_number/.test(k))).toBe(false);
  });

  it.each(cases)('%s %s: a national number is sent as E.164', async (_k, field, op, list) => {
    const apiRequest = operations.find((o) => o.key === 'api_request')!;
    const sent = serve(apiRequest, () => [200, { ok: true }]);
    // Every field filled (a nested phone's siblings may be required with it), the phone as people write it.
    const input = { ...synthesizedInput(op, { all: true }), [field]: list ? [WRITTEN] : WRITTEN };
    const result = await perform(apiRequest, input);
    const values = leaves(sent.filter((s) => !s.path.startsWith('/locations/'))).map(String);
    expect(values).toContain(E164);
    expect(values.filter((v) => v.includes('010-0199'))).toEqual([]);
    if (!list) expect(result[`${field}Extension`]).toBe('7');
  });
});
