import nock from 'nock';
import { loadDetail } from '../../src/apiRequest/artifacts';
import { zapierField } from '../../src/apiRequest/fields';
import { isDateTimeField } from '../../src/apiRequest/interpret';
import { FieldDef, toZapierField } from '../../src/fields/field';
import { phoneFields } from '../../src/phone';
import { indexOperations, synthesizedInput } from '../support/apiRequestInputs';
import { expectContractClean } from '../support/highlevel';
import { leaves, LOCATION, operations, perform, runAccepted, serve, takeRuntime, ZAP_ZONE } from './support';

// Issue 10, kind 4, over every date-time input of the app, discovered by what the field accepts (not listed): a
// date-time without an offset is read in the sub-account's zone (the location's, America/Los_Angeles here), not
// the zap's (America/New_York) nor UTC; the field's help says which zone applies, and it stays text (Zapier's
// date picker would read it in the zap's zone first). Day-only dates (date pickers) are not date-times.

beforeAll(takeRuntime);
afterEach(() => {
  nock.cleanAll();
  expectContractClean();
});

const WALL_CLOCK = '2026-12-01 09:00';
/** 09:00 in Los Angeles on 2026-12-01 (PST, UTC-8). */
const IN_LOCATION = Date.parse('2026-12-01T17:00:00Z');
const MISREAD = [Date.parse('2026-12-01T14:00:00Z'), Date.parse('2026-12-01T09:00:00Z')]; // New York's, UTC's

/** A field takes a date-time (with a time of day), by what its own schema accepts; phones and text do not count. */
function takesWallClock(field: FieldDef): boolean {
  const accepts = (value: unknown) => field.schema().safeParse(value).success;
  return (
    accepts(WALL_CLOCK) &&
    accepts('2026-12-01T09:00:00Z') &&
    !accepts('not a date') &&
    !accepts('+1 555-010-0199') &&
    !phoneFields([field]).length &&
    !field.list
  );
}

/** The instants a request carries: ISO strings with an offset, epoch milliseconds or seconds. */
function instants(values: unknown[]): number[] {
  return values.flatMap((v) => {
    if (typeof v === 'number' || (typeof v === 'string' && /^\d{10,13}$/.test(v))) {
      const n = Number(v);
      return [n, n * 1000];
    }
    return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v)) ? [Date.parse(v)] : [];
  });
}

const appCases = operations.flatMap((op) => op.def.fields.filter(takesWallClock).map((f) => [op.key, f.key, op, f] as const));

test('the discovery finds the date-time inputs (tasks, appointments, blocked slots, messages, payments, blog posts...)', () => {
  const keys = appCases.map(([op, key]) => `${op}.${key}`);
  expect(keys).toEqual(
    expect.arrayContaining([
      'create_task.dueDate',
      'create_appointment.startTime',
      'update_blocked_slot.endTime',
      'send_sms.scheduledAt',
      'record_invoice_payment.fulfilledAt',
      'update_blog_post.publishedAt',
    ]),
  );
  expect(appCases.length).toBeGreaterThanOrEqual(15);
});

/** Date-time inputs the step compares rather than sends (tested below by what the comparison decides). */
const COMPARED_NOT_SENT: Record<string, string> = {
  sourceUpdatedAt: "compared with the contact's dateUpdated (conflict protection), never sent",
};

/** The start of the location's day 2026-12-01, for inputs read by the day (Find Free Slots' From). */
const DAY_IN_LOCATION = Date.parse('2026-12-01T08:00:00Z');

describe.each(appCases)('%s %s', (_op, _key, op, field) => {
  // A compared input is tested below by what the comparison decides, not by what is sent (no skipped test).
  const sentTest = COMPARED_NOT_SENT[field.key] ? () => undefined : it;
  // The step's other date-times an hour before (fields declared earlier) or after: ranges stay in order.
  const index = op.def.fields.indexOf(field);
  const others = Object.fromEntries(
    op.def.fields
      .filter((f) => f !== field && takesWallClock(f))
      .map((f) => [f.key, op.def.fields.indexOf(f) < index ? '2026-12-01 08:00' : '2026-12-01 10:00']),
  );
  sentTest("a value without an offset is sent as that time in the sub-account's zone", async () => {
    const { sent, error } = await runAccepted(op, { ...others, [field.key]: WALL_CLOCK });
    expect(error).toBeUndefined();
    const carried = instants(leaves(sent.filter((s) => !s.path.startsWith('/locations/'))));
    expect(carried.some((ms) => ms === IN_LOCATION || ms === DAY_IN_LOCATION)).toBe(true);
    for (const wrong of MISREAD) expect(carried).not.toContain(wrong);
  });

  it('its help says which zone applies, and it stays text', () => {
    const zapier = toZapierField(field);
    expect(zapier.helpText).toMatch(/time zone/i);
    expect(zapier.type).not.toBe('datetime');
  });
});

describe('API Request: every date-time field of the specs', () => {
  const all = indexOperations().filter((op) => !op.multipart);
  const fields = all.flatMap((op) =>
    loadDetail(op)
      .fields.filter(isDateTimeField)
      .map((f) => [op, f] as const),
  );

  it('says which zone a value without an offset is read in, and stays text', () => {
    expect(fields.length).toBeGreaterThan(0);
    for (const [, f] of fields) {
      const editor = zapierField(f);
      expect(editor.helpText).toMatch(/time zone/i);
      expect(editor.type).toBe('string');
    }
  });

  it.each(fields.filter(([op]) => !op.agencyOnly).map(([op, f]) => [op.key, f.k, op, f] as const))(
    "%s %s: a value without an offset is sent in the sub-account's zone",
    async (_k, key, op) => {
      const apiRequest = operations.find((o) => o.key === 'api_request')!;
      const sent = serve(apiRequest, () => [200, { ok: true }]);
      await perform(apiRequest, { ...synthesizedInput(op), [key]: WALL_CLOCK });
      const carried = instants(leaves(sent.filter((s) => !s.path.startsWith('/locations/'))));
      expect(carried).toContain(IN_LOCATION);
      for (const wrong of MISREAD) expect(carried).not.toContain(wrong);
    },
  );
});

describe.each(['update_contact', 'upsert_contact'])("%s: Source Record Updated At without an offset is the sub-account's time", (key) => {
  const op = operations.find((o) => o.key === key)!;
  // HighLevel changed the contact at 15:00Z: after 09:00 in New York (14:00Z) or UTC, before 09:00 in Los Angeles.
  const answer = (s: { method: string }): [number, unknown] =>
    s.method === 'GET'
      ? [200, { contact: { id: 'c_12345', firstName: 'Rosa', email: 'rosa@example.com', dateUpdated: '2026-12-01T15:00:00.000Z' } }]
      : [200, { contact: { id: 'c_12345', firstName: 'Rosa', email: 'rosa@example.com' }, new: false }];
  // The step changes the first name: a newer change in HighLevel stops it (conflict protection).
  it('is not taken for an older change (the update goes through)', async () => {
    const { error, sent } = await runAccepted(
      op,
      { contactId: 'c_12345', email: 'rosa@example.com', firstName: 'Rosalind', sourceUpdatedAt: WALL_CLOCK },
      answer,
    );
    expect(error).toBeUndefined();
    expect(sent.some((s) => s.method !== 'GET' && /contacts/.test(s.path))).toBe(true);
  });
  it('the same time in New York (an offset given) is older than the change: the step stops instead', async () => {
    const { error } = await runAccepted(
      op,
      { contactId: 'c_12345', email: 'rosa@example.com', firstName: 'Rosalind', sourceUpdatedAt: '2026-12-01T09:00:00-05:00' },
      answer,
    );
    expect(error?.name).toBe('HaltedError');
  });
});

test('the harness: the location is in another zone than the zap', () => {
  expect(LOCATION.timezone).not.toBe(ZAP_ZONE);
});
