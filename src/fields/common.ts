import { FieldDef } from './field';
import * as v from './values';

// Id fields shared by every domain: each is a dynamic dropdown, linked to the search that finds the record.

export const contactIdField: FieldDef = {
  key: 'contactId',
  label: 'Contact',
  helpText: 'The HighLevel contact. Pick one, search by name or email, or map a contact ID from an earlier step.',
  schema: v.id(),
  required: true,
  dynamic: 'contact_list.id.name',
  search: 'find_contact.id',
};

export const assignedUserField: FieldDef = {
  key: 'assignedTo',
  label: 'Assigned User',
  helpText: 'The HighLevel user this is assigned to. Pick one or map a user ID.',
  schema: v.id(),
  dynamic: 'user_list.id.name',
};

export const tagsField: FieldDef = {
  key: 'tags',
  label: 'Tags',
  helpText: 'One tag per line, or several separated by commas. Tags that do not exist yet are created.',
  schema: v.stringList(v.text(100)),
  list: true,
};
