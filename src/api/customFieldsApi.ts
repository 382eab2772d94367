import { customFieldsApi } from '../customFields';

// Custom fields as operations of their own (catalog row 104). The list endpoint is the one the dynamic custom
// field inputs already use (src/customFields.ts): declared once, there.
export const customFieldOperationsApi = {
  listCustomFields: customFieldsApi.list,
};
