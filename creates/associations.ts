import { associationsApi } from '../src/api/associations';
import { createAction } from '../src/factories/create';
import { deleteAction } from '../src/factories/delete';
import {
  associationIdField,
  associationOutputFields,
  associationSample,
  recordIdField,
  relationOutputFields,
  relationSample,
} from '../src/fields/association';
import { FieldDef } from '../src/fields/field';
import * as v from '../src/fields/values';

const labelField = (key: string, label: string, helpText: string): FieldDef => ({
  key,
  label,
  helpText,
  schema: v.text(100),
  required: true,
});
const objectKeyField = (key: string, label: string, helpText: string): FieldDef => ({
  key,
  label,
  helpText,
  schema: v.text(100),
  required: true,
});

export const createAssociation = createAction({
  key: 'create_association',
  noun: 'Association',
  label: 'Create Association',
  description: 'Creates an association: a kind of link between two objects, e.g. contacts and a custom object.',
  endpoint: associationsApi.createAssociation,
  fields: [
    {
      key: 'key',
      label: 'Key',
      helpText: 'A unique key for the association, e.g. homeowner_property.',
      schema: v.narrow(v.text(100), (s) => s.regex(/^[a-z0-9_]+$/i, 'must use letters, digits and "_" only')),
      required: true,
    },
    objectKeyField('firstObjectKey', 'First Object Key', 'The first object, e.g. contact or custom_objects.properties.'),
    labelField('firstObjectLabel', 'First Object Label', 'What the first object is called in this association, e.g. Homeowner.'),
    objectKeyField('secondObjectKey', 'Second Object Key', 'The second object, e.g. custom_objects.properties.'),
    labelField('secondObjectLabel', 'Second Object Label', 'What the second object is called in this association, e.g. Property.'),
  ],
  sample: associationSample,
  outputFields: associationOutputFields,
});

export const updateAssociation = createAction({
  key: 'update_association',
  noun: 'Association',
  label: 'Update Association',
  description: 'Renames the two sides of an association (its labels).',
  endpoint: associationsApi.updateAssociation,
  fields: [
    associationIdField,
    labelField('firstObjectLabel', 'First Object Label', 'The new label of the first object, e.g. Owner.'),
    labelField('secondObjectLabel', 'Second Object Label', 'The new label of the second object, e.g. Home.'),
  ],
  sample: associationSample,
  outputFields: associationOutputFields,
});

export const deleteAssociation = deleteAction({
  key: 'delete_association',
  noun: 'Association',
  description: 'Deletes an association and with it every relation made under it.',
  endpoint: associationsApi.deleteAssociation,
  fields: [associationIdField],
  idKey: 'associationId',
  answer: { id: '6d6f6e676f5f6576656e7473', deleted: true, message: 'Association deleted successfully' },
  outputFields: [{ key: 'message', label: 'Message' }],
});

export const createRelation = createAction({
  key: 'create_relation',
  noun: 'Relation',
  label: 'Create Relation',
  description: 'Links two records under an association, e.g. a contact to a custom object record.',
  endpoint: associationsApi.createRelation,
  fields: [
    associationIdField,
    recordIdField('firstRecordId', 'First Record', "The record on the association's first side."),
    recordIdField('secondRecordId', 'Second Record', "The record on the association's second side."),
  ],
  sample: relationSample,
  outputFields: relationOutputFields,
});

export const deleteRelation = deleteAction({
  key: 'delete_relation',
  noun: 'Relation',
  description: 'Removes the link between two records.',
  endpoint: associationsApi.deleteRelation,
  fields: [
    {
      ...recordIdField('recordId', 'Record', 'Optional: one of the two linked records, to pick the relation from a list.'),
      required: false,
    },
    {
      key: 'relationId',
      label: 'Relation',
      helpText: 'The relation to delete. Pick it after choosing the record, or map its ID.',
      schema: v.id(),
      required: true,
      dynamic: 'relation_list.id.name',
    },
  ],
  request: (input) => ({ path: { relationId: input.relationId } }),
  idKey: 'relationId',
  answer: relationSample,
  sampleIds: { id: relationSample.id },
  outputFields: relationOutputFields.filter((f) => f.key !== 'id'),
});
