import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { clientLimits } from '../../src/client';
import App from '../../app/index';
import { Operation } from '../../src/factories/operation';
import { appTester, AUTH, highlevel, operation } from '../support/highlevel';

// Tokens, the client secret and a contact's email and phone must never reach an error message or anything the app
// writes (z.console, console.*, stdout/stderr) — even when HighLevel echoes them back in its error answers.

const EMAIL = 'rosa.delgado@example.com';
const PHONE = '+15550100142';
const PHONE_SPACED = '+1 555 010 0142';

/** Every form a secret or personal value can take in a message. */
function forbidden(): string[] {
  return [
    AUTH.access_token,
    AUTH.refresh_token,
    process.env.CLIENT_SECRET!,
    EMAIL,
    encodeURIComponent(EMAIL),
    PHONE,
    PHONE_SPACED,
    '5550100142',
    encodeURIComponent(PHONE),
  ];
}

interface Captured {
  output: string[];
  error?: string;
}

/**
 * Runs the operation through the Zapier runtime, capturing what it logs (z.console and the process's console and
 * streams) and the message of the error it throws (Zapier errors carry it as JSON).
 */
async function capture(op: Operation, inputData: Record<string, unknown>, authData: Record<string, string> = AUTH): Promise<Captured> {
  const output: string[] = [];
  const record = (...args: unknown[]) => {
    output.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => jest.spyOn(console, m).mockImplementation(record));
  const writes = [jest.spyOn(process.stdout, 'write'), jest.spyOn(process.stderr, 'write')].map((spy) =>
    spy.mockImplementation(((chunk: unknown) => {
      record(String(chunk));
      return true;
    }) as any),
  );
  let error: string | undefined;
  try {
    await appTester(
      async (z: ZObject, bundle: Bundle) => {
        for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) {
          const original = (z.console as any)[m]?.bind(z.console);
          (z.console as any)[m] = (...args: unknown[]) => {
            record(...args);
            return original?.(...args);
          };
        }
        return op.perform(z, bundle);
      },
      { authData, inputData } as any,
    );
  } catch (e) {
    const err = e as Error;
    error = `${err.name}: ${err.message}`;
  } finally {
    [...spies, ...writes].forEach((spy) => spy.mockRestore());
  }
  return { output, error };
}

function expectNoLeak({ output, error }: Captured) {
  const text = [error ?? '', ...output].join('\n');
  // Also the JSON-escaped forms inside Zapier's JSON error messages.
  for (const secret of forbidden()) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
  }
}

const createContact = operation('create_contact');
const findContact = operation('find_contact');

/** What HighLevel might answer with our data echoed back. */
const echoes: Array<[string, number, nock.Body]> = [
  [
    'a duplicate-contact 400 naming the email and phone',
    400,
    { statusCode: 400, message: `Contact with email ${EMAIL} and phone ${PHONE} already exists`, traceId: 't-1' },
  ],
  [
    'a 422 whose message array echoes each value',
    422,
    { statusCode: 422, message: [`email ${EMAIL} is invalid`, `phone ${PHONE_SPACED} is invalid`] },
  ],
  ['a 401 echoing the token', 401, { statusCode: 401, message: `Invalid JWT: ${AUTH.access_token}` }],
  ['a 403 echoing the token', 403, { statusCode: 403, message: `token ${AUTH.access_token} is not authorized for this scope` }],
  ['a 404 naming the email', 404, { statusCode: 404, message: `No contact with email ${EMAIL}` }],
  ['a 429 naming the phone', 429, { statusCode: 429, message: `Too many requests for ${PHONE}` }],
  [
    'a 500 plain-text body echoing the request',
    500,
    `Internal error while saving {"email":"${EMAIL}","phone":"${PHONE}"} with Bearer ${AUTH.access_token}`,
  ],
  ['a 502 HTML page echoing the email', 502, `<html><body>Bad gateway for ${EMAIL}</body></html>`],
];

describe.each(echoes)('HighLevel answers %s', (_what, status, body) => {
  test('Create Contact: the error and the logs carry neither tokens nor the email or phone', async () => {
    highlevel().post('/contacts/').reply(status, body);
    const result = await capture(createContact, { firstName: 'Rosa', email: EMAIL, phone: PHONE });
    expect(result.error).toBeDefined();
    expectNoLeak(result);
  });

  test('Find Contact by email: the same', async () => {
    highlevel().get('/contacts/search/duplicate').query(true).reply(status, body);
    const result = await capture(findContact, { email: EMAIL });
    // A 404 is "nothing found" for a search, not an error; everything else fails.
    if (status !== 404) expect(result.error).toBeDefined();
    expectNoLeak(result);
  });
});

test('a daily-quota 429 echoing the email: the error names the limit, not the contact', async () => {
  highlevel()
    .post('/contacts/')
    .reply(429, { message: `Daily limit reached while creating ${EMAIL}` }, { 'X-RateLimit-Daily-Remaining': '0' });
  const result = await capture(createContact, { email: EMAIL });
  expect(result.error).toContain('daily API limit');
  expectNoLeak(result);
});

test('a connection reset while searching by email: the URL (with the email in its query) is not in the error', async () => {
  highlevel()
    .get('/contacts/search/duplicate')
    .query(true)
    .replyWithError(Object.assign(new Error(`socket hang up at ${EMAIL}`), { code: 'ECONNRESET' }));
  const result = await capture(findContact, { email: EMAIL });
  expect(result.error).toContain('ECONNRESET');
  expectNoLeak(result);
});

test('a timeout while searching by phone: the URL (with the phone in its query) is not in the error', async () => {
  const saved = clientLimits.timeoutMs;
  clientLimits.timeoutMs = 100;
  try {
    highlevel().get('/contacts/search/duplicate').query(true).delay(800).reply(200, {});
    const result = await capture(findContact, { phone: PHONE });
    expect(result.error).toContain('no answer within');
    expectNoLeak(result);
  } finally {
    clientLimits.timeoutMs = saved;
  }
});

test('invalid input: the validation error names the field, never the rejected email or phone value', async () => {
  const almostEmail = 'rosa.delgado@example';
  const almostPhone = '+1555 call 0100142';
  const result = await capture(createContact, { email: almostEmail, phone: almostPhone });
  expect(result.error).toContain('InvalidInput');
  expect(result.error).toContain('(email)');
  expect(result.error).not.toContain(almostEmail);
  expect(result.error).not.toContain(almostPhone);
  expectNoLeak(result);
});

describe('token refresh failures', () => {
  const refresh = (status: number, body: nock.Body) => {
    nock('https://services.leadconnectorhq.com').post('/oauth/token').reply(status, body);
    return capture({ perform: App.authentication.oauth2Config.refreshAccessToken } as unknown as Operation, {});
  };

  test('HighLevel echoes the refresh token and client secret in a 400: neither is in the error', async () => {
    const result = await refresh(400, {
      error: 'invalid_grant',
      error_description: `refresh_token ${AUTH.refresh_token} is invalid for client_secret ${process.env.CLIENT_SECRET}`,
    });
    expect(result.error).toContain('ExpiredAuthError');
    expectNoLeak(result);
  });

  test('a 500 plain-text page echoing the form body: neither secret is in the error', async () => {
    const result = await refresh(
      500,
      `failed: grant_type=refresh_token&refresh_token=${AUTH.refresh_token}&client_secret=${process.env.CLIENT_SECRET}`,
    );
    expect(result.error).toBeDefined();
    expectNoLeak(result);
  });
});
