import fc from 'fast-check';
import { FieldDef } from '../../src/fields/field';
import { indexOperations, synthesizedInput, TEST_LOCATION } from '../support/apiRequestInputs';

// The one place that knows what kinds of value a field can take. A field's kind is found by probing its own zod
// schema (what it accepts and what it rejects), so a new field built from `src/fields/values.ts` is classified
// without a list of field keys; the first kind whose probes all agree wins (most specific first).

export interface Kind {
  name: string;
  /** The field's schema must accept all of these... */
  accepts: unknown[];
  /** ...and reject all of these. */
  rejects: unknown[];
  /** Values the field should accept (each is still checked against the field's own schema). */
  valid: (field: FieldDef) => fc.Arbitrary<unknown>;
  /** Values of the wrong type or malformed, which the field must reject. */
  invalid: fc.Arbitrary<unknown>;
}

const alnum = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: min, maxLength: max });
const lower = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: min, maxLength: max });
const words = fc
  .array(fc.oneof(alnum(1, 12), fc.constantFrom('Rosa', 'Delgado', 'Plumbing', 'Zoë', 'Müller', "O'Brien", '✓', '日本', '&', '#1')), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join(' '));
const date = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });
const id = alnum(20, 24);
const email = fc
  .tuple(lower(1, 12), fc.option(lower(1, 6), { nil: undefined }), lower(2, 10), fc.constantFrom('com', 'co.uk', 'io', 'org', 'de'))
  .map(([local, tag, domain, tld]) => `${local}${tag ? `.${tag}` : ''}@${domain}.${tld}`);
// Possible numbers (libphonenumber's length rules) with their country code: a national number's validity
// depends on the sub-account's country, which the fuzzed connection does not have.
const phone = fc
  .tuple(
    fc.constantFrom(['+1 ', 10], ['+44 20 ', 8], ['+49 30 ', 8], ['+61 4', 8]),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }),
    fc.boolean(),
  )
  .map(([[cc, length], digits, spaced]) =>
    `${cc}${digits
      .slice(0, length as number)
      .join('')
      .replace(/^[01]/, '5')}`.replace(/ /g, spaced ? ' ' : ''),
  );
const wrongType = fc.constantFrom<unknown>({ nested: { object: true } }, [{ nested: true }]);

export const KINDS: Kind[] = [
  {
    name: 'boolean',
    accepts: [true, 'false', 'yes'],
    rejects: ['maybe'],
    valid: () => fc.constantFrom(true, false, 'true', 'false', 'yes', 'no'),
    invalid: fc.constantFrom('maybe', 'perhaps', 'ja-nein', { nested: true }),
  },
  {
    name: 'integer',
    accepts: [1, '2'],
    rejects: ['abc', 1.5],
    valid: () => fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }).map(String)),
    invalid: fc.constantFrom('abc', '1.5', 'twelve', { nested: true }),
  },
  {
    name: 'number',
    accepts: [1.5, '2.5'],
    rejects: ['abc'],
    valid: () => fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 1e6 }).map(String)),
    invalid: fc.constantFrom('abc', 'ten dollars', { nested: true }),
  },
  {
    name: 'email',
    accepts: ['rosa@example.com'],
    rejects: ['not-an-email'],
    valid: () => email,
    invalid: fc.constantFrom('rosa.example.com', 'rosa@', '@example.com', 'rosa@@example.com', 'rosa @example.com', { nested: true }),
  },
  {
    name: 'phone',
    accepts: ['+1 555 010 0199'],
    rejects: ['call me'],
    valid: () => phone,
    invalid: fc.constantFrom('call me', '12', 'abc-def-ghij', { nested: true }),
  },
  {
    name: 'url',
    accepts: ['https://example.com/x'],
    rejects: ['not a url'],
    valid: () => fc.tuple(lower(2, 10), fc.constantFrom('com', 'io'), lower(0, 8)).map(([d, t, p]) => `https://${d}.${t}/${p}`),
    invalid: fc.constantFrom('not a url', 'example dot com', { nested: true }),
  },
  {
    name: 'idList',
    accepts: [['seD4PfOuKoVMLkEZqohJ', 'lJpzYrWdpkC2hX6t2yue'], 'abc123, def456'],
    rejects: [['a/b c']],
    valid: () => fc.array(id, { minLength: 1, maxLength: 3 }),
    invalid: fc.constantFrom(['a/b c'], [{ nested: true }]),
  },
  {
    name: 'id',
    accepts: ['seD4PfOuKoVMLkEZqohJ'],
    rejects: ['has space', 'a/b'],
    valid: () => id,
    invalid: fc.constantFrom('a/b', 'has space', '../etc', 'id?x=1', { nested: true }),
  },
  {
    name: 'slug',
    accepts: ['my-first-post'],
    rejects: ['My First Post', 'a/b', 'SeD4Pf'],
    valid: () => fc.array(lower(1, 8), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('-')),
    invalid: fc.constantFrom('My First Post', 'a/b', 'Ünïcode', { nested: true }),
  },
  {
    name: 'dateTime',
    accepts: ['2026-01-31T15:00:00Z', 1767225600000],
    rejects: ['not a date'],
    valid: () =>
      fc.oneof(
        date.map((d) => d.toISOString()),
        date.map((d) => d.getTime()),
        date.map((d) => d.toISOString().replace('Z', '+00:00')),
      ),
    invalid: fc.constantFrom('not a date', 'next tuesday', '2026-13-45T99:00:00Z', { nested: true }),
  },
  {
    name: 'date',
    accepts: ['2026-01-31'],
    rejects: ['31/01/2026', 'not a date'],
    valid: () =>
      fc.oneof(
        date.map((d) => d.toISOString().slice(0, 10)),
        date.map((d) => d.toISOString()),
      ),
    invalid: fc.constantFrom('31/01/2026', 'January 5th', '2026/01/31', { nested: true }),
  },
  {
    name: 'textList',
    accepts: [['lead', 'hot prospect'], 'lead, vip'],
    rejects: [[{ nested: true }]],
    valid: () => fc.array(words, { minLength: 1, maxLength: 4 }),
    invalid: fc.constantFrom([{ nested: true }], { nested: true }),
  },
  {
    name: 'countryCode',
    accepts: ['US'],
    rejects: ['United States'],
    valid: () => fc.constantFrom('US', 'GB', 'DE', 'CA', 'au'),
    invalid: fc.constantFrom('United States', 'U1', { nested: true }),
  },
  {
    name: 'timeZone',
    accepts: ['America/New_York', 'Europe/Berlin'],
    rejects: ['Mars/Olympus_Mons'],
    valid: () => fc.constantFrom('America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'),
    invalid: fc.constantFrom('Mars/Olympus_Mons', 'GMT+25', { nested: true }),
  },
  {
    name: 'dict',
    accepts: [{ status: 'paid' }, {}],
    rejects: ['Call back', ['a']],
    valid: () => fc.dictionary(lower(1, 10), fc.oneof(words, fc.integer({ min: 0, max: 100 }).map(String)), { maxKeys: 3 }),
    invalid: fc.constantFrom('status=paid', ['status'], [{ nested: true }]),
  },
  {
    name: 'lastFourDigits',
    accepts: ['4242', '0007'],
    rejects: ['42', 'abcd', '12345'],
    valid: () => fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
    invalid: fc.constantFrom('42', 'abcd', '12345', '4 42', { nested: true }),
  },
  {
    name: 'currencyCode',
    accepts: ['USD', 'eur'],
    rejects: ['dollars', 'US'],
    valid: () => fc.constantFrom('USD', 'EUR', 'GBP', 'cad', 'AUD'),
    invalid: fc.constantFrom('dollars', 'US', 'EURO', { nested: true }),
  },
  {
    // Zapier line items (a `children` group): a list of objects with a name and a price (src/fields/invoice.ts).
    name: 'lineItems',
    accepts: [[{ itemName: 'Water heater install', itemAmount: '1200', itemQty: '1' }]],
    rejects: [['Call back'], [{ name: 'No price' }]],
    valid: () =>
      fc.array(
        fc.record(
          {
            itemName: words,
            itemAmount: fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 100000 }).map(String)),
            itemQty: fc.integer({ min: 1, max: 20 }),
          },
          { requiredKeys: ['itemName', 'itemAmount'] },
        ),
        { minLength: 1, maxLength: 3 },
      ),
    invalid: fc.constantFrom(
      [{ name: 'No price' }],
      [{ name: 'Negative', amount: -5 }],
      [{ amount: 10 }],
      ['Call back'],
      [{ name: 'x', amount: 'ten' }],
    ),
  },
  {
    name: 'text',
    accepts: ['Call back'],
    rejects: [{ nested: true }],
    valid: () => words,
    invalid: wrongType,
  },
];

const passes = (field: FieldDef, value: unknown) => field.schema().safeParse(value).success;

/** The kind of a field: its choices, else the first kind whose probes its schema agrees with; undefined if none. */
export function kindOf(field: FieldDef): Kind | undefined {
  if (field.choices && Object.keys(field.choices).length) {
    const keys = Object.keys(field.choices);
    const choice: Kind = {
      name: 'choice',
      accepts: keys,
      rejects: ['not-a-choice-xyz'],
      valid: () =>
        field.list ? fc.uniqueArray(fc.constantFrom(...keys), { minLength: 1, maxLength: keys.length }) : fc.constantFrom(...keys),
      invalid: fc.constantFrom('not-a-choice-xyz', { nested: true }),
    };
    const probe = field.list ? [[keys[0]]] : keys;
    if (probe.every((v) => passes(field, v)) && !passes(field, 'not-a-choice-xyz')) return choice;
  }
  return KINDS.find((kind) => kind.accepts.every((v) => passes(field, v)) && kind.rejects.every((v) => !passes(field, v)));
}

/** Valid values for a field: its kind's generator, kept to what the field's own schema accepts (bounds, lengths). */
export function validValue(field: FieldDef, kind: Kind): fc.Arbitrary<unknown> {
  return kind.valid(field).filter((v) => passes(field, v));
}

/** Invalid values for a field: its kind's bad values that the schema indeed rejects. */
export function invalidValue(field: FieldDef, kind: Kind): fc.Arbitrary<unknown> {
  return kind.invalid.filter((v) => !passes(field, v));
}

/**
 * Operations whose successful run cannot be simulated outside Zapier, with the reason (their invalid input and
 * their HTTP failures are still tested). test/fuzz/operations.test.ts pins this list: adding an entry is a visible
 * change, not a silent one.
 */
export const VALID_NOT_FUZZED: Record<string, string> = {
  get_call_recording: "stores the recording with z.stashFile, which needs Zapier's RPC (ZAPIER_DEPLOY_KEY) outside Zapier",
  download_call_transcription: "stores the transcript with z.stashFile, which needs Zapier's RPC (ZAPIER_DEPLOY_KEY) outside Zapier",
};

/**
 * Operations whose valid input depends on other fields' values (API Request: the chosen operation's own fields;
 * Custom API Request: a path and query only a spec operation makes valid): the fuzz and fault tests take their
 * valid inputs from here, synthesised from the specs. Their static fields are still fuzzed with invalid values.
 */
export const DYNAMIC_INPUTS: Record<string, () => Record<string, unknown>[]> = {
  api_request: () => {
    const areas = ['invoices', 'contacts', 'products', 'calendars', 'payments', 'social-media-posting', 'store', 'opportunities'];
    const ops = areas.map((area) => indexOperations().find((op) => op.area === area && !op.agencyOnly && !op.multipart)!);
    return ops.flatMap((op) => [synthesizedInput(op), synthesizedInput(op, { all: true })]);
  },
  custom_api_request: () => [
    { method: 'GET', path: '/invoices/', query: { altId: TEST_LOCATION, altType: 'location', limit: '10', offset: '0' } },
    { method: 'POST', path: '/contacts/search', body: JSON.stringify({ locationId: TEST_LOCATION, pageLimit: 1 }) },
    { method: 'GET', path: '/calendars/events', query: { calendarId: 'cal1', startTime: '1', endTime: '2', locationId: TEST_LOCATION } },
  ],
};

/**
 * Operations that first download a file from a URL of their input (another host than HighLevel), by the input key
 * of that URL. The harnesses serve a small file there, so the HighLevel request after it is what gets tested.
 */
export const DOWNLOADS_FROM: Record<string, string> = { upload_file: 'file' };

/** Serves the file an operation downloads first (see DOWNLOADS_FROM); call after nock.cleanAll(). */
export function serveDownloads(opKey: string, input: Record<string, unknown>): void {
  const key = DOWNLOADS_FROM[opKey];
  const url = key ? input[key] : undefined;
  if (typeof url !== 'string') return;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return;
  }
  // Required here so that kinds.ts stays free of nock for its other users.
  const nock = require('nock') as typeof import('nock');
  nock(origin)
    .persist()
    .get(() => true)
    .reply(200, 'file content', { 'Content-Type': 'text/plain' });
}
