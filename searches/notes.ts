import { contactsApi } from '../src/api/contacts';
import { searchAction } from '../src/factories/search';
import { contactIdField } from '../src/fields/common';
import { noteIdField, noteOutputFields, noteSample } from '../src/fields/note';

/** Find Note: one of a contact's notes by id (the spec names the path parameter `{id}`). */
export const findNote = searchAction({
  key: 'find_note',
  noun: 'Note',
  label: 'Find Note',
  description: "Finds a contact's note by its ID.",
  endpoint: contactsApi.getNote,
  fields: [
    contactIdField,
    {
      ...noteIdField,
      label: 'Note ID',
      helpText: 'The ID of the note to find (HighLevel looks it up within the contact).',
      search: undefined,
    },
  ],
  pathFrom: { id: 'noteId' },
  results: (data, input) => (data?.note ? [{ contactId: input.contactId, ...data.note }] : []),
  resultKey: 'note',
  sample: noteSample,
  outputFields: noteOutputFields,
});
