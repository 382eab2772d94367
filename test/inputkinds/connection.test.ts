import nock from 'nock';
import App from '../../app/index';
import { AUTH, appTester, expectContractClean, failureOf, highlevel } from '../support/highlevel';

// Issue 10, kind 6: a connection that cannot work is refused when it is made.
const oauth = App.authentication.oauth2Config;
const reply = {
  access_token: 'new-access-token-123456',
  refresh_token: 'rotated-refresh-token-654321',
  token_type: 'Bearer',
  expires_in: 86399,
};

afterEach(() => {
  nock.cleanAll();
  expectContractClean();
});

describe('the token answer', () => {
  it('userType "Location" without locationId is refused: reconnect and choose a sub-account', async () => {
    highlevel()
      .post('/oauth/token')
      .reply(200, { ...reply, userType: 'Location', companyId: AUTH.companyId });
    const failure = await failureOf(
      appTester(oauth.getAccessToken, { inputData: { code: 'c', redirect_uri: 'https://zapier.com/r' } } as any),
    );
    expect(failure.code).toBe('UnusableConnection');
    expect(failure.message).toMatch(/no locationId/);
    expect(failure.message).toMatch(/Reconnect HighLevel and choose a sub-account/);
    expect(failure.message).not.toContain(reply.access_token);
  });

  it.each([
    [{ userType: 'Company' }, /no companyId/],
    [{ userType: 'Company', locationId: 'loc_1' }, /no companyId/],
    [{ userType: 'Partner', companyId: 'c', locationId: 'l' }, /type "Partner"/],
    [{}, /no locationId/],
  ])('%j is refused', async (identity, why) => {
    highlevel()
      .post('/oauth/token')
      .reply(200, { ...reply, ...identity });
    const failure = await failureOf(
      appTester(oauth.getAccessToken, { inputData: { code: 'c', redirect_uri: 'https://zapier.com/r' } } as any),
    );
    expect(failure.code).toBe('UnusableConnection');
    expect(failure.message).toMatch(why);
  });

  it('an agency answer with companyId and a sub-account answer with locationId are accepted', async () => {
    highlevel()
      .post('/oauth/token')
      .reply(200, { ...reply, userType: 'Company', companyId: AUTH.companyId });
    await expect(appTester(oauth.getAccessToken, { inputData: { code: 'c' } } as any)).resolves.toMatchObject({ userType: 'Company' });
    highlevel()
      .post('/oauth/token')
      .reply(200, { ...reply, userType: 'Location', locationId: AUTH.locationId });
    await expect(appTester(oauth.getAccessToken, { inputData: { code: 'c' } } as any)).resolves.toMatchObject({
      locationId: AUTH.locationId,
    });
  });
});

describe('the refresh answer', () => {
  it('keeps a stored locationId when the answer leaves it out', async () => {
    highlevel()
      .post('/oauth/token')
      .reply(200, { ...reply, userType: 'Location' });
    await expect(appTester(oauth.refreshAccessToken, { authData: { ...AUTH, userType: 'Location' } } as any)).resolves.toMatchObject({
      access_token: reply.access_token,
    });
  });

  it('a connection that has no locationId at all expires with "choose a sub-account"', async () => {
    highlevel()
      .post('/oauth/token')
      .reply(200, { ...reply, userType: 'Location' });
    const failure = await failureOf(
      appTester(oauth.refreshAccessToken, { authData: { access_token: 'a', refresh_token: 'r', userType: 'Location' } } as any),
    );
    expect(failure.name).toBe('ExpiredAuthError');
    expect(failure.message).toMatch(/choose a sub-account/);
  });
});

describe('the connection test', () => {
  it('refuses a stored connection without locationId before any request', async () => {
    const failure = await failureOf(
      appTester(App.authentication.test, { authData: { access_token: 'a', refresh_token: 'r', userType: 'Location' } } as any),
    );
    expect(failure.code).toBe('UnusableConnection');
    expect(failure.message).toMatch(/choose a sub-account/);
  });

  it('refuses an agency connection without companyId', async () => {
    const failure = await failureOf(
      appTester(App.authentication.test, { authData: { access_token: 'a', refresh_token: 'r', userType: 'Company' } } as any),
    );
    expect(failure.message).toMatch(/no companyId/);
  });
});
