import { endpoint } from './endpoint';

// Contacts, their tasks and notes (contacts.json) and the location-wide task search (locations.json).
const read = 'contacts.readonly';
const write = 'contacts.write';

export const contactsApi = {
  searchContacts: endpoint('contacts.json', 'POST /contacts/search', {
    operationId: 'search-contacts-advanced',
    scope: read,
    locationIn: 'body',
  }),
  getContact: endpoint('contacts.json', 'GET /contacts/{contactId}', { operationId: 'get-contact', scope: read }),
  getDuplicateContact: endpoint('contacts.json', 'GET /contacts/search/duplicate', {
    operationId: 'get-duplicate-contact',
    scope: read,
    locationIn: 'query',
  }),
  createContact: endpoint('contacts.json', 'POST /contacts/', { operationId: 'create-contact', scope: write, locationIn: 'body' }),
  updateContact: endpoint('contacts.json', 'PUT /contacts/{contactId}', { operationId: 'update-contact', scope: write }),
  upsertContact: endpoint('contacts.json', 'POST /contacts/upsert', { operationId: 'upsert-contact', scope: write, locationIn: 'body' }),
  addTags: endpoint('contacts.json', 'POST /contacts/{contactId}/tags', { operationId: 'add-tags', scope: write }),
  removeTags: endpoint('contacts.json', 'DELETE /contacts/{contactId}/tags', { operationId: 'remove-tags', scope: write }),
  listTasks: endpoint('contacts.json', 'GET /contacts/{contactId}/tasks', { operationId: 'get-all-tasks', scope: read }),
  createTask: endpoint('contacts.json', 'POST /contacts/{contactId}/tasks', { operationId: 'create-task', scope: write }),
  updateTask: endpoint('contacts.json', 'PUT /contacts/{contactId}/tasks/{taskId}', { operationId: 'update-task', scope: write }),
  completeTask: endpoint('contacts.json', 'PUT /contacts/{contactId}/tasks/{taskId}/completed', {
    operationId: 'update-task-completed',
    scope: write,
  }),
  searchLocationTasks: endpoint('locations.json', 'POST /locations/{locationId}/tasks/search', {
    operationId: 'task-search',
    scope: 'locations/tasks.readonly',
  }),
  listNotes: endpoint('contacts.json', 'GET /contacts/{contactId}/notes', { operationId: 'get-all-notes', scope: read }),
  createNote: endpoint('contacts.json', 'POST /contacts/{contactId}/notes', { operationId: 'create-note', scope: write }),
  // Single-record reads, deletes and the rest of the contacts catalog rows.
  listContactsDeprecated: endpoint('contacts.json', 'GET /contacts/', { operationId: 'get-contacts', scope: read, locationIn: 'query' }),
  listBusinessContacts: endpoint('contacts.json', 'GET /contacts/business/{businessId}', {
    operationId: 'get-contacts-by-businessId',
    scope: read,
    locationIn: 'query',
  }),
  listAppointments: endpoint('contacts.json', 'GET /contacts/{contactId}/appointments', {
    operationId: 'get-appointments-for-contact',
    scope: read,
  }),
  deleteContact: endpoint('contacts.json', 'DELETE /contacts/{contactId}', { operationId: 'delete-contact', scope: write }),
  getTask: endpoint('contacts.json', 'GET /contacts/{contactId}/tasks/{taskId}', { operationId: 'get-task', scope: read }),
  deleteTask: endpoint('contacts.json', 'DELETE /contacts/{contactId}/tasks/{taskId}', { operationId: 'delete-task', scope: write }),
  getNote: endpoint('contacts.json', 'GET /contacts/{contactId}/notes/{id}', { operationId: 'get-note', scope: read }),
  updateNote: endpoint('contacts.json', 'PUT /contacts/{contactId}/notes/{id}', { operationId: 'update-note', scope: write }),
  deleteNote: endpoint('contacts.json', 'DELETE /contacts/{contactId}/notes/{id}', { operationId: 'delete-note', scope: write }),
  // The spec names this one "create-association" (a copy-paste slip) and omits {type}: see contract/deviations.ts.
  bulkUpdateTags: endpoint('contacts.json', 'POST /contacts/bulk/tags/update/{type}', {
    operationId: 'create-association',
    scope: write,
    locationIn: 'body',
  }),
  bulkUpdateBusiness: endpoint('contacts.json', 'POST /contacts/bulk/business', {
    operationId: 'add-remove-contact-from-business',
    scope: write,
    locationIn: 'body',
  }),
  addFollowers: endpoint('contacts.json', 'POST /contacts/{contactId}/followers', { operationId: 'add-followers-contact', scope: write }),
  removeFollowers: endpoint('contacts.json', 'DELETE /contacts/{contactId}/followers', {
    operationId: 'remove-followers-contact',
    scope: write,
  }),
  addToCampaign: endpoint('contacts.json', 'POST /contacts/{contactId}/campaigns/{campaignId}', {
    operationId: 'add-contact-to-campaign',
    scope: write,
  }),
  removeFromCampaign: endpoint('contacts.json', 'DELETE /contacts/{contactId}/campaigns/{campaignId}', {
    operationId: 'remove-contact-from-campaign',
    scope: write,
  }),
  removeFromAllCampaigns: endpoint('contacts.json', 'DELETE /contacts/{contactId}/campaigns/removeAll', {
    operationId: 'remove-contact-from-every-campaign',
    scope: write,
  }),
  addToWorkflow: endpoint('contacts.json', 'POST /contacts/{contactId}/workflow/{workflowId}', {
    operationId: 'add-contact-to-workflow',
    scope: write,
  }),
  removeFromWorkflow: endpoint('contacts.json', 'DELETE /contacts/{contactId}/workflow/{workflowId}', {
    operationId: 'delete-contact-from-workflow',
    scope: write,
  }),
  // The location's tags, for the tag dropdown of "New Contact With Tag" (locations.json).
  listLocationTags: endpoint('locations.json', 'GET /locations/{locationId}/tags', {
    operationId: 'get-location-tags',
    scope: 'locations/tags.readonly',
  }),
};
