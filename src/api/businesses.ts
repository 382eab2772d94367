import { endpoint } from './endpoint';

// Businesses (businesses.json). Linking contacts to a business (POST /contacts/bulk/business) is a contacts action.
const read = 'businesses.readonly';
const write = 'businesses.write';

export const businessesApi = {
  listBusinesses: endpoint('businesses.json', 'GET /businesses/', {
    operationId: 'get-businesses-by-location',
    scope: read,
    locationIn: 'query',
  }),
  getBusiness: endpoint('businesses.json', 'GET /businesses/{businessId}', { operationId: 'get-business', scope: read }),
  createBusiness: endpoint('businesses.json', 'POST /businesses/', { operationId: 'create-business', scope: write, locationIn: 'body' }),
  updateBusiness: endpoint('businesses.json', 'PUT /businesses/{businessId}', { operationId: 'update-business', scope: write }),
  deleteBusiness: endpoint('businesses.json', 'DELETE /businesses/{businessId}', { operationId: 'delete-Business', scope: write }),
};
