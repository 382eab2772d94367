import { OutputField } from '../factories/operation';
import { FieldDef } from './field';
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
