import { contactsApi } from '../src/api/contacts';
import { Item } from '../src/factories/operation';
import { searchAction } from '../src/factories/search';
import { contactOutputFields, contactSample, searchedContacts } from '../src/fields/contact';
import * as v from '../src/fields/values';

/**
 * Find Contact: by ID (`GET /contacts/{id}`), by email or phone (`GET /contacts/search/duplicate`, which follows
 * the location's duplicate rules), or by free text (`POST /contacts/search`). The most specific input wins.
 */
export const findContact = searchAction({
  key: 'find_contact',
  noun: 'Contact',
  label: 'Find Contact',
  description: 'Finds a contact by ID, email, phone or a search text.',
  endpoint: contactsApi.getDuplicateContact,
  alsoCalls: [contactsApi.getContact, contactsApi.searchContacts],
  fields: [
    { key: 'contactId', label: 'Contact ID', helpText: 'Find the contact with exactly this ID.', schema: v.id() },
    { key: 'email', label: 'Email', helpText: 'Find the contact with this email address.', schema: v.email() },
    { key: 'phone', label: 'Phone', helpText: 'Find the contact with this phone number.', schema: v.phone() },
    {
      key: 'query',
      label: 'Search Text',
      helpText: 'Free text matched against name, email, phone and company (up to 75 characters).',
      schema: v.text(75),
    },
  ],
  fillInOneOf: ['contactId', 'email', 'phone', 'query'],
  perform: async (input, ctx): Promise<Item[]> => {
    if (input.contactId) {
      const data = await ctx.call(contactsApi.getContact, { path: { contactId: input.contactId } }, { notFoundAsNull: true });
      return data?.contact ? [data.contact] : [];
    }
    // Email first, then phone: in "find or create", a contact known by its phone must not be created again.
    for (const query of [input.email && { email: input.email }, input.phone && { number: input.phone }].filter(Boolean)) {
      const data = await ctx.call(contactsApi.getDuplicateContact, { query }, { notFoundAsNull: true });
      if (data?.contact) return [data.contact];
    }
    if (input.email || input.phone) return [];
    const data = await ctx.call(contactsApi.searchContacts, { body: { query: input.query, pageLimit: 10, page: 1 } });
    return searchedContacts(data);
  },
  resultKey: 'contact',
  sample: contactSample,
  outputFields: contactOutputFields,
  customFields: 'contact',
});
