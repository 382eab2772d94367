import { endpoint } from './endpoint';

export const locationsApi = {
  getLocation: endpoint('locations.json', 'GET /locations/{locationId}', { operationId: 'get-location', scope: 'locations.readonly' }),
};
