import { createAppTester } from 'zapier-platform-core';
import App from '../../app/index';
import { Sandbox } from '../../sandbox/server';
import { operation } from '../support/highlevel';
import { checkedSandbox } from './support';

// The README's token path with the sandbox standing in for HighLevel, as `zapier-platform invoke auth start` and
// `invoke auth refresh` run it: the authorize URL leads to the sandbox's install screen, choosing an account
// redirects with a code, the code buys tokens, the refresh token buys new ones, and an expired token says what to do.
const appTester: (fn: any, bundle: any) => Promise<any> = createAppTester(App) as any;
const oauth = App.authentication.oauth2Config;
const REDIRECT = 'http://localhost:9000'; // the CLI's local redirect listener

let sandbox: Sandbox;
let violations: string[];

beforeAll(async () => {
  ({ sandbox, violations } = await checkedSandbox({ seed: true }));
  process.env.GHL_API_BASE_URL = sandbox.url;
});

afterAll(async () => {
  delete process.env.GHL_API_BASE_URL;
  await sandbox.close();
  expect(violations).toEqual([]);
});

/** What the user's browser does on the install screen: choose an account, follow the redirect to the CLI. */
async function chooseAccount(account: 'location' | 'agency', state = 'st-1'): Promise<URL> {
  const authorize = new URL(await appTester(oauth.authorizeUrl, { inputData: { redirect_uri: REDIRECT, state } }));
  const page = await fetch(authorize);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('Sub-account: Sandbox Plumbing Co.');
  expect(html).toContain('account=agency');
  authorize.searchParams.set('account', account);
  const chosen = await fetch(authorize, { redirect: 'manual' });
  expect(chosen.status).toBe(302);
  return new URL(chosen.headers.get('location')!);
}

describe('getting tokens from the sandbox, as invoke auth start does', () => {
  it('the authorize URL is the sandbox install screen when GHL_API_BASE_URL points at it', async () => {
    const url = new URL(await appTester(oauth.authorizeUrl, { inputData: { redirect_uri: REDIRECT, state: 's' } }));
    expect(`${url.origin}${url.pathname}`).toBe(`${sandbox.url}/oauth/chooselocation`);
    delete process.env.GHL_API_BASE_URL;
    try {
      const real = new URL(await appTester(oauth.authorizeUrl, { inputData: { redirect_uri: REDIRECT, state: 's' } }));
      expect(`${real.origin}${real.pathname}`).toBe('https://marketplace.gohighlevel.com/v2/oauth/chooselocation');
    } finally {
      process.env.GHL_API_BASE_URL = sandbox.url;
    }
  });

  it('a sub-account: code, tokens, a working connection, then a refresh that rotates both tokens', async () => {
    const back = await chooseAccount('location', 'st-location');
    expect(`${back.origin}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('st-location');
    const authData = await appTester(oauth.getAccessToken, { inputData: { code: back.searchParams.get('code'), redirect_uri: REDIRECT } });
    expect(authData).toMatchObject({ locationId: sandbox.state.locationId, companyId: sandbox.state.companyId, userType: 'Location' });
    expect(await appTester(App.authentication.test, { authData })).toMatchObject({ id: sandbox.state.locationId });

    const refreshed = await appTester(oauth.refreshAccessToken, { authData });
    expect(refreshed.access_token).not.toBe(authData.access_token);
    expect(refreshed.refresh_token).not.toBe(authData.refresh_token);
    expect(await appTester(App.authentication.test, { authData: { ...authData, ...refreshed } })).toMatchObject({
      id: sandbox.state.locationId,
    });
    // HighLevel rotates refresh tokens: the old one is spent.
    await expect(appTester(oauth.refreshAccessToken, { authData })).rejects.toThrow(/Reconnect your HighLevel account/);
  });

  it('the agency: a Company connection that reads its company', async () => {
    const back = await chooseAccount('agency');
    const authData = await appTester(oauth.getAccessToken, { inputData: { code: back.searchParams.get('code'), redirect_uri: REDIRECT } });
    expect(authData).toMatchObject({ userType: 'Company', companyId: sandbox.state.companyId });
    expect(authData.locationId).toBeUndefined();
    expect(await appTester(App.authentication.test, { authData })).toMatchObject({ id: sandbox.state.companyId, userType: 'Company' });
  });

  it('the install screen refuses a request without a client id or redirect URL', async () => {
    for (const query of ['response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A9000', 'response_type=code&client_id=x']) {
      const response = await fetch(`${sandbox.url}/oauth/chooselocation?${query}&account=location`, { redirect: 'manual' });
      expect(response.status).toBe(400);
    }
  });
});

describe('an expired access token', () => {
  it('says it expired and how to refresh it in a local run (not a bare Error), and is a RefreshAuthError for Zapier', async () => {
    const authData = { ...sandbox.state.issueTokens(), locationId: sandbox.state.locationId, companyId: sandbox.state.companyId };
    sandbox.state.accessTokenExpiry.set(authData.access_token, Date.now() - 1);
    const error = await appTester(operation('new_contact').perform, { authData, inputData: {} }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RefreshAuthError');
    expect(error.message).toContain('the access token expired; run `zapier-platform invoke auth refresh`');
    expect(error.message).not.toContain(authData.access_token);

    // The refresh the message asks for works, and the new token does too.
    const refreshed = await appTester(oauth.refreshAccessToken, { authData });
    const items = await appTester(operation('new_contact').perform, { authData: { ...authData, ...refreshed }, inputData: {} });
    expect(items.length).toBeGreaterThan(0);
  });

  it('of an agency says the same when the location token exchange meets it', async () => {
    const grant = { ...sandbox.state.defaultGrant(), locationId: '', userType: 'Company' as const };
    const authData = { ...sandbox.state.issueTokens(grant), companyId: sandbox.state.companyId, userType: 'Company' };
    sandbox.state.accessTokenExpiry.set(authData.access_token, Date.now() - 1);
    const error = await appTester(operation('new_contact').perform, {
      authData,
      inputData: { locationId: sandbox.state.locationId },
    }).catch((e: Error) => e);
    expect(error.name).toBe('RefreshAuthError');
    expect(error.message).toContain('the access token expired; run `zapier-platform invoke auth refresh`');
  });
});
