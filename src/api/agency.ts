import { LOCATION_TOKEN_PATH, LOCATION_TOKEN_SCOPE } from '../connection';
import { endpoint } from './endpoint';

// Agency-level endpoints: they take the agency (Company) token itself and fail on a sub-account connection.
export const agencyApi = {
  getCompany: endpoint('companies.json', 'GET /companies/{companyId}', {
    operationId: 'get-company',
    scope: 'companies.readonly',
    agencyOnly: true,
  }),
  /** Exchanged by connectionFor() (form-encoded, so not through the JSON client); declared for scopes and the contract. */
  locationToken: endpoint('oauth.json', `POST ${LOCATION_TOKEN_PATH}`, {
    operationId: 'get-location-access-token',
    scope: LOCATION_TOKEN_SCOPE,
    agencyOnly: true,
  }),
};
