import { customFieldsApi } from '../customFields';
import { endpoint } from './endpoint';

// Contact and opportunity custom fields as operations of their own (catalog row 104, plus get/create/update/
// delete). The list endpoint is the one the dynamic custom field inputs already use (src/customFields.ts).
// get/update/delete declare an empty scope list in locations.json; the read/write scopes of the list/create apply.
const read = 'locations/customFields.readonly';
const write = 'locations/customFields.write';

export const customFieldOperationsApi = {
  listCustomFields: customFieldsApi.list,
  getCustomField: endpoint('locations.json', 'GET /locations/{locationId}/customFields/{id}', { operationId: 'get-custom-field', scope: read }),
  createCustomField: endpoint('locations.json', 'POST /locations/{locationId}/customFields', { operationId: 'create-custom-field', scope: write }),
  updateCustomField: endpoint('locations.json', 'PUT /locations/{locationId}/customFields/{id}', { operationId: 'update-custom-field', scope: write }),
  deleteCustomField: endpoint('locations.json', 'DELETE /locations/{locationId}/customFields/{id}', { operationId: 'delete-custom-field', scope: write }),
};
