import type { SandboxState } from '../state';
import { fail, ok, Route, RouteRequest } from './route';

/** The token answer (GetAccessCodeSuccessfulResponseDto) for a freshly issued pair. */
function tokenResponse(state: SandboxState, grant = state.defaultGrant()) {
  const pair = state.issueTokens(grant);
  return ok({
    ...pair,
    token_type: 'Bearer',
    expires_in: 86399,
    userType: 'Location',
    locationId: grant.locationId,
    companyId: grant.companyId,
    userId: grant.userId,
    isBulkInstallation: false,
  });
}

export const oauthRoutes: Route[] = [
  {
    // Form-encoded, no bearer token. Any authorization code connects the sandbox location; a refresh token
    // works once: HighLevel rotates it, so the old one is rejected after a refresh.
    method: 'POST',
    path: '/oauth/token',
    auth: false,
    handle(req: RouteRequest, state) {
      const form = req.body ?? {};
      if (form.grant_type === 'authorization_code') {
        if (!form.code) fail(400, 'Invalid grant: authorization code is missing');
        return tokenResponse(state);
      }
      if (form.grant_type === 'refresh_token') {
        const grant = state.refreshTokens.get(form.refresh_token);
        if (!grant) fail(401, 'Invalid grant: refresh token is invalid');
        state.refreshTokens.delete(form.refresh_token);
        return tokenResponse(state, grant);
      }
      return fail(400, `Unsupported grant_type "${form.grant_type}" in the sandbox`);
    },
  },
];
