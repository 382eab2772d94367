import fc from 'fast-check';
import nock from 'nock';
import { FieldDef } from '../../src/fields/field';
import { kindOf, validValue } from '../fuzz/kinds';
import { Operation } from '../../src/factories/operation';
import { UnsavedCheck } from '../../src/unsaved';
import { expectContractClean } from '../support/highlevel';
import { OBJECT_KEY, operations, replyFor, runAccepted, takeRuntime } from './support';

// Issue 10, kind 5, over every write that compares (discovered: the writes with "If HighLevel Did Not Save a
// Value"): a value HighLevel's answer holds otherwise is named in `unsavedFields` with a warning, or halts the
// step when chosen; a value stored as sent is not. Every create, update or upsert either compares or says here
// why it cannot, so a new write has to decide.

beforeAll(takeRuntime);
afterEach(() => {
  nock.cleanAll();
  expectContractClean();
});

const POLICY = 'ifNotSaved';

// Why a write does not compare, by reason (a write whose answer is not the record cannot be compared with it).
const NO_RECORD = "HighLevel's answer is not the stored record (an id, a status or success flag)";
const TYPED_BY_HIGHLEVEL = 'what is sent is a setting HighLevel validates and answers an error for; no silent drop is known';
const COMPOSED = 'the record is composed from other records (a note, a slot, an association): nothing the user typed can be kept otherwise';
const NOT_COMPARED: Record<string, string> = {
  create_task: COMPOSED,
  update_task: COMPOSED,
  create_note: COMPOSED,
  update_note: COMPOSED,
  create_appointment_note: COMPOSED,
  update_appointment_note: COMPOSED,
  create_calendar: TYPED_BY_HIGHLEVEL,
  update_calendar: TYPED_BY_HIGHLEVEL,
  create_calendar_group: TYPED_BY_HIGHLEVEL,
  update_calendar_group: TYPED_BY_HIGHLEVEL,
  update_calendar_group_status: NO_RECORD,
  create_calendar_resource: TYPED_BY_HIGHLEVEL,
  update_calendar_resource: TYPED_BY_HIGHLEVEL,
  create_calendar_notification: TYPED_BY_HIGHLEVEL,
  update_calendar_notification: NO_RECORD,
  create_appointment: COMPOSED,
  update_appointment: COMPOSED,
  create_blocked_slot: COMPOSED,
  update_blocked_slot: COMPOSED,
  create_association: TYPED_BY_HIGHLEVEL,
  update_association: TYPED_BY_HIGHLEVEL,
  create_relation: COMPOSED,
  create_blog_post: TYPED_BY_HIGHLEVEL,
  update_blog_post: TYPED_BY_HIGHLEVEL,
  update_message_status: NO_RECORD,
  create_location: TYPED_BY_HIGHLEVEL,
  create_custom_field: TYPED_BY_HIGHLEVEL,
  update_custom_field: TYPED_BY_HIGHLEVEL,
  create_custom_field_folder: TYPED_BY_HIGHLEVEL,
  update_custom_field_folder: TYPED_BY_HIGHLEVEL,
  update_opportunity_status: NO_RECORD,
  create_invoice_from_estimate: COMPOSED,
  create_price: TYPED_BY_HIGHLEVEL,
  create_order_fulfillment: COMPOSED,
};

const writes = operations.filter((op) => op.kind === 'create' && /^(create|update|upsert)_/.test(op.key));
const compares = (op: Operation) => op.def.fields.some((f) => f.key === POLICY);

test('every create, update and upsert compares what HighLevel stored, or says why it cannot', () => {
  const undecided = writes.filter((op) => !compares(op) && !NOT_COMPARED[op.key]).map((op) => op.key);
  expect(undecided).toEqual([]);
  // And no stale excuse: a write listed here does not compare.
  expect(Object.keys(NOT_COMPARED).filter((key) => !writes.some((op) => op.key === key && !compares(op)))).toEqual([]);
  // The newer writes compare: products, custom values, tags, invoices and estimates, custom object records.
  const compared = writes.filter(compares).map((op) => op.key);
  expect(compared).toEqual(
    expect.arrayContaining([
      'create_product',
      'update_product',
      'create_custom_value',
      'update_custom_value',
      'update_tag',
      'create_invoice',
      'create_estimate',
      'create_object_record',
      'update_object_record',
    ]),
  );
});

/** A value of each comparable kind as sent, and another one HighLevel might keep instead. */
const VALUES: Record<string, [unknown, unknown]> = {
  phone: ['+15550100199', '+15550100142'],
  email: ['rosa@example.com', 'someone.else@example.com'],
  tags: [['vip'], ['other']],
  number: [1250, 99],
  id: ['Ab12Cd34Ef56Gh78Ij90', 'Zz99Yy88Xx77Ww66Vv55'],
  text: ['Water Heater Tune-Up', 'Something Else'],
};

/** Two values the field accepts that differ however compared (its own kind's values: a URL, a currency code...). */
function twoOf(field: FieldDef): [unknown, unknown] {
  const values = fc.sample(validValue(field, kindOf(field)!), { numRuns: 40, seed: 5 });
  const first = values[0];
  return [first, values.find((v) => String(v).trim().toLowerCase() !== String(first).trim().toLowerCase())];
}

/** Every place `key` sits in HighLevel's answer, set to `value` (the record, wherever the answer nests it). */
function answerWith(answer: unknown, key: string, value: unknown): unknown {
  const set = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(set);
    if (!node || typeof node !== 'object') return node;
    const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, set(v)]));
    if (key in out || 'id' in out || '_id' in out) out[key] = value;
    return out;
  };
  return set(answer);
}

const cases = writes
  .filter(compares)
  .flatMap((op) =>
    Object.entries((op.def as { unsaved?: UnsavedCheck }).unsaved ?? {}).map(([key, how]) => [op.key, key, op, how] as const),
  )
  // A choice field can only be sent as one of its choices: compared with another of them.
  .map(([k, key, op, how]) => {
    const field = op.def.fields.find((f) => f.key === key)!;
    const choices = field.choices ? Object.keys(field.choices) : undefined;
    const bool = /boolean/.test(String(field.type));
    const [sent, kept] = choices
      ? [choices[0], choices[1] ?? `${choices[0]}-other`]
      : bool
        ? [true, false]
        : how === 'text'
          ? twoOf(field)
          : VALUES[how];
    return [k, key, op, sent, kept] as const;
  });

describe.each(cases)('%s %s', (_k, key, op, sent, kept) => {
  it('kept otherwise by HighLevel: named in unsavedFields with a warning; halts when chosen', async () => {
    const { result, error } = await runAccepted(op, { [key]: sent }, () => [200, answerWith(replyFor(op), key, kept)]);
    expect(error).toBeUndefined();
    // Other fields the case fills may differ from the canned answer: this key is the one under test.
    expect(result.unsavedFields).toContain(key);
    expect(result.warning).toContain(`(${key})`);
    const halted = await runAccepted(op, { [key]: sent, [POLICY]: 'halt' }, () => [200, answerWith(replyFor(op), key, kept)]);
    expect(halted.error?.name).toBe('HaltedError');
    expect(halted.error?.message).toContain(`(${key})`);
  });

  it('stored as sent: nothing reported', async () => {
    const { result, error } = await runAccepted(op, { [key]: sent }, () => [200, answerWith(replyFor(op), key, sent)]);
    expect(error).toBeUndefined();
    expect(result.unsavedFields).not.toContain(key);
  });
});

describe.each(['create_object_record', 'update_object_record'])('%s: the typed properties', (key) => {
  const op = operations.find((o) => o.key === key)!;
  const record = (properties: Record<string, unknown>) => ({
    record: { id: 'rec_1', owner: [], followers: [], properties, dateAdded: '2026-03-09T10:00:00.000Z' },
  });
  const input = { objectKey: OBJECT_KEY, recordId: 'rec_1', property__name: 'Buddy', property__owner_phone: '(555) 010-0199' };

  it('a property HighLevel kept otherwise is named (phones compared as E.164)', async () => {
    const { result, error } = await runAccepted(op, input, () => [200, record({ name: 'Buddy', owner_phone: '+1 555 010 0142' })]);
    expect(error).toBeUndefined();
    expect(result.unsavedFields).toEqual(['property__owner_phone']);
    expect(result.warning).toContain('Owner Phone (property__owner_phone)');
    expect(result.warning).not.toContain('0142');
  });

  it('stored as sent (in its own spelling): nothing reported', async () => {
    const { result } = await runAccepted(op, input, () => [200, record({ name: 'buddy', owner_phone: '+1 (555) 010-0199' })]);
    expect(result.unsavedFields).toEqual([]);
  });
});
