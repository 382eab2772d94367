import nock from 'nock';
import { DYNAMIC_INPUTS } from '../fuzz/kinds';
import { expectContractClean } from '../support/highlevel';
import { operations, runAccepted, takeRuntime } from './support';

// Issue 10, kind 7, over every operation of the app (discovered): when HighLevel refuses a request, the step's
// error keeps HighLevel's message, its status and traceId, and the useful non-personal details (the fields it
// names, the id of the record it matched), and never the emails or phone numbers HighLevel echoes back.

beforeAll(takeRuntime);
afterEach(() => {
  nock.cleanAll();
  expectContractClean();
});

const EMAIL = 'rosa.delgado@example.com';
const PHONE = '+15550100142';

const ANSWERS: Array<[string, number, Record<string, unknown>, string[]]> = [
  [
    'a 422 naming invalid properties, echoing their values',
    422,
    {
      statusCode: 422,
      message: ['email must be an email', `phone ${PHONE} is not valid`],
      errors: [{ property: 'email', value: EMAIL, constraints: { isEmail: `email ${EMAIL} must be an email` } }],
      traceId: 'trace-kinds-422',
    },
    ['email must be an email', 'trace-kinds-422', 'email'],
  ],
  [
    'a 400 naming the record it matched',
    400,
    {
      statusCode: 400,
      message: `A record with email ${EMAIL} already exists.`,
      meta: { contactId: 'ocQHyuzHvysMo5N5VsXc', matchingField: 'email', contactName: 'Rosa Delgado' },
      traceId: 'trace-kinds-400',
    },
    ['already exists', 'trace-kinds-400', 'ocQHyuzHvysMo5N5VsXc'],
  ],
];

// Steps whose success needs Zapier's file stashing are run too: HighLevel's refusal comes first. API Request and
// Custom API Request take their inputs from the specs (test/fuzz/kinds.ts DYNAMIC_INPUTS).
const candidates = operations;
const inputOf = (key: string) => (DYNAMIC_INPUTS[key] ? DYNAMIC_INPUTS[key]()[0] : {});

describe.each(ANSWERS)('HighLevel answers %s', (_what, status, body, expected) => {
  it('every operation: the error keeps the message, status, traceId and details, and no email or phone', async () => {
    const wrong: string[] = [];
    let failed = 0;
    for (const op of candidates) {
      const { error } = await runAccepted(op, inputOf(op.key), () => [status, body]);
      if (!error) continue; // a search may read a refusal as "nothing found"; counted below
      failed++;
      const text = error.message;
      let parsed: { message?: string; status?: number } = {};
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = { message: text };
      }
      const message = String(parsed.message ?? '');
      for (const part of expected) if (!message.includes(part)) wrong.push(`${op.key}: no "${part}" in ${message.slice(0, 200)}`);
      if (parsed.status !== status && error.name !== 'HaltedError') wrong.push(`${op.key}: status ${parsed.status}, not ${status}`);
      for (const personal of [EMAIL, PHONE, '5550100142', 'Rosa Delgado'])
        if (text.includes(personal)) wrong.push(`${op.key}: the error carries "${personal}"`);
    }
    expect(wrong).toEqual([]);
    expect(failed).toBeGreaterThan(operations.length * 0.8);
  });
});
