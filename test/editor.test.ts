// The zap editor's view of every operation, discovered from the app: input fields resolved as the editor resolves
// them (dynamic field functions included, on a sub-account and on an agency connection), samples and output
// fields, dropdown labels. Each failure says what to change.
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import App from '../app/index';
import { operations } from '../app/operations';
import { isAgencyOnly, Operation } from '../src/factories/operation';
import { editorKeys, isInternalKey } from '../src/factories/output';
import { FieldDef, toZapierField } from '../src/fields/field';
import { locationField } from '../src/fields/location';
import { checkResponse } from '../contract/openapi';
import { appTester, AUTH, expectContractClean, failureOf, highlevel, run } from './support/highlevel';

afterEach(expectContractClean);

const AGENCY = {
  access_token: 'agency-at-secret-0987654321',
  refresh_token: 'agency-rt-secret-0987654321',
  userType: 'Company',
  companyId: 'cmp_8XyQ1z',
};
const GROUP = { trigger: 'triggers', create: 'creates', search: 'searches' } as const;
const visible = operations.filter((op) => !op.def.hidden);
const MAX_HELP = 300;
const SAMPLE_DATE_TIME = '2026-03-10T09:00:00Z';

/** The definition Zapier registered for an operation (what the editor reads). */
const registered = (op: Operation) => App[GROUP[op.kind]][op.key];

/** A custom field of each kind the editor turns into an input, so the dynamic fields function has work to do. */
const CUSTOM_FIELDS = {
  customFields: [
    { id: 'cfText000000000000001', name: 'Referral Code', fieldKey: 'contact.referral_code', dataType: 'TEXT', model: 'contact' },
    { id: 'cfDate000000000000001', name: 'Renewal Date', fieldKey: 'contact.renewal_date', dataType: 'DATE', model: 'contact' },
    { id: 'cfNum0000000000000001', name: 'Budget', fieldKey: 'opportunity.budget', dataType: 'MONETORY', model: 'opportunity' },
  ],
};

// The runtime's own z (real request client and middleware), taken once: resolving ~170 operations twice through
// appTester would trip zapier-platform-core's memory guard (it exits the process after 250 runs over 450 MB).
let z: ZObject;
beforeAll(async () => {
  await appTester(
    async (runtimeZ: ZObject) => {
      z = runtimeZ;
      return {};
    },
    { authData: AUTH } as any,
  );
});

/** Resolves an operation's input fields as the editor does (each field function called, its fields in place), on one connection. */
async function resolvedFields(op: Operation, authData: Record<string, unknown>, inputData: Record<string, unknown> = {}): Promise<any[]> {
  highlevel()
    .persist()
    .get(/\/locations\/[^/]+\/customFields/)
    .query(true)
    .reply(200, CUSTOM_FIELDS);
  // An agency connection exchanges its token for the chosen location's before reading its custom fields.
  highlevel()
    .persist()
    .post('/oauth/locationToken')
    .reply(200, { access_token: 'loc-at-secret-1234567890', expires_in: 86399, locationId: 'loc_5Yc1sLr8xq' });
  const bundle = { authData, inputData, meta: {} } as unknown as Bundle;
  try {
    const fields: any[] = [];
    for (const field of registered(op).operation.inputFields as any[]) {
      fields.push(...(typeof field === 'function' ? await field(z, bundle) : [field]));
    }
    return fields;
  } finally {
    nock.cleanAll();
  }
}

/** Help text naming the zone a value without an offset is read in: the app resolves that zone itself. */
const WALL_CLOCK = /time zone/i;

/** Whether a field's own schema takes a date-time (and not any text): a date-time input by what it accepts. */
function takesDateTime(field: FieldDef): boolean {
  const accepts = (value: string) => field.schema().safeParse(value).success;
  // A phone schema takes any string of enough digits, a date-time's too: a date-time schema rejects a phone number.
  return accepts(SAMPLE_DATE_TIME) && !accepts('not a date') && !accepts('+1 555-010-0199');
}

describe('zap editor: input fields, resolved on a sub-account and an agency connection', () => {
  const connections = [
    ['sub-account', AUTH, {}],
    ['agency', AGENCY, { locationId: 'loc_5Yc1sLr8xq' }],
  ] as const;
  const cases = operations.flatMap((op) => connections.map(([name, auth, input]) => [op.key, name, op, auth, input] as const));

  it('resolves the dynamic fields: the Location field on an agency connection, custom fields on both', async () => {
    const op = operations.find((o) => o.key === 'create_contact')!;
    const sub = (await resolvedFields(op, AUTH)).map((f) => f.key);
    const agency = (await resolvedFields(op, AGENCY, { locationId: 'loc_5Yc1sLr8xq' })).map((f) => f.key);
    expect(sub).not.toContain('locationId');
    expect(agency[0]).toBe('locationId');
    for (const keys of [sub, agency]) expect(keys).toEqual(expect.arrayContaining(['email', 'customField__cfDate000000000000001']));
  });

  it.each(cases)(
    '%s (%s): every field is labelled, help is short, date-times are date pickers with an example',
    async (_k, _c, op, auth, input) => {
      if (auth === AUTH && isAgencyOnly(op.def)) return; // agency-only operations say so before anything else
      const fields = await resolvedFields(op, auth as Record<string, unknown>, input);
      const problems: string[] = [];
      for (const field of fields) {
        const name = `${field.key}`;
        if (!field.label) problems.push(`${name}: give it a label`);
        const help = String(field.helpText ?? '');
        // A line-item group (a field with `children`) cannot carry help: Zapier rejects helpText on it
        // (zapier-platform validate; toZapierField in src/fields/field.ts drops it), so each of its children has help.
        if (Array.isArray(field.children)) {
          for (const child of field.children) if (!child.helpText) problems.push(`${name}.${child.key}: give it help text`);
        } else if (!help && !field.computed) problems.push(`${name}: give it help text`);
        if (help.length > MAX_HELP) problems.push(`${name}: help text is ${help.length} characters, keep it under ${MAX_HELP}`);
        if (field.type === 'datetime' && !/\be\.g\.|example/i.test(help))
          problems.push(`${name}: a date-time help text gives an example (e.g. …)`);
        // A wall-clock input (its help names the zone it is read in) stays text: Zapier's datetime type reads a value
        // without an offset in the zap's zone before the app sees it (zapier-platform-cli, invoke/input-types.js
        // parseDatetime, mimics this), so the calendar's or sub-account's zone could never apply.
        if (field.type === 'datetime' && WALL_CLOCK.test(help))
          problems.push(`${name}: read in a calendar's or sub-account's zone, so keep it text (not type: 'datetime')`);
      }
      for (const field of op.def.fields) {
        const zapierField = toZapierField(field);
        const wallClock = WALL_CLOCK.test(String(zapierField.helpText ?? ''));
        if (takesDateTime(field) && !wallClock && field.type !== 'datetime' && !field.list) {
          problems.push(`${field.key}: takes a date-time, so declare type: 'datetime' (Zapier's date picker)`);
        }
        if (takesDateTime(field) && wallClock && !/\be\.g\.|example/i.test(String(zapierField.helpText))) {
          problems.push(`${field.key}: a wall-clock date-time's help text gives an example (e.g. …)`);
        }
      }
      expect(problems).toEqual([]);
    },
  );
});

describe('zap editor: samples and output fields', () => {
  it.each(operations.map((op) => [op.key, op] as const))('%s: every key of the sample has an output label; no internal keys', (_k, op) => {
    const { sample, outputFields = [] } = registered(op).operation;
    const labels = new Map<string, string>((outputFields as any[]).filter((f) => typeof f !== 'function').map((f) => [f.key, f.label]));
    const problems: string[] = [];
    for (const key of editorKeys(sample)) {
      const last = key.split(/__|\[\]/).pop()!;
      if (isInternalKey(last))
        problems.push(`${key}: internal HighLevel key in the sample; drop it (src/factories/output.ts isInternalKey)`);
      else if (!labels.get(key)) problems.push(`${key}: no output label; add { key: '${key}', label } to outputFields`);
      else if (labels.get(key) === key && /[a-z][A-Z_]/.test(key)) problems.push(`${key}: its label is the raw key; write it in words`);
    }
    expect(problems).toEqual([]);
  });

  it.each(operations.map((op) => [op.key, op] as const))('%s: output fields list only what the step outputs', (_k, op) => {
    // An output field no sample key carries shows the user a field that stays empty (e.g. an email id on an SMS).
    const { sample, outputFields = [] } = registered(op).operation;
    const keys = editorKeys(sample);
    // A declared parent (a nested object or a list of line items) counts when the sample carries its children.
    const carried = (key: string) => keys.some((k) => k === key || k.startsWith(`${key}__`) || k.startsWith(`${key}[]`));
    const extra = (outputFields as any[]).filter((f) => typeof f !== 'function' && !carried(f.key)).map((f) => f.key);
    expect([op.key, extra, 'are declared but the sample carries none of them: add them to the sample or drop them']).toEqual([
      op.key,
      [],
      expect.anything(),
    ]);
  });
});

describe('zap editor: names', () => {
  it.each(visible.filter((op) => op.kind === 'search').map((op) => [op.key, op] as const))('%s: a search is named "Find …"', (_k, op) => {
    expect([op.key, op.def.label]).toEqual([op.key, expect.stringMatching(/^Find /)]);
  });

  it.each(visible.filter((op) => op.kind === 'trigger').map((op) => [op.key, op] as const))(
    '%s: a trigger scoped to one record names that record ("… on Contact")',
    (_k, op) => {
      // A required dropdown (a contact, an appointment…) means the trigger watches that one record's children.
      const scopes = op.def.fields.filter((f) => f.required && f.dynamic);
      for (const field of scopes) {
        const noun = operations.find((o) => o.key === field.dynamic!.split('.')[0])?.def.noun ?? field.label;
        const says = new RegExp(`\\b${noun}\\b`, 'i').test(op.def.label) ? 'ok' : `name the ${noun} it watches, e.g. "New X on ${noun}"`;
        expect([op.key, op.def.label, says]).toEqual([op.key, op.def.label, 'ok']);
      }
    },
  );

  it('New Note is per contact', () => {
    expect(operations.find((op) => op.key === 'new_note')!.def.label).toBe('New Note on Contact');
  });
});

describe('zap editor: id fields link a search', () => {
  it.each(operations.map((op) => [op.key, op] as const))('%s: every dropdown offers "add a search step"', (_k, op) => {
    const missing = (registered(op).operation.inputFields as any[])
      .filter((f) => typeof f !== 'function' && f.dynamic && !f.search)
      .map(
        (f) =>
          `${f.key} (${f.dynamic.split('.')[0]}): add a search find_<x> for the dropdown <x>_list (or one search of the dropdown's noun): see searches/lists.ts`,
      );
    expect(missing).toEqual([]);
  });
});

describe('zap editor: creates need something to create', () => {
  const creates = visible.filter((op) => op.kind === 'create' && /^Create /.test(op.def.label));
  it.each(creates.map((op) => [op.key, op] as const))('%s: empty input fails before any request, naming the fields', async (_k, op) => {
    // No HighLevel interceptor: a request would fail with a nock error instead of the input error.
    const failure = await failureOf(run(op, {}, isAgencyOnly(op.def) ? { authData: AGENCY } : {}));
    expect([op.key, failure.message]).toEqual([op.key, expect.stringMatching(/invalid input|fill in one of/)]);
  });

  it('Create Contact names the identifying fields', async () => {
    const op = operations.find((o) => o.key === 'create_contact')!;
    const failure = await failureOf(run(op, { companyName: 'Delgado Plumbing' }));
    expect(failure.message).toMatch(/fill in one of .*Email \(email\).*Phone \(phone\)/);
  });
});

describe('zap editor: dropdown labels tell records apart', () => {
  // Every trigger some field uses as its dropdown (`dynamic: 'x_list.id.name'`), the agency's Location field too.
  const sources = new Set(
    [...operations.flatMap((op) => op.def.fields), locationField].filter((f) => f.dynamic).map((f) => f.dynamic!.split('.')[0]),
  );
  const dropdowns = operations.filter((op) => op.kind === 'trigger' && sources.has(op.key));
  const NAME_KEYS = ['name', 'title', 'firstName', 'lastName', 'label', 'fullName', 'friendlyName'];

  /** HighLevel's answer for a list of records, as the operation's sample is wrapped. */
  const answerWith = (op: Operation, items: unknown[]) => {
    const { def } = op;
    if (def.sampleAnswer !== undefined && !Array.isArray(def.sampleAnswer) && def.resultKey)
      return { ...(def.sampleAnswer as object), [def.resultKey]: items };
    return def.resultKey ? { [def.resultKey]: items } : items;
  };

  async function labels(op: Operation, items: unknown[]): Promise<string[]> {
    const scope = highlevel().persist();
    for (const method of ['GET', 'POST'])
      scope
        .intercept(() => true, method)
        .query(true)
        .reply(200, answerWith(op, items));
    const inputData = Object.fromEntries(
      op.def.fields.filter((f) => f.required).map((f) => [f.key, Object.keys(f.choices ?? {})[0] ?? 'Xy7kP2mQ9rT4vW1zB3nC']),
    );
    try {
      const result = await run(op, inputData, isAgencyOnly(op.def) ? { authData: AGENCY } : {});
      return (result as Array<{ name: string }>).map((r) => r.name);
    } finally {
      nock.cleanAll();
    }
  }

  it('finds the dropdowns', () => expect(dropdowns.map((op) => op.key)).toEqual(expect.arrayContaining(['contact_list', 'user_list'])));

  it.each(dropdowns.map((op) => [op.key, op] as const))('%s: the label is not a bare id when the record has a name', async (_k, op) => {
    const sample = op.def.sample;
    const [label] = await labels(op, [sample]);
    // (Records whose id is their name, such as tags, read as their name anyway.)
    if (NAME_KEYS.some((k) => typeof sample[k] === 'string' && sample[k] && sample[k] !== sample.id)) {
      expect([op.key, label === String(sample.id) ? 'the label is the bare id: show the name' : 'ok']).toEqual([op.key, 'ok']);
    }
    // People share names: a second record of the same name must read differently (email or phone in the label).
    const person = ['firstName', 'lastName', 'contactName', 'fullName'].some((k) => sample[k]);
    if (person && (typeof sample.email === 'string' || typeof sample.phone === 'string')) {
      const twin = { ...sample, id: 'twin0000000000000001', email: 'other.person@example.com', phone: '+15550100111' };
      const [a, b] = await labels(op, [sample, twin]);
      expect([op.key, a === b ? 'two records with the same name read alike: add email or phone to the label' : 'ok']).toEqual([
        op.key,
        'ok',
      ]);
    }
  });
});

describe('Send SMS', () => {
  const op = operations.find((o) => o.key === 'send_sms')!;

  it("lists only what HighLevel's answer to an SMS carries", () => {
    const sms = new Set(['id', 'messageId', 'conversationId', 'status']);
    const fields = (registered(op).operation.outputFields as any[]).filter((f) => typeof f !== 'function').map((f) => f.key);
    expect(fields.filter((k) => !sms.has(k))).toEqual([]);
    expect(checkResponse('POST', '/conversations/messages', 200, op.def.sample).errors).toEqual([]);
  });

  it("offers the location's numbers as From Number", () => {
    const from = op.def.fields.find((f) => f.key === 'fromNumber')!;
    expect(from.dynamic).toBe('phone_number_list.id.name');
    expect(App.triggers.phone_number_list).toBeDefined();
  });
});
