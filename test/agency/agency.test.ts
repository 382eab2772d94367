import nock from 'nock';
import { conversationsApi } from '../../src/api/conversations';
import { clearLocationTokenCache, connectionFor } from '../../src/connection';
import { conversationSample } from '../../src/fields/conversation';
import { locationSample } from '../../src/fields/location';
import App from '../../app/index';
import { AUTH, appTester, highlevel, operation, run } from '../support/highlevel';

/** An agency (Company) connection: no location of its own. */
const AGENCY = {
  access_token: 'agency-at-secret-0987654321',
  refresh_token: 'agency-rt-secret-0987654321',
  userType: 'Company',
  companyId: 'cmp_8XyQ1z',
};
const LOCATION_TOKEN = 'loc-at-secret-1122334455';
const LOC = 'loc_Ag3ncyPick1';
const asAgency = (op: string, inputData: Record<string, unknown> = {}) => run(operation(op), inputData, { authData: AGENCY });

/** Expects one exchange of the agency token for a location token. */
function expectExchange(expiresIn = 86399, token = LOCATION_TOKEN) {
  return highlevel()
    .post('/oauth/locationToken', (body) => {
      expect(body).toEqual({ companyId: AGENCY.companyId, locationId: LOC });
      return true;
    })
    .matchHeader('authorization', `Bearer ${AGENCY.access_token}`)
    .matchHeader('content-type', /application\/x-www-form-urlencoded/)
    .matchHeader('version', '2021-07-28')
    .reply(201, { access_token: token, token_type: 'Bearer', expires_in: expiresIn, locationId: LOC, userId: 'usr_1' });
}

function expectConversationSearch(token = LOCATION_TOKEN) {
  return highlevel()
    .get('/conversations/search')
    .query((q) => q.locationId === LOC)
    .matchHeader('authorization', `Bearer ${token}`)
    .reply(200, { conversations: [conversationSample], total: 1 });
}

beforeEach(() => {
  clearLocationTokenCache();
  (appTester as any).zcacheTestObj = {};
});
afterEach(() => jest.restoreAllMocks());

describe('agency connections: a location token per chosen location', () => {
  it('the same operation runs on a sub-account connection with its own token and location, no exchange', async () => {
    highlevel()
      .get('/conversations/search')
      .query((q) => q.locationId === AUTH.locationId)
      .matchHeader('authorization', `Bearer ${AUTH.access_token}`)
      .reply(200, { conversations: [conversationSample], total: 1 });
    expect(await run(operation('new_conversation'))).toHaveLength(1);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('exchanges the agency token for the chosen location, then calls with the location token and location', async () => {
    const exchange = expectExchange();
    const search = expectConversationSearch();
    expect(await asAgency('new_conversation', { locationId: LOC })).toEqual([expect.objectContaining({ id: conversationSample.id })]);
    exchange.done();
    search.done();
  });

  it('caches the location token: a second step does not exchange again', async () => {
    expectExchange();
    expectConversationSearch();
    await asAgency('new_conversation', { locationId: LOC });
    // Only the search is mocked now: another exchange would find no interceptor and fail the step.
    const search = expectConversationSearch();
    await asAgency('new_conversation', { locationId: LOC });
    search.done();
  });

  it('keeps the cached token in z.cache, keyed by company and location, never by the token', async () => {
    expectExchange();
    expectConversationSearch();
    await asAgency('new_conversation', { locationId: LOC });
    const keys = Object.keys((appTester as any).zcacheTestObj);
    expect(keys).toEqual([`hl-location-token:${AGENCY.companyId}:${LOC}`]);
    expect(keys.join()).not.toContain(LOCATION_TOKEN);
  });

  it('exchanges again once the cached token is about to expire', async () => {
    const start = Date.now();
    expectExchange(3600);
    expectConversationSearch();
    await asAgency('new_conversation', { locationId: LOC });
    // 56 minutes later: within the 5-minute margin before the 1-hour token expires.
    jest.spyOn(Date, 'now').mockReturnValue(start + 56 * 60 * 1000);
    const again = expectExchange(3600, 'loc-at-secret-renewed-77');
    const search = expectConversationSearch('loc-at-secret-renewed-77');
    await asAgency('new_conversation', { locationId: LOC });
    again.done();
    search.done();
  });

  it('exchanges again once Zapier has refreshed the agency token (a location token from the old one may be revoked)', async () => {
    expectExchange();
    expectConversationSearch();
    await asAgency('new_conversation', { locationId: LOC });
    const refreshed = { ...AGENCY, access_token: 'agency-at-secret-refreshed-42' };
    const again = highlevel()
      .post('/oauth/locationToken')
      .matchHeader('authorization', `Bearer ${refreshed.access_token}`)
      .reply(201, { access_token: 'loc-at-secret-after-refresh', expires_in: 86399, userId: 'usr_1' });
    const search = expectConversationSearch('loc-at-secret-after-refresh');
    await run(operation('new_conversation'), { locationId: LOC }, { authData: refreshed });
    again.done();
    search.done();
  });

  it('a location-scoped step without a chosen location fails naming the Location field, before any request', async () => {
    await expect(asAgency('new_conversation')).rejects.toThrow(/Location \(locationId\) is required/);
    await expect(asAgency('send_sms', { contactId: 'c1', message: 'Hi', locationId: 'not a valid id!' })).rejects.toThrow(
      /Location \(locationId\)/,
    );
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a failed exchange names the problem but never a token', async () => {
    highlevel()
      .post('/oauth/locationToken')
      .reply(400, { statusCode: 400, message: `Location ${LOC} is not installed for token ${AGENCY.access_token}` });
    const error = await asAgency('new_conversation', { locationId: LOC }).catch((e: Error) => e);
    expect(String(error)).toMatch(/rejected the request \(400\)/);
    expect(String(error)).not.toContain(AGENCY.access_token);
  });

  it('an API error echoing the location token does not reveal it', async () => {
    expectExchange();
    highlevel()
      .get('/conversations/search')
      .query(true)
      .reply(403, { message: `Token ${LOCATION_TOKEN} lacks scope conversations.readonly` });
    const error = await asAgency('new_conversation', { locationId: LOC }).catch((e: Error) => e);
    expect(String(error)).toMatch(/refused access \(403\)/);
    expect(String(error)).not.toContain(LOCATION_TOKEN);
  });
});

describe('the Location field', () => {
  const inputFieldsOf = async (key: string, authData: Record<string, unknown>) => {
    const fields = operation(key).definition.operation.inputFields as any[];
    const resolved = await Promise.all(fields.map((f) => (typeof f === 'function' ? f({}, { authData, inputData: {} }) : [f])));
    return resolved.flat().map((f: any) => f.key);
  };

  it('comes first on location-scoped operations of an agency connection only', async () => {
    expect((await inputFieldsOf('send_sms', AGENCY))[0]).toBe('locationId');
    expect(await inputFieldsOf('send_sms', AUTH)).not.toContain('locationId');
  });

  it('is not added to agency-level operations', async () => {
    expect(await inputFieldsOf('find_company', AGENCY)).toEqual([]);
    expect(await inputFieldsOf('new_location', AGENCY)).toEqual([]);
  });
});

describe('agency-only operations', () => {
  it.each(['find_company', 'new_location', 'create_location'])(
    '%s fails clearly on a sub-account connection, before any request',
    async (key) => {
      const input = key === 'create_location' ? { name: 'Delgado Plumbing' } : {};
      await expect(run(operation(key), input)).rejects.toThrow(/needs an agency connection; reconnect HighLevel choosing your agency/);
      expect(nock.pendingMocks()).toEqual([]);
    },
  );

  it('Get Company reads the connected company with the agency token (no exchange)', async () => {
    const scope = highlevel()
      .get(`/companies/${AGENCY.companyId}`)
      .matchHeader('authorization', `Bearer ${AGENCY.access_token}`)
      .reply(200, { company: { id: AGENCY.companyId, name: 'Bright Local Marketing' } });
    expect(await asAgency('find_company')).toEqual([{ id: AGENCY.companyId, name: 'Bright Local Marketing' }]);
    scope.done();
  });

  it('New Location lists the agency locations newest first, in one request', async () => {
    const scope = highlevel()
      .get('/locations/search')
      .query({ companyId: AGENCY.companyId, order: 'desc', skip: '0', limit: '100' })
      .matchHeader('authorization', `Bearer ${AGENCY.access_token}`)
      .reply(200, {
        locations: [
          { ...locationSample, id: 'l2' },
          { ...locationSample, id: 'l1' },
        ],
      });
    expect((await asAgency('new_location')).map((l: any) => l.id)).toEqual(['l2', 'l1']);
    scope.done();
  });

  it("Create Location posts the location with the connection's company", async () => {
    const scope = highlevel()
      .post('/locations/', { companyId: AGENCY.companyId, name: 'Delgado Plumbing', country: 'US', timezone: 'America/Chicago' })
      .reply(201, { ...locationSample, id: 'l9', name: 'Delgado Plumbing' });
    expect(await asAgency('create_location', { name: 'Delgado Plumbing', country: 'us', timezone: 'America/Chicago' })).toMatchObject({
      id: 'l9',
    });
    scope.done();
    await expect(asAgency('create_location', { name: 'X', country: 'USA' })).rejects.toThrow(/Country \(country\)/);
  });
});

describe('connection test and label', () => {
  it('an agency connection reads its company and is labelled with the company name', async () => {
    highlevel()
      .get(`/companies/${AGENCY.companyId}`)
      .matchHeader('authorization', `Bearer ${AGENCY.access_token}`)
      .reply(200, { company: { id: AGENCY.companyId, name: 'Bright Local Marketing' } });
    const result = await appTester(App.authentication.test, { authData: AGENCY } as any);
    expect(result).toMatchObject({ id: AGENCY.companyId, name: 'Bright Local Marketing' });
    expect(App.authentication.connectionLabel).toBe('{{name}}');
  });

  it('a sub-account connection reads its location', async () => {
    highlevel()
      .get(`/locations/${AUTH.locationId}`)
      .reply(200, { location: { ...locationSample, id: AUTH.locationId, name: 'Delgado Plumbing' } });
    expect(await appTester(App.authentication.test, { authData: AUTH } as any)).toMatchObject({ name: 'Delgado Plumbing' });
  });

  it('requests the scope of the location token exchange', () => {
    expect(App.authentication.oauth2Config.scope.split(' ')).toEqual(expect.arrayContaining(['oauth.write', 'companies.readonly']));
  });
});

describe('location token cache across invocations', () => {
  // A fresh Lambda has an empty memory cache: the token must come back from z.cache, read with the same scope
  // it was written with (Zapier keys its cache by key and scope).
  it('a new process finds the token in z.cache and does not exchange again', async () => {
    const endpoint = Object.values(conversationsApi)[0] as any;
    const store = new Map<string, unknown>();
    const scoped = (key: string, scope: unknown) => `${JSON.stringify(scope ?? null)}|${key}`;
    const request = jest.fn(async () => ({ status: 201, content: JSON.stringify({ access_token: LOCATION_TOKEN, expires_in: 86399 }) }));
    const z: any = {
      request,
      errors: { Error },
      cache: {
        get: async (key: string, scope: unknown = null) => store.get(scoped(key, scope)) ?? null,
        set: async (key: string, value: unknown, _ttl: unknown, scope: unknown = null) => void store.set(scoped(key, scope), value),
      },
    };
    const bundle: any = { authData: AGENCY, inputData: { locationId: LOC } };
    expect((await connectionFor(z, bundle, endpoint)).token).toBe(LOCATION_TOKEN);
    clearLocationTokenCache();
    expect((await connectionFor(z, bundle, endpoint)).token).toBe(LOCATION_TOKEN);
    expect(request).toHaveBeenCalledTimes(1);
  });
});
