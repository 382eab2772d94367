import nock from 'nock';
import App from '../../app/index';
import { AUTH, appTester, expectContractClean, failureOf, highlevel, operation, run } from '../support/highlevel';

// Issue 10, kind 2: a missing OAuth scope is not an expired token.
const SCOPE_401 = { statusCode: 401, message: 'The token is not authorized for this scope.' };

afterEach(() => {
  nock.cleanAll();
  expectContractClean();
});

describe('a 401 for a missing scope does not refresh the token', () => {
  it('Find Free Slots: GET /calendars/{id} answering the scope 401 names calendars.readonly and what to do', async () => {
    const scope = highlevel().get('/calendars/cal_1').reply(401, SCOPE_401);
    const failure = await failureOf(run(operation('find_free_slots'), { calendarId: 'cal_1', startDate: '2026-03-10' }));
    expect(scope.isDone()).toBe(true);
    expect(failure.name).not.toBe('RefreshAuthError');
    expect(failure.code).toBe('HighLevelMissingScope');
    expect(failure.message).toContain('The token is not authorized for this scope');
    expect(failure.message).toContain('"calendars.readonly"');
    expect(failure.message).toMatch(/reconnect HighLevel and approve it/);
    expect(failure.message).toMatch(/marketplace app must have that scope enabled/);
    expect(failure.message).not.toContain(AUTH.access_token);
  });

  it.each([
    ['create_contact', 'POST', '/contacts/', { firstName: 'Ana', email: 'ana@example.com' }, 'contacts.write'],
    ['find_contact', 'GET', '/contacts/c_1', { contactId: 'c_1' }, 'contacts.readonly'],
    ['new_user', 'GET', '/users/search', {}, 'users.readonly'],
  ])("%s: the scope 401 names %s %s's scope", async (key, method, path, input, wanted) => {
    const op = operation(key);
    const scope = highlevel().intercept(path, method).query(true).reply(401, SCOPE_401);
    const failure = await failureOf(run(op, input));
    if (scope.isDone()) {
      expect(failure.code).toBe('HighLevelMissingScope');
      expect(failure.message).toContain(`"${wanted}"`);
    } else {
      throw new Error(`${key} did not call ${method} ${path}: ${failure.message}`);
    }
  });

  it('the connection test (afterResponse path) reports the scope, not a refresh', async () => {
    highlevel().get(`/locations/${AUTH.locationId}`).reply(401, SCOPE_401);
    const failure = await failureOf(appTester(App.authentication.test, { authData: AUTH } as any));
    expect(failure.name).not.toBe('RefreshAuthError');
    expect(failure.message).toContain('"locations.readonly"');
  });

  it('a 401 "Invalid JWT" still asks Zapier to refresh, from the client and from the middleware', async () => {
    highlevel().get('/calendars/cal_1').reply(401, { statusCode: 401, message: 'Invalid JWT' });
    const failure = await failureOf(run(operation('find_free_slots'), { calendarId: 'cal_1', startDate: '2026-03-10' }));
    expect(failure.name).toBe('RefreshAuthError');

    highlevel().get('/locations/loc_x').reply(401, { statusCode: 401, message: 'Invalid JWT' });
    const viaMiddleware = await failureOf(appTester(async (z: any) => z.request({ url: '/locations/loc_x' }), { authData: AUTH } as any));
    expect(viaMiddleware.name).toBe('RefreshAuthError');
  });

  it('core does not turn every 401 into a refresh (autoRefresh is off; the app decides)', () => {
    expect(App.authentication.oauth2Config.autoRefresh).toBe(false);
  });
});
