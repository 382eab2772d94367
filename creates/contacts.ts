import { contactsApi } from '../src/api/contacts';
import { createAction } from '../src/factories/create';
import { contactIdField, tagsField } from '../src/fields/common';
import { contactFields, contactOutputFields, contactSample } from '../src/fields/contact';
import { required } from '../src/fields/field';

const tagsResultFields = [{ key: 'id', label: 'Contact ID' }, { key: 'tags', label: 'Tags' }];

export const createContact = createAction({
  key: 'create_contact',
  noun: 'Contact',
  label: 'Create Contact',
  description: 'Creates a new contact. If your location blocks duplicates, use "Create or Update Contact" instead.',
  endpoint: contactsApi.createContact,
  fields: contactFields,
  resultKey: 'contact',
  sample: contactSample,
  outputFields: contactOutputFields,
});

export const updateContact = createAction({
  key: 'update_contact',
  noun: 'Contact',
  label: 'Update Contact',
  description: 'Updates an existing contact. Only the fields you fill in are changed.',
  endpoint: contactsApi.updateContact,
  fields: [contactIdField, ...contactFields],
  resultKey: 'contact',
  sample: contactSample,
  outputFields: contactOutputFields,
});

export const upsertContact = createAction({
  key: 'upsert_contact',
  noun: 'Contact',
  label: 'Create or Update Contact',
  description:
    "Updates the contact with this email or phone (as your location's duplicate settings decide), or creates it.",
  endpoint: contactsApi.upsertContact,
  fields: contactFields,
  result: (data) => ({ ...data.contact, isNew: Boolean(data.new) }),
  resultKey: 'contact',
  sample: { ...contactSample, isNew: true },
  outputFields: [...contactOutputFields, { key: 'isNew', label: 'Was Created', type: 'boolean' }],
});

export const addContactTags = createAction({
  key: 'add_contact_tags',
  noun: 'Tags',
  label: 'Add Tags to Contact',
  description: 'Adds tags to a contact, keeping the tags it already has.',
  endpoint: contactsApi.addTags,
  fields: [contactIdField, required({ ...tagsField, helpText: 'Tags to add. New tags are created.' })],
  result: (data, input) => ({ id: input.contactId, tags: data.tags ?? input.tags }),
  resultKey: undefined,
  sample: { id: 'seD4PfOuKoVMLkEZqohJ', tags: ['lead', 'plumbing', 'quote-sent'] },
  outputFields: tagsResultFields,
});

export const removeContactTags = createAction({
  key: 'remove_contact_tags',
  noun: 'Tags',
  label: 'Remove Tags from Contact',
  description: 'Removes tags from a contact.',
  endpoint: contactsApi.removeTags,
  fields: [contactIdField, required({ ...tagsField, helpText: 'Tags to remove. Tags the contact does not have are ignored.' })],
  // DELETE with a JSON body, as HighLevel declares it.
  request: (input) => ({ path: { contactId: input.contactId }, body: { tags: input.tags } }),
  result: (data, input) => ({ id: input.contactId, tags: data.tags ?? [] }),
  sample: { id: 'seD4PfOuKoVMLkEZqohJ', tags: ['lead'] },
  outputFields: tagsResultFields,
});
