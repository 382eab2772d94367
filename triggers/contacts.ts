import { contactsApi } from '../src/api/contacts';
import { pollingTrigger } from '../src/factories/trigger';
import { contactOutputFields, contactSample } from '../src/fields/contact';

/** New Contact: one request per poll, HighLevel sorts by date added, newest first. */
export const newContactTrigger = pollingTrigger({
  key: 'new_contact',
  noun: 'Contact',
  label: 'New Contact',
  description: 'Triggers when a new contact is added to your HighLevel location.',
  endpoint: contactsApi.searchContacts,
  fields: [],
  request: (_input, { limit }) => ({ body: { pageLimit: limit, page: 1, sort: [{ field: 'dateAdded', direction: 'desc' }] } }),
  resultKey: 'contacts',
  sample: contactSample,
  outputFields: contactOutputFields,
});
