import { FieldDef, OutputField } from './field';
import * as v from './values';

export const customFieldIdField: FieldDef = {
  key: 'customFieldId',
  label: 'Custom Field',
  helpText: 'The contact or opportunity custom field. Pick one or map its ID.',
  schema: v.id(),
  required: true,
  dynamic: 'custom_field_list.id.name',
  search: 'find_custom_field.id',
};

export const customFieldModels = ['contact', 'opportunity'] as const;

/** A custom field definition as GET /locations/{locationId}/customFields lists it (CustomFieldSchema). */
export const customFieldSample = {
  id: '3sv6UEo51C9Bmpo1cKTq',
  name: 'Water Heater Age',
  fieldKey: 'contact.water_heater_age',
  placeholder: 'Years',
  dataType: 'NUMERICAL',
  position: 3,
  picklistOptions: [],
  locationId: 've9EPM428h8vShlRW1KT',
  model: 'contact',
};

export const customFieldOutputFields: OutputField[] = [
  { key: 'id', label: 'Custom Field ID' },
  { key: 'name', label: 'Name' },
  { key: 'fieldKey', label: 'Field Key' },
  { key: 'dataType', label: 'Data Type' },
  { key: 'model', label: 'Object (contact or opportunity)' },
  { key: 'placeholder', label: 'Placeholder' },
  { key: 'picklistOptions', label: 'Options' },
  { key: 'position', label: 'Position', type: 'number' },
];

export const objectKeyField: FieldDef = {
  key: 'objectKey',
  label: 'Custom Object Key',
  helpText: 'The key of the custom object whose fields the folder groups, e.g. custom_objects.pets.',
  schema: v.narrow(v.text(200), (s) => s.regex(/^[A-Za-z0-9_.]+$/, 'must be an object key such as custom_objects.pets')),
  required: true,
};

export const folderIdField: FieldDef = {
  key: 'folderId',
  label: 'Folder',
  helpText: "The custom field folder. Pick it after entering the object's key, or map a folder ID.",
  schema: v.id(),
  required: true,
  dynamic: 'custom_field_folder_list.id.name',
};

/** A custom field folder (ICustomFieldFolder). */
export const folderSample = {
  id: '3v34PM428h8vShlRW1KT',
  objectKey: 'custom_objects.properties',
  locationId: 've9EPM428h8vShlRW1KT',
  name: 'Inspection Details',
};

export const folderOutputFields: OutputField[] = [
  { key: 'id', label: 'Folder ID' },
  { key: 'name', label: 'Name' },
  { key: 'objectKey', label: 'Custom Object Key' },
  { key: 'locationId', label: 'Location ID' },
];
