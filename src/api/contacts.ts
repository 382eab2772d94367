import { endpoint } from './endpoint';

// Contacts, their tasks and notes (contacts.json) and the location-wide task search (locations.json).
const read = 'contacts.readonly';
const write = 'contacts.write';

export const contactsApi = {
  searchContacts: endpoint('contacts.json', 'POST /contacts/search', { operationId: 'search-contacts-advanced', scope: read, locationIn: 'body' }),
  getContact: endpoint('contacts.json', 'GET /contacts/{contactId}', { operationId: 'get-contact', scope: read }),
  getDuplicateContact: endpoint('contacts.json', 'GET /contacts/search/duplicate', { operationId: 'get-duplicate-contact', scope: read, locationIn: 'query' }),
  createContact: endpoint('contacts.json', 'POST /contacts/', { operationId: 'create-contact', scope: write, locationIn: 'body' }),
  updateContact: endpoint('contacts.json', 'PUT /contacts/{contactId}', { operationId: 'update-contact', scope: write }),
  upsertContact: endpoint('contacts.json', 'POST /contacts/upsert', { operationId: 'upsert-contact', scope: write, locationIn: 'body' }),
  addTags: endpoint('contacts.json', 'POST /contacts/{contactId}/tags', { operationId: 'add-tags', scope: write }),
  removeTags: endpoint('contacts.json', 'DELETE /contacts/{contactId}/tags', { operationId: 'remove-tags', scope: write }),
  listTasks: endpoint('contacts.json', 'GET /contacts/{contactId}/tasks', { operationId: 'get-all-tasks', scope: read }),
  createTask: endpoint('contacts.json', 'POST /contacts/{contactId}/tasks', { operationId: 'create-task', scope: write }),
  updateTask: endpoint('contacts.json', 'PUT /contacts/{contactId}/tasks/{taskId}', { operationId: 'update-task', scope: write }),
  completeTask: endpoint('contacts.json', 'PUT /contacts/{contactId}/tasks/{taskId}/completed', { operationId: 'update-task-completed', scope: write }),
  searchLocationTasks: endpoint('locations.json', 'POST /locations/{locationId}/tasks/search', { operationId: 'task-search', scope: 'locations/tasks.readonly' }),
  listNotes: endpoint('contacts.json', 'GET /contacts/{contactId}/notes', { operationId: 'get-all-notes', scope: read }),
  createNote: endpoint('contacts.json', 'POST /contacts/{contactId}/notes', { operationId: 'create-note', scope: write }),
};
