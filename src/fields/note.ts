import { FieldDef, OutputField } from './field';
import * as v from './values';

export const noteIdField: FieldDef = {
  key: 'noteId',
  label: 'Note',
  helpText: "The contact's note. Pick one (after choosing the contact) or map a note ID.",
  schema: v.id(),
  required: true,
  dynamic: 'contact_note_list.id.name',
  search: 'find_note.id',
};

/** Note fields (NotesDTO / UpdateNoteDTO). */
export const noteFields: FieldDef[] = [
  { key: 'body', label: 'Note', helpText: 'The text of the note.', schema: v.text(10000), required: true, type: 'text' },
  {
    key: 'userId',
    label: 'Author',
    helpText: 'The HighLevel user shown as the note author.',
    schema: v.id(),
    dynamic: 'user_list.id.name',
  },
];

/** Extra note fields HighLevel accepts on create and update. */
export const noteExtraFields: FieldDef[] = [
  { key: 'title', label: 'Title', helpText: 'A short heading shown above the note text.', schema: v.text(300) },
  { key: 'pinned', label: 'Pinned', helpText: "Yes pins the note to the top of the contact's notes.", schema: v.bool(), type: 'boolean' },
];

export const noteSample = {
  id: 'ocQHyuzHvysMo5N5VsXc',
  body: 'Asked for a quote for a water heater replacement.',
  userId: 'y0BeYjuRIlDwsDcOHOJo',
  contactId: 'seD4PfOuKoVMLkEZqohJ',
  dateAdded: '2026-03-04T10:12:45.000Z',
};

export const noteOutputFields: OutputField[] = [
  { key: 'id', label: 'Note ID' },
  { key: 'body', label: 'Note' },
  { key: 'userId', label: 'Author User ID' },
  { key: 'contactId', label: 'Contact ID' },
  { key: 'dateAdded', label: 'Date Added', type: 'datetime' },
];
