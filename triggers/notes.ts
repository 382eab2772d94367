import { contactsApi } from '../src/api/contacts';
import { dropdownTrigger } from '../src/factories/dropdown';
import { pollingTrigger } from '../src/factories/trigger';
import { contactIdField } from '../src/fields/common';
import { noteOutputFields, noteSample } from '../src/fields/note';

/** New Note: HighLevel lists notes per contact only (no location-wide list), so the zap names the contact. */
export const newNoteTrigger = pollingTrigger({
  key: 'new_note',
  noun: 'Note',
  // Per contact: the location-wide New Note comes with HighLevel's NoteCreate webhook (instant triggers).
  label: 'New Note on Contact',
  description: 'Triggers when a note is added to a chosen contact.',
  endpoint: contactsApi.listNotes,
  fields: [{ ...contactIdField, helpText: 'The contact whose notes to watch. HighLevel lists notes per contact only.' }],
  resultKey: 'notes',
  newestFirst: (note) => note.dateAdded,
  sample: noteSample,
  outputFields: noteOutputFields,
});

/** A contact's notes, for the note dropdown of Find, Update and Delete Note. */
export const contactNoteDropdown = dropdownTrigger({
  key: 'contact_note_list',
  noun: 'Note',
  endpoint: contactsApi.listNotes,
  fields: [contactIdField],
  paged: false,
  resultKey: 'notes',
  label: (n) => {
    const text = String(n.title || n.body || 'Empty note')
      .replace(/\s+/g, ' ')
      .trim();
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  },
  sample: { ...noteSample, name: 'Asked for a quote for a water heater replacement.' },
});
