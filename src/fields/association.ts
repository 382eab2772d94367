import { FieldDef, OutputField } from './field';
import * as v from './values';

export const associationIdField: FieldDef = {
  key: 'associationId',
  label: 'Association',
  helpText: 'The association (the link type between two objects, e.g. contact ↔ custom object). Pick one or map its ID.',
  schema: v.id(),
  required: true,
  dynamic: 'association_list.id.name',
  search: 'find_association.id',
};

/** Records of any object: the dropdown offers contacts; any record ID (opportunity, custom object) can be mapped. */
export const recordIdField = (key: string, label: string, helpText: string): FieldDef => ({
  key,
  label,
  helpText: `${helpText} Pick a contact, or map the ID of any record (opportunity, custom object record).`,
  schema: v.id(),
  required: true,
  dynamic: 'contact_list.id.name',
});

/** An association definition (GetPostSuccessfulResponseDto, labels and keys as strings). */
export const associationSample = {
  id: '6d6f6e676f5f6576656e7473',
  locationId: 've9EPM428h8vShlRW1KT',
  key: 'homeowner_property',
  firstObjectLabel: 'Homeowner',
  firstObjectKey: 'contact',
  secondObjectLabel: 'Property',
  secondObjectKey: 'custom_objects.properties',
  associationType: 'USER_DEFINED',
};

export const associationOutputFields: OutputField[] = [
  { key: 'id', label: 'Association ID' },
  { key: 'key', label: 'Key' },
  { key: 'firstObjectKey', label: 'First Object Key' },
  { key: 'firstObjectLabel', label: 'First Object Label' },
  { key: 'secondObjectKey', label: 'Second Object Key' },
  { key: 'secondObjectLabel', label: 'Second Object Label' },
  { key: 'associationType', label: 'Association Type' },
  { key: 'locationId', label: 'Location ID' },
];

/** A relation: one link between two records under an association. */
export const relationSample = {
  id: '6f9a2c3e4b5d6e7f8a9b0c1d',
  associationId: '6d6f6e676f5f6576656e7473',
  firstRecordId: 'seD4PfOuKoVMLkEZqohJ',
  secondRecordId: '67c1a8e2f0b4d93a1c2e5f70',
  locationId: 've9EPM428h8vShlRW1KT',
};

export const relationOutputFields: OutputField[] = [
  { key: 'id', label: 'Relation ID' },
  { key: 'associationId', label: 'Association ID' },
  { key: 'firstRecordId', label: 'First Record ID' },
  { key: 'secondRecordId', label: 'Second Record ID' },
  { key: 'locationId', label: 'Location ID' },
];
