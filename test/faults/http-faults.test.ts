import nock from 'nock';
import { clientLimits, collectPages } from '../../src/client';
import { MAX_PAGES } from '../../src/config';
import { contactSample } from '../../src/fields/contact';
import { taskSample } from '../../src/fields/task';
import App from '../../app/index';
import { appTester, AUTH, highlevel, operation, run } from '../support/highlevel';
import { failure } from './support';

// Every HighLevel failure, sent through the real Zapier runtime (createAppTester): one clear error each, with the
// status and HighLevel's traceId where there is one, and never a TypeError from our own code.

const newContact = operation('new_contact');
const createContact = operation('create_contact');
const SEARCH = '/contacts/search';

/** One poll of New Contact against a reply; returns the failure. */
function pollFailing(status: number, body: nock.Body | undefined, headers: Record<string, string> = {}) {
  const scope = highlevel().post(SEARCH).reply(status, body, headers);
  return { scope, result: failure(run(newContact)) };
}

describe('rate limits', () => {
  test('429 with Retry-After: a ThrottledError whose delay is Retry-After, not the interval', async () => {
    const { scope, result } = pollFailing(
      429,
      { statusCode: 429, message: 'Too many requests' },
      {
        'Retry-After': '7',
        'X-RateLimit-Interval-Milliseconds': '10000',
        'X-RateLimit-Max': '100',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Daily-Remaining': '185000',
      },
    );
    const error = await result;
    expect(error.name).toBe('ThrottledError');
    expect(error.delay).toBe(7);
    expect(error.message).toContain('429');
    expect(error.message).toContain('Too many requests');
    expect(scope.isDone()).toBe(true);
  });

  test('429 without Retry-After: the delay is X-RateLimit-Interval-Milliseconds, rounded up to seconds', async () => {
    const { result } = pollFailing(429, '', {
      'X-RateLimit-Interval-Milliseconds': '4500',
      'X-RateLimit-Max': '100',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Daily-Remaining': '185000',
    });
    const error = await result;
    expect(error.name).toBe('ThrottledError');
    expect(error.delay).toBe(5);
  });

  test('429 with Retry-After as an HTTP date: the delay is the seconds until then', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    const error = await pollFailing(429, '', { 'Retry-After': at }).result;
    expect(error.name).toBe('ThrottledError');
    // HTTP dates have whole seconds: 29–31 s from now.
    expect(error.delay).toBeGreaterThanOrEqual(29);
    expect(error.delay).toBeLessThanOrEqual(31);
  });

  test('daily quota used up: a clear error saying when it resets, not a throttle to retry', async () => {
    const reset = Math.floor(Date.UTC(2030, 0, 2, 0, 0, 0) / 1000);
    const { scope, result } = pollFailing(
      429,
      { statusCode: 429, message: 'Daily limit exceeded' },
      {
        'Retry-After': '10',
        'X-RateLimit-Limit-Daily': '200000',
        'X-RateLimit-Daily-Remaining': '0',
        'X-RateLimit-Daily-Reset': String(reset),
      },
    );
    const error = await result;
    expect(error.name).not.toBe('ThrottledError');
    expect(error.code).toBe('HighLevelDailyLimit');
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/daily API limit/);
    expect(error.message).toContain('It resets at 2030-01-02T00:00:00.000Z');
    expect(scope.isDone()).toBe(true);
  });

  test('daily quota used up without a reset header: says it resets within 24 hours', async () => {
    const error = await pollFailing(429, '', { 'X-RateLimit-Daily-Remaining': '0' }).result;
    expect(error.code).toBe('HighLevelDailyLimit');
    expect(error.message).toContain('resets within 24 hours');
  });
});

describe('expired access token mid-zap', () => {
  const NEW = { access_token: 'at-rotated-0987654321', refresh_token: 'rt-rotated-0987654321' };

  test('401 → RefreshAuthError; the refresh sends the rotated-token grant and keeps the NEW refresh token; the retry succeeds', async () => {
    // 1. The poll with the expired token: core's auto-refresh sees the 401.
    const stale = highlevel()
      .post(SEARCH)
      .matchHeader('authorization', `Bearer ${AUTH.access_token}`)
      .reply(401, { statusCode: 401, message: 'Invalid JWT' });
    const first = await failure(run(newContact));
    expect(first.name).toBe('RefreshAuthError');
    expect(stale.isDone()).toBe(true);

    // 2. Zapier calls refreshAccessToken with the stored authData.
    let form: URLSearchParams | undefined;
    const token = highlevel()
      .post('/oauth/token', (body) => {
        form = new URLSearchParams(typeof body === 'string' ? body : new URLSearchParams(body).toString());
        return true;
      })
      .reply(200, {
        ...NEW,
        token_type: 'Bearer',
        expires_in: 86399,
        scope: 'contacts.readonly',
        userType: 'Location',
        locationId: AUTH.locationId,
        companyId: AUTH.companyId,
        userId: 'usr_1',
      });
    const refreshed = (await appTester(App.authentication.oauth2Config.refreshAccessToken, { authData: AUTH } as any)) as Record<
      string,
      string
    >;
    expect(token.isDone()).toBe(true);
    expect(form?.get('grant_type')).toBe('refresh_token');
    expect(form?.get('client_id')).toBe(process.env.CLIENT_ID);
    expect(form?.get('client_secret')).toBe(process.env.CLIENT_SECRET);
    expect(form?.get('refresh_token')).toBe(AUTH.refresh_token);
    // HighLevel rotates refresh tokens: the old one is dead after this call, so the new one must be kept.
    expect(refreshed.refresh_token).toBe(NEW.refresh_token);
    expect(refreshed.access_token).toBe(NEW.access_token);
    expect(refreshed.locationId).toBe(AUTH.locationId);

    // 3. Zapier merges the result into authData and retries the step: the new token is sent and works.
    const retry = highlevel()
      .post(SEARCH)
      .matchHeader('authorization', `Bearer ${NEW.access_token}`)
      .reply(200, { contacts: [contactSample], total: 1 });
    const results = (await appTester(newContact.perform as any, { authData: { ...AUTH, ...refreshed }, inputData: {} } as any)) as any[];
    expect(retry.isDone()).toBe(true);
    expect(results.map((c) => c.id)).toEqual([contactSample.id]);
  });

  test('a refresh answer without the location keeps the stored location (the merge must not blank it)', async () => {
    nock('https://services.leadconnectorhq.com')
      .post('/oauth/token')
      .reply(200, { ...NEW, expires_in: 86399 });
    const refreshed = (await appTester(App.authentication.oauth2Config.refreshAccessToken, { authData: AUTH } as any)) as Record<
      string,
      string
    >;
    const merged = { ...AUTH, ...refreshed };
    expect(merged.locationId).toBe(AUTH.locationId);
    expect(merged.companyId).toBe(AUTH.companyId);
    expect(merged.refresh_token).toBe(NEW.refresh_token);
  });

  async function refreshFailing(status: number, body: nock.Body) {
    const scope = nock('https://services.leadconnectorhq.com').post('/oauth/token').reply(status, body);
    const error = await failure(appTester(App.authentication.oauth2Config.refreshAccessToken, { authData: AUTH } as any));
    expect(scope.isDone()).toBe(true);
    return { error };
  }

  test('HighLevel rejects the refresh (400 invalid_grant) → ExpiredAuthError telling the user to reconnect', async () => {
    const { error } = await refreshFailing(400, { error: 'invalid_grant', error_description: 'Invalid grant: refresh token is invalid' });
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('Reconnect your HighLevel account');
    expect(error.message).toContain('Invalid grant');
    expect(error.message).not.toContain(AUTH.refresh_token);
  });

  test('HighLevel rejects the refresh (401) → ExpiredAuthError telling the user to reconnect', async () => {
    const { error } = await refreshFailing(401, { statusCode: 401, message: 'Unauthorized' });
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('Reconnect your HighLevel account');
    expect(error.message).toContain('401');
  });

  test('a HighLevel outage during the refresh (503) is temporary: not ExpiredAuthError, the connection is kept', async () => {
    const { error } = await refreshFailing(503, '<html><body>503 Service Unavailable</body></html>');
    expect(error.name).not.toBe('ExpiredAuthError');
    expect(error.message).toContain('503');
    expect(error.message).not.toContain('<html');
  });

  test('a refresh answered with something that is not JSON: a clear error, not a SyntaxError', async () => {
    const { error } = await refreshFailing(200, '<html>gateway</html>');
    expect(error.name).not.toMatch(/SyntaxError|TypeError/);
    expect(error.message).toMatch(/token/i);
  });
});

describe('server errors, broken answers and the network', () => {
  const serverBodies: Array<[string, nock.Body, Record<string, string>]> = [
    [
      'an HTML page',
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
      { 'Content-Type': 'text/html' },
    ],
    ['an empty body', '', {}],
  ];
  for (const status of [500, 502, 503]) {
    for (const [what, body, headers] of serverBodies) {
      test(`${status} with ${what}: one clear temporary error with the status`, async () => {
        const { scope, result } = pollFailing(status, body, headers);
        const error = await result;
        expect(error.name).toBe('AppError');
        expect(error.code).toBe('HighLevelServerError');
        expect(error.status).toBe(status);
        expect(error.message).toBe(`HighLevel had a server error (${status}). This is usually temporary; try again later.`);
        expect(scope.isDone()).toBe(true);
      });
    }
  }

  test('500 with a JSON body: HighLevel’s message and traceId are in the error', async () => {
    const error = await pollFailing(500, { statusCode: 500, message: 'Internal server error', traceId: 'a1b2c3d4-trace' }).result;
    expect(error.message).toBe(
      'HighLevel had a server error (500): Internal server error. This is usually temporary; try again later. (HighLevel traceId a1b2c3d4-trace)',
    );
  });

  test('a 400 whose message is an array: every item, the status and the traceId', async () => {
    highlevel()
      .post('/contacts/')
      .reply(400, {
        statusCode: 400,
        message: ['firstName must be shorter than or equal to 100 characters', 'source must be a string'],
        error: 'Bad Request',
        traceId: 'tr-400-xyz',
      });
    const error = await failure(run(createContact, { firstName: 'Rosa' }));
    expect(error.code).toBe('HighLevelError');
    expect(error.status).toBe(400);
    expect(error.message).toBe(
      'HighLevel rejected the request (400): firstName must be shorter than or equal to 100 characters; source must be a string. (HighLevel traceId tr-400-xyz)',
    );
  });

  test('a 422 whose message is a string, with the traceId in a header', async () => {
    highlevel()
      .post('/contacts/')
      .reply(422, { statusCode: 422, message: 'This location does not allow duplicated contacts.' }, { 'x-trace-id': 'hdr-trace-9' });
    const error = await failure(run(createContact, { firstName: 'Rosa' }));
    expect(error.status).toBe(422);
    // HighLevel's own full stop is not doubled.
    expect(error.message).toBe(
      'HighLevel rejected the request (422): This location does not allow duplicated contacts. (HighLevel traceId hdr-trace-9)',
    );
  });

  test('a 403: names the scope the step needs', async () => {
    highlevel().post('/contacts/').reply(403, { statusCode: 403, message: 'The token is not authorized for this scope.' });
    const error = await failure(run(createContact, { firstName: 'Rosa' }));
    expect(error.status).toBe(403);
    expect(error.message).toContain('"contacts.write" scope');
  });

  test('a connection reset: one clear error naming the endpoint and the cause, no TypeError', async () => {
    const scope = highlevel()
      .post(SEARCH)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const error = await failure(run(newContact));
    expect(scope.isDone()).toBe(true);
    expect(error.code).toBe('HighLevelUnreachable');
    expect(error.message).toBe(
      'Could not reach HighLevel for POST /contacts/search: the connection failed (ECONNRESET). This is usually temporary; try again later.',
    );
  });

  test('no answer in time: the request is abandoned with a timeout error instead of hanging the step', async () => {
    const saved = clientLimits.timeoutMs;
    clientLimits.timeoutMs = 150;
    try {
      const scope = highlevel().post(SEARCH).delay(1000).reply(200, { contacts: [] });
      const started = Date.now();
      const error = await failure(run(newContact));
      expect(Date.now() - started).toBeLessThan(900);
      expect(scope.isDone()).toBe(true);
      expect(error.code).toBe('HighLevelTimeout');
      expect(error.message).toContain('Could not reach HighLevel for POST /contacts/search: no answer within');
    } finally {
      clientLimits.timeoutMs = saved;
    }
  });

  test('malformed JSON on a 200: a clear error with the status, not a SyntaxError', async () => {
    highlevel().post(SEARCH).reply(200, '{"contacts": [{"id": "abc"', { 'Content-Type': 'application/json' });
    const error = await failure(run(newContact));
    expect(error.code).toBe('HighLevelBadResponse');
    expect(error.message).toBe('HighLevel answered POST /contacts/search with a response that is not JSON (status 200). Try again later.');
  });
});

describe('paging that never ends stops at the bound', () => {
  test('New Task: pages that never shrink (always 100 new tasks) are read at most MAX_PAGES times', async () => {
    let calls = 0;
    highlevel()
      .persist()
      .post(/\/locations\/[^/]+\/tasks\/search/)
      .reply(200, () => {
        const page = Array.from({ length: 100 }, (_, i) => ({ ...taskSample, id: `task${calls}x${i}` }));
        calls++;
        return { tasks: page };
      });
    const results = (await run(operation('new_task'))) as any[];
    expect(calls).toBe(MAX_PAGES);
    expect(results).toHaveLength(100 * MAX_PAGES);
  });

  test('New Task: the same full page over and over stops at the first page with nothing new, no duplicate ids', async () => {
    let calls = 0;
    const page = Array.from({ length: 100 }, (_, i) => ({ ...taskSample, id: `task${i}` }));
    highlevel()
      .persist()
      .post(/\/locations\/[^/]+\/tasks\/search/)
      .reply(200, () => {
        calls++;
        return { tasks: page };
      });
    // Zapier rejects a poll with two results of the same id (CheckError), so the repeats must be dropped.
    const results = (await run(operation('new_task'))) as any[];
    expect(calls).toBe(2);
    expect(results.map((t) => t.id)).toEqual(page.map((t) => t.id));
  });

  test('New Task: skip paging that shifts (a task added between page reads) yields each task once', async () => {
    const tasks = Array.from({ length: 150 }, (_, i) => ({ ...taskSample, id: `t${String(i).padStart(3, '0')}` }));
    highlevel()
      .post(/\/locations\/[^/]+\/tasks\/search/)
      .reply(200, { tasks: tasks.slice(0, 100) })
      .post(/\/locations\/[^/]+\/tasks\/search/)
      // A new task arrived at the front: the second page starts one earlier, repeating t099.
      .reply(200, { tasks: [{ ...taskSample, id: 'tNEW' }, ...tasks].slice(100, 200) });
    const results = (await run(operation('new_task'))) as any[];
    const ids = results.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(150);
  });

  test('collectPages: a cursor seen before ends the paging (A → B → A stops after two pages)', async () => {
    const cursors: string[] = [];
    const items = await collectPages('A', async (cursor: string) => {
      cursors.push(cursor);
      return { items: [cursor], next: cursor === 'A' ? 'B' : 'A' };
    });
    expect(cursors).toEqual(['A', 'B']);
    expect(items).toEqual(['A', 'B']);
  });

  test('collectPages: the same cursor again ends the paging after one page', async () => {
    let calls = 0;
    await collectPages({ startAfterId: 'x' }, async (cursor) => {
      calls++;
      return { items: [1], next: cursor };
    });
    expect(calls).toBe(1);
  });

  test('collectPages: an always-new cursor stops at MAX_PAGES', async () => {
    let calls = 0;
    await collectPages(0, async (n: number) => {
      calls++;
      return { items: [n], next: n + 1 };
    });
    expect(calls).toBe(MAX_PAGES);
  });
});
