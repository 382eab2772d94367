import { associationsApi } from '../src/api/associations';
import { dropdownTrigger } from '../src/factories/dropdown';
import { listOf } from '../src/domains/associations';
import { associationSample, recordIdField, relationSample } from '../src/fields/association';

const DROPDOWN_PAGE = 50;

export const associationDropdown = dropdownTrigger({
  key: 'association_list',
  noun: 'Association',
  endpoint: associationsApi.listAssociations,
  request: (_input, { page }) => ({ query: { skip: page * DROPDOWN_PAGE, limit: DROPDOWN_PAGE } }),
  resultKey: 'associations',
  items: (data) => listOf(data, 'associations'),
  label: (a) => `${a.key ?? a.id} (${a.firstObjectKey ?? '?'} ↔ ${a.secondObjectKey ?? '?'})`,
  sample: { ...associationSample, name: 'homeowner_property (contact ↔ custom_objects.properties)' },
});

/** A record's relations, for Delete Relation. */
export const relationDropdown = dropdownTrigger({
  key: 'relation_list',
  noun: 'Relation',
  endpoint: associationsApi.listRelations,
  fields: [recordIdField('recordId', 'Record', 'The record whose relations to list.')],
  request: (input, { page }) => ({ path: { recordId: input.recordId }, query: { skip: page * DROPDOWN_PAGE, limit: DROPDOWN_PAGE } }),
  resultKey: 'relations',
  items: (data) => listOf(data, 'relations'),
  label: (r) => `${r.firstRecordId ?? '?'} ↔ ${r.secondRecordId ?? '?'}`,
  sample: { ...relationSample, name: 'seD4PfOuKoVMLkEZqohJ ↔ 67c1a8e2f0b4d93a1c2e5f70' },
});
