import { endpoint } from './endpoint';

// Locations (sub-accounts). Searching and creating them needs an agency token.
export const locationsApi = {
  getLocation: endpoint('locations.json', 'GET /locations/{locationId}', { operationId: 'get-location', scope: 'locations.readonly' }),
  searchLocations: endpoint('locations.json', 'GET /locations/search', {
    operationId: 'search-locations',
    scope: 'locations.readonly',
    companyIn: 'query',
    agencyOnly: true,
  }),
  createLocation: endpoint('locations.json', 'POST /locations/', {
    operationId: 'create-location',
    scope: 'locations.write',
    companyIn: 'body',
    agencyOnly: true,
  }),
};
