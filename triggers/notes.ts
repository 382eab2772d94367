import { contactsApi } from '../src/api/contacts';
import { pollingTrigger } from '../src/factories/trigger';
import { contactIdField } from '../src/fields/common';
import { noteOutputFields, noteSample } from '../src/fields/note';

/** New Note: HighLevel lists notes per contact only (no location-wide list), so the zap names the contact. */
export const newNoteTrigger = pollingTrigger({
  key: 'new_note',
  noun: 'Note',
  label: 'New Note',
  description: 'Triggers when a note is added to a chosen contact.',
  endpoint: contactsApi.listNotes,
  fields: [{ ...contactIdField, helpText: 'The contact whose notes to watch. HighLevel lists notes per contact only.' }],
  request: (input) => ({ path: { contactId: input.contactId } }),
  resultKey: 'notes',
  newestFirst: (note) => note.dateAdded,
  sample: noteSample,
  outputFields: noteOutputFields,
});
