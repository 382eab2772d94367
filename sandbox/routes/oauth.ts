import type { Grant, SandboxState } from '../state';
import { assertAgency, fail, ok, Route, RouteRequest } from './route';

/**
 * The authorization code that connects the sandbox's agency (Company) instead of its location, as a HighLevel
 * agency user choosing "Agency" on the install screen would (`user_type=Company` in the token request works too).
 */
export const AGENCY_CODE = 'sandbox-agency-code';

/** The token answer (GetAccessCodeSuccessfulResponseDto) for a freshly issued pair. */
function tokenResponse(state: SandboxState, grant: Grant = state.defaultGrant()) {
  const pair = state.issueTokens(grant);
  const agency = grant.userType === 'Company';
  return ok({
    ...pair,
    token_type: 'Bearer',
    expires_in: state.tokenTtlSeconds,
    userType: agency ? 'Company' : 'Location',
    ...(agency ? {} : { locationId: grant.locationId }),
    companyId: grant.companyId,
    userId: grant.userId,
    isBulkInstallation: false,
  });
}

const agencyGrant = (state: SandboxState): Grant => ({ ...state.defaultGrant(), locationId: '', userType: 'Company' });

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
        const agency = form.user_type === 'Company' || form.code === AGENCY_CODE;
        return tokenResponse(state, agency ? agencyGrant(state) : state.defaultGrant());
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
  {
    // An agency token buys a token for one of its company's locations (form-encoded, as HighLevel's).
    method: 'POST',
    path: '/oauth/locationToken',
    handle(req, state) {
      assertAgency(req, req.body.companyId);
      const location = state.locations.get(req.body.locationId);
      if (!location || location.companyId !== req.companyId)
        fail(400, 'Location not found for this company, or the app is not installed there.');
      const { access_token } = state.issueTokens({ ...state.defaultGrant(), locationId: location.id, userType: 'Location' });
      return ok({
        access_token,
        token_type: 'Bearer',
        expires_in: state.tokenTtlSeconds,
        scope: 'locations.readonly contacts.write',
        locationId: location.id,
        userId: state.defaultGrant().userId,
      });
    },
  },
];
