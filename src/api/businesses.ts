import { endpoint } from './endpoint';

// Businesses (businesses.json), plus the contacts endpoint that links contacts to a business.
const read = 'businesses.readonly';
const write = 'businesses.write';

export const businessesApi = {
  listBusinesses: endpoint('businesses.json', 'GET /businesses/', { operationId: 'get-businesses-by-location', scope: read, locationIn: 'query' }),
  getBusiness: endpoint('businesses.json', 'GET /businesses/{businessId}', { operationId: 'get-business', scope: read }),
  createBusiness: endpoint('businesses.json', 'POST /businesses/', { operationId: 'create-business', scope: write, locationIn: 'body' }),
  updateBusiness: endpoint('businesses.json', 'PUT /businesses/{businessId}', { operationId: 'update-business', scope: write }),
  deleteBusiness: endpoint('businesses.json', 'DELETE /businesses/{businessId}', { operationId: 'delete-Business', scope: write }),
  /** Adds contacts to a business (`businessId: null` removes them). The spec declares no scope: contacts.write. */
  bulkContactsBusiness: endpoint('contacts.json', 'POST /contacts/bulk/business', { operationId: 'add-remove-contact-from-business', scope: 'contacts.write', locationIn: 'body' }),
};
