import { OutputField } from '../factories/operation';
import { FieldDef } from './field';
import * as v from './values';

export const customValueIdField: FieldDef = {
  key: 'customValueId',
  label: 'Custom Value',
  helpText: 'The custom value (a {{ custom_values.… }} merge field of your templates). Pick one, or map its ID.',
  schema: v.id(),
  required: true,
  dynamic: 'custom_value_list.id.name',
  search: 'find_custom_value.id',
};

export const customValueNameField: FieldDef = {
  key: 'name',
  label: 'Name',
  helpText: 'The custom value\'s name, e.g. "Booking Link". HighLevel derives its merge field from it ({{ custom_values.booking_link }}).',
  schema: v.text(200),
};

export const customValueValueField: FieldDef = {
  key: 'value',
  label: 'Value',
  helpText: 'What the merge field is replaced with in emails, texts, funnels and workflows, e.g. a link or a price.',
  schema: v.text(10000),
  type: 'text',
};

export const locationTagIdField: FieldDef = {
  key: 'tagId',
  label: 'Tag',
  helpText: 'The tag of your location. Pick one from the list, or map a tag ID.',
  schema: v.id(),
  required: true,
  dynamic: 'location_tag_list.id.name',
};

/** A custom value as HighLevel answers it (CustomValueSchema). */
export const customValueSample = {
  id: 'rWQ709Pb62syqGLceg1x',
  name: 'Booking Link',
  fieldKey: '{{ custom_values.booking_link }}',
  value: 'https://delgado-plumbing.example.com/book',
  locationId: 've9EPM428h8vShlRW1KT',
};

export const customValueOutputFields: OutputField[] = [
  { key: 'id', label: 'Custom Value ID' },
  { key: 'name', label: 'Name' },
  { key: 'fieldKey', label: 'Merge Field' },
  { key: 'value', label: 'Value' },
  { key: 'locationId', label: 'Location ID' },
];

/** A tag as HighLevel answers it (LocationTagsSchema). */
export const tagSample = { id: 'flGwEuzsfJOia1i1ikRN', name: 'vip', locationId: 've9EPM428h8vShlRW1KT' };

export const tagOutputFields: OutputField[] = [
  { key: 'id', label: 'Tag ID' },
  { key: 'name', label: 'Tag Name' },
  { key: 'locationId', label: 'Location ID' },
];
