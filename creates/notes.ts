import { contactsApi } from '../src/api/contacts';
import { createAction } from '../src/factories/create';
import { contactIdField } from '../src/fields/common';
import { noteFields, noteOutputFields, noteSample } from '../src/fields/note';

export const createNote = createAction({
  key: 'create_note',
  noun: 'Note',
  label: 'Create Note',
  description: 'Adds a note to a contact.',
  endpoint: contactsApi.createNote,
  fields: [contactIdField, ...noteFields],
  result: (data, input) => ({ contactId: input.contactId, ...data.note }),
  resultKey: 'note',
  sample: noteSample,
  outputFields: noteOutputFields,
});
