import { associationsApi } from '../src/api/associations';
import { listOf } from '../src/domains/associations';
import { Item } from '../src/factories/operation';
import { searchAction } from '../src/factories/search';
import {
  associationIdField,
  associationOutputFields,
  associationSample,
  recordIdField,
  relationOutputFields,
  relationSample,
} from '../src/fields/association';
import * as v from '../src/fields/values';

/** One association or several (by object key), each with an `id`. */
const associations = (data: any): Item[] =>
  (Array.isArray(data)
    ? data
    : Array.isArray(data?.associations)
      ? data.associations
      : data && typeof data === 'object'
        ? [data]
        : []
  ).filter((a: Item) => a && a.id);

/** Find Association: by ID, by its unique key, or every association of an object key. The most specific input wins. */
export const findAssociation = searchAction({
  key: 'find_association',
  noun: 'Association',
  label: 'Find Association',
  description: 'Finds an association (link type between two objects) by ID, by key, or by one of its object keys.',
  endpoint: associationsApi.getAssociation,
  alsoCalls: [associationsApi.getAssociationByKey, associationsApi.getAssociationsByObjectKey],
  fields: [
    { key: 'associationId', label: 'Association ID', helpText: 'Find the association with exactly this ID.', schema: v.id() },
    {
      key: 'key',
      label: 'Association Key',
      helpText: 'Find the association with this unique key, e.g. homeowner_property.',
      schema: v.text(200),
    },
    {
      key: 'objectKey',
      label: 'Object Key',
      helpText: 'Find the associations of this object, e.g. contact or custom_objects.properties.',
      schema: v.text(200),
    },
  ],
  fillInOneOf: ['associationId', 'key', 'objectKey'],
  perform: async (input, ctx): Promise<Item[]> => {
    const notFoundAsNull = { notFoundAsNull: true };
    if (input.associationId)
      return associations(await ctx.call(associationsApi.getAssociation, { path: { associationId: input.associationId } }, notFoundAsNull));
    if (input.key)
      return associations(await ctx.call(associationsApi.getAssociationByKey, { path: { key_name: input.key } }, notFoundAsNull));
    return associations(
      await ctx.call(associationsApi.getAssociationsByObjectKey, { path: { objectKey: input.objectKey } }, notFoundAsNull),
    );
  },
  sample: associationSample,
  outputFields: associationOutputFields,
});

/** Get Relations by Record: the records linked to one record, optionally under one association. */
export const findRelations = searchAction({
  key: 'find_relations',
  noun: 'Relation',
  label: 'Find Relations of Record',
  description: 'Finds the relations (links to other records) of a contact or custom object record.',
  endpoint: associationsApi.listRelations,
  fields: [
    recordIdField('recordId', 'Record', 'The record whose relations to find.'),
    { ...associationIdField, required: false, helpText: 'Only relations under this association (optional).' },
  ],
  request: (input) => ({
    path: { recordId: input.recordId },
    query: { skip: 0, limit: 100, ...(input.associationId ? { associationIds: [input.associationId] } : {}) },
  }),
  results: (data) => listOf(data, 'relations'),
  sample: relationSample,
  sampleAnswer: { relations: [relationSample], total: 1 },
  outputFields: relationOutputFields,
});
