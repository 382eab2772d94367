import { createAppTester } from 'zapier-platform-core';
import App from '../../app/index';
import { requiredScopes } from '../../app/operations';
import { AUTH, failureOf, highlevel } from '../support/highlevel';

const appTester: (fn: any, bundle: any) => Promise<any> = createAppTester(App) as any;
const oauth = App.authentication.oauth2Config;
const tokenReply = {
  access_token: 'new-access-token-123456',
  refresh_token: 'rotated-refresh-token-654321',
  token_type: 'Bearer',
  expires_in: 86399,
  scope: 'contacts.readonly',
  userType: 'Location',
  locationId: AUTH.locationId,
  companyId: AUTH.companyId,
  userId: 'usr_1',
};

describe('OAuth2 with HighLevel', () => {
  it('sends the user to the marketplace with the scopes the operations need', async () => {
    const url = new URL(
      await appTester(oauth.authorizeUrl, {
        inputData: { redirect_uri: 'https://zapier.com/dashboard/auth/oauth/return/App1CLIAPI/', state: 's1' },
      } as any),
    );
    expect(url.origin + url.pathname).toBe('https://marketplace.gohighlevel.com/v2/oauth/chooselocation');
    expect(url.searchParams.get('client_id')).toBe(process.env.CLIENT_ID);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('state')).toBe('s1');
    expect(url.searchParams.get('scope')!.split(' ')).toEqual(requiredScopes());
    expect(requiredScopes()).toEqual(expect.arrayContaining(['contacts.readonly', 'contacts.write', 'locations.readonly']));
  });

  it('exchanges the code (form-encoded) and keeps who the token belongs to', async () => {
    highlevel()
      .post('/oauth/token', (body) => {
        expect(body).toEqual({
          client_id: process.env.CLIENT_ID,
          client_secret: process.env.CLIENT_SECRET,
          grant_type: 'authorization_code',
          code: 'code-1',
          redirect_uri: 'https://zapier.com/return',
        });
        return true;
      })
      .matchHeader('content-type', /application\/x-www-form-urlencoded/)
      .reply(200, tokenReply);
    const authData = await appTester(oauth.getAccessToken, {
      inputData: { code: 'code-1', redirect_uri: 'https://zapier.com/return' },
    } as any);
    expect(authData).toEqual({
      access_token: tokenReply.access_token,
      refresh_token: tokenReply.refresh_token,
      locationId: AUTH.locationId,
      companyId: AUTH.companyId,
      userType: 'Location',
      userId: 'usr_1',
      // The granted scopes (API Request marks the operations the connection cannot call).
      scope: tokenReply.scope,
    });
  });

  it('keeps the rotated refresh token after a refresh', async () => {
    highlevel()
      .post('/oauth/token', (body) => body.grant_type === 'refresh_token' && body.refresh_token === AUTH.refresh_token)
      .reply(200, tokenReply);
    const refreshed = await appTester(oauth.refreshAccessToken, { authData: AUTH } as any);
    expect(refreshed.refresh_token).toBe('rotated-refresh-token-654321');
    expect(refreshed.access_token).toBe('new-access-token-123456');
  });

  it('asks the user to reconnect when HighLevel rejects the refresh token, without echoing it', async () => {
    highlevel()
      .post('/oauth/token')
      .reply(400, { error: 'invalid_grant', error_description: `Invalid refresh token ${AUTH.refresh_token}` });
    const failure = await failureOf(appTester(oauth.refreshAccessToken, { authData: AUTH } as any));
    expect(failure.name).toBe('ExpiredAuthError');
    expect(failure.message).toMatch(/Reconnect your HighLevel account/);
    expect(failure.message).not.toContain(AUTH.refresh_token);
  });

  it('tests the connection by reading the location, and labels it with the location name', async () => {
    highlevel()
      .get(`/locations/${AUTH.locationId}`)
      .matchHeader('version', '2021-07-28')
      .reply(200, { location: { id: AUTH.locationId, name: 'Delgado Plumbing', companyId: AUTH.companyId } });
    const result = await appTester(App.authentication.test, { authData: AUTH } as any);
    expect(result).toMatchObject({ id: AUTH.locationId, name: 'Delgado Plumbing' });
    expect(App.authentication.connectionLabel).toBe('{{name}}');
  });

  it('names the missing scope when HighLevel answers 403', async () => {
    highlevel()
      .get(`/locations/${AUTH.locationId}`)
      .reply(403, { statusCode: 403, message: 'The token is not authorized for this scope.', traceId: 'tr-1' });
    const failure = await failureOf(appTester(App.authentication.test, { authData: AUTH } as any));
    expect(failure.message).toMatch(/403/);
    expect(failure.message).toMatch(/The token is not authorized for this scope/);
    expect(failure.message).toMatch(/"locations\.readonly" scope/);
    expect(failure.message).toMatch(/traceId tr-1/);
  });
});
