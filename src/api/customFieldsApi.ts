import { customFieldsApi } from '../customFields';
import { endpoint } from './endpoint';

// Contact and opportunity custom fields as operations of their own (catalog row 104, plus get/create/update/
// delete). The list endpoint is the one the dynamic custom field inputs already use (src/customFields.ts).
// get/update/delete declare an empty scope list in locations.json; the read/write scopes of the list/create apply.
const read = 'locations/customFields.readonly';
const write = 'locations/customFields.write';

export const customFieldOperationsApi = {
  listCustomFields: customFieldsApi.list,
  getCustomField: endpoint('locations.json', 'GET /locations/{locationId}/customFields/{id}', {
    operationId: 'get-custom-field',
    scope: read,
  }),
  createCustomField: endpoint('locations.json', 'POST /locations/{locationId}/customFields', {
    operationId: 'create-custom-field',
    scope: write,
  }),
  updateCustomField: endpoint('locations.json', 'PUT /locations/{locationId}/customFields/{id}', {
    operationId: 'update-custom-field',
    scope: write,
  }),
  deleteCustomField: endpoint('locations.json', 'DELETE /locations/{locationId}/customFields/{id}', {
    operationId: 'delete-custom-field',
    scope: write,
  }),
  // Folders group the fields of custom objects (custom-fields.json).
  listObjectFields: endpoint('custom-fields.json', 'GET /custom-fields/object-key/{objectKey}', {
    operationId: 'get-custom-fields-by-object-key',
    scope: read,
    locationIn: 'query',
  }),
  createFolder: endpoint('custom-fields.json', 'POST /custom-fields/folder', {
    operationId: 'create-custom-field-folder',
    scope: write,
    locationIn: 'body',
  }),
  updateFolder: endpoint('custom-fields.json', 'PUT /custom-fields/folder/{id}', {
    operationId: 'update-custom-field-folder',
    scope: write,
    locationIn: 'body',
  }),
  deleteFolder: endpoint('custom-fields.json', 'DELETE /custom-fields/folder/{id}', {
    operationId: 'delete-custom-field-folder',
    scope: write,
    locationIn: 'query',
  }),
};
