import { contactsApi } from '../src/api/contacts';
import { createAction } from '../src/factories/create';
import { deleteAction } from '../src/factories/delete';
import { contactIdField } from '../src/fields/common';
import { optional } from '../src/fields/field';
import { noteExtraFields, noteFields, noteIdField, noteOutputFields, noteSample } from '../src/fields/note';

const noteResult = (data: any, input: Record<string, any>) => ({ contactId: input.contactId, ...data.note });

export const createNote = createAction({
  key: 'create_note',
  noun: 'Note',
  label: 'Create Note',
  description: 'Adds a note to a contact.',
  endpoint: contactsApi.createNote,
  fields: [contactIdField, ...noteFields, ...noteExtraFields],
  result: noteResult,
  resultKey: 'note',
  sample: noteSample,
  outputFields: noteOutputFields,
});

export const updateNote = createAction({
  key: 'update_note',
  noun: 'Note',
  label: 'Update Note',
  description: "Changes a contact's note. Only the fields you fill in are changed.",
  endpoint: contactsApi.updateNote,
  fields: [contactIdField, noteIdField, ...noteFields.map(optional), ...noteExtraFields],
  // The spec names the note's path parameter `{id}`.
  pathFrom: { id: 'noteId' },
  result: noteResult,
  resultKey: 'note',
  sample: noteSample,
  outputFields: noteOutputFields,
});

export const deleteNote = deleteAction({
  key: 'delete_note',
  noun: 'Note',
  description: "Deletes a contact's note. This cannot be undone.",
  endpoint: contactsApi.deleteNote,
  fields: [contactIdField, noteIdField],
  pathFrom: { id: 'noteId' },
  idKey: 'noteId',
  echo: ['contactId'],
  answer: { succeded: true },
  sampleIds: { id: 'ocQHyuzHvysMo5N5VsXc', contactId: 'seD4PfOuKoVMLkEZqohJ' },
});
