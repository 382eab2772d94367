import nock from 'nock';
import { extraScopes, grantedScopes } from '../../src/apiRequest/scopes';
import { requestedScopes } from '../../src/authentication';
import App from '../../app/index';
import { requiredScopes } from '../../app/operations';
import { appTester, AUTH, BASE, failureOf, highlevel, operation, run } from '../support/highlevel';

// Custom API Request (issue 13 §2): a path on HighLevel's API only, the app's Authorization and Version, no
// OAuth endpoints; and the scope settings (§4).

const unmatched: string[] = [];
nock.emitter.on('no match', (req: any) => unmatched.push(`${req.method} ${req.path}`));
beforeEach(() => (unmatched.length = 0));

describe('Custom API Request', () => {
  const custom = operation('custom_api_request');

  it.each([
    ['https://evil.example/x', /not a URL/],
    ['//evil.example/x', /not a URL/],
    ['HTTP://services.leadconnectorhq.com.evil.example/', /not a URL/],
    ['\\\\evil.example\\x', /not a URL/],
    ['invoices/', /must start with "\/"/],
    ['/invoices/../oauth/token', /"\." or "\.\." segments/],
    ['/invoices/%2e%2e/oauth/token', /"\." or "\.\." segments/],
    ['/invoices/%2F%2Fevil', /"\." or "\.\." segments/],
    ['/invoices//x', /must not contain "\/\/"/],
    ['/oauth/token', /OAuth endpoint/],
    ['/OAuth/locationToken', /OAuth endpoint/],
    ['/invoices/?limit=1', /put query parameters in Query/],
    ['/invoices/{invoiceId}', /braces/],
  ])('refuses the path %s before any request', async (path, message) => {
    const failure = await failureOf(run(custom, { method: 'GET', path }));
    expect(failure).toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(/Path \(path\)/) });
    expect(failure.message).toMatch(message);
    expect(unmatched).toEqual([]);
  });

  it("sends to HighLevel's host with the app's token and the Version the spec declares for the path", async () => {
    highlevel()
      .get('/calendars/events')
      .query({ calendarId: 'cal1', startTime: '1', endTime: '2', locationId: AUTH.locationId })
      .matchHeader('authorization', `Bearer ${AUTH.access_token}`)
      .matchHeader('version', '2021-04-15')
      .reply(200, { events: [] });
    const out = await run(custom, {
      method: 'GET',
      path: '/calendars/events',
      query: { calendarId: 'cal1', startTime: '1', endTime: '2', locationId: AUTH.locationId },
    });
    expect(out).toEqual({ events: [] });
  });

  it('sends a JSON body, uses the chosen Version, and the default one for a path no spec declares', async () => {
    highlevel()
      .post('/contacts/search', { locationId: AUTH.locationId, pageLimit: 1 })
      .matchHeader('version', '2021-07-28')
      .reply(200, { contacts: [], total: 0 });
    expect(
      await run(custom, { method: 'POST', path: '/contacts/search', body: `{"locationId": "${AUTH.locationId}", "pageLimit": 1}` }),
    ).toEqual({
      contacts: [],
      total: 0,
    });
    nock(BASE).get('/not-in-any-spec').matchHeader('version', '2021-07-28').reply(200, { ok: true });
    expect(await run(custom, { method: 'GET', path: '/not-in-any-spec' })).toEqual({ ok: true });
    nock(BASE).get('/not-in-any-spec').matchHeader('version', '2021-04-15').reply(200, { ok: 2 });
    expect(await run(custom, { method: 'GET', path: '/not-in-any-spec', version: '2021-04-15' })).toEqual({ ok: 2 });
  });

  it('refuses invalid JSON, a GET body, an unknown method or Version, before any request', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ method: 'POST', path: '/contacts/', body: '{"a":' }, /Body \(body\) must be valid JSON/],
      [{ method: 'GET', path: '/contacts/', body: '{}' }, /Body \(body\) cannot be sent with GET/],
      [{ method: 'TRACE', path: '/contacts/' }, /Method \(method\)/],
      [{ method: 'GET', path: '/contacts/', version: '2020-01-01' }, /Version \(version\)/],
    ];
    for (const [input, message] of cases) expect((await failureOf(run(custom, input))).message).toMatch(message);
    expect(unmatched).toEqual([]);
  });

  it('has no header field: Authorization and Version are the app’s', () => {
    const keys = (App.creates.custom_api_request.operation.inputFields as any[]).filter((f) => typeof f !== 'function').map((f) => f.key);
    expect(keys).toEqual(['method', 'path', 'query', 'body', 'version']);
  });
});

describe('scopes', () => {
  it('API Request adds none: the app requests what its curated operations need', () => {
    expect(requestedScopes(requiredScopes())).toEqual(requiredScopes());
    expect(App.authentication.oauth2Config.scope.split(' ')).not.toContain('courses.write');
    expect(operation('api_request').endpoints).toEqual([]);
  });

  it('GHL_EXTRA_SCOPES widens the requested set (space- or comma-separated, junk ignored)', () => {
    expect(extraScopes({ GHL_EXTRA_SCOPES: 'invoices.readonly, products.write  bad"scope' })).toEqual([
      'invoices.readonly',
      'products.write',
    ]);
    process.env.GHL_EXTRA_SCOPES = 'courses.write';
    try {
      expect(requestedScopes(requiredScopes())).toEqual([...requiredScopes(), 'courses.write'].sort());
    } finally {
      delete process.env.GHL_EXTRA_SCOPES;
    }
  });

  it("keeps the granted scopes of HighLevel's token answer in authData", async () => {
    nock(BASE).post('/oauth/token').reply(200, {
      access_token: 'at-new-1234567890',
      refresh_token: 'rt-new-1234567890',
      scope: 'contacts.readonly invoices.readonly',
      locationId: 'loc1',
    });
    const auth: any = await appTester(App.authentication.oauth2Config.getAccessToken, {
      inputData: { code: 'c', redirect_uri: 'https://x.example/' },
    } as any);
    expect(auth.scope).toBe('contacts.readonly invoices.readonly');
    expect([...grantedScopes({ authData: auth } as any)!]).toEqual(['contacts.readonly', 'invoices.readonly']);
    expect(grantedScopes({ authData: AUTH } as any)).toBeUndefined();
  });
});
