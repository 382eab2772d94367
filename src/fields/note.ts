import { OutputField } from '../factories/operation';
import { FieldDef } from './field';
import * as v from './values';

export const noteFields: FieldDef[] = [
  { key: 'body', label: 'Note', helpText: 'The text of the note.', schema: v.text(10000), required: true, type: 'text' },
  { key: 'userId', label: 'Author', helpText: 'The HighLevel user shown as the note author.', schema: v.id(), dynamic: 'user_list.id.name' },
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
