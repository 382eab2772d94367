import { endpoint } from './endpoint';

// Associations (definitions linking two object types) and relations (links between two records): associations.json.
const read = 'associations.readonly';
const write = 'associations.write';
const relRead = 'associations/relation.readonly';
const relWrite = 'associations/relation.write';

export const associationsApi = {
  listAssociations: endpoint('associations.json', 'GET /associations/', {
    operationId: 'find-associations',
    scope: read,
    locationIn: 'query',
  }),
  getAssociation: endpoint('associations.json', 'GET /associations/{associationId}', { operationId: 'get-association-by-ID', scope: read }),
  getAssociationByKey: endpoint('associations.json', 'GET /associations/key/{key_name}', {
    operationId: 'get-association-key-by-key-name',
    scope: read,
    locationIn: 'query',
  }),
  getAssociationsByObjectKey: endpoint('associations.json', 'GET /associations/objectKey/{objectKey}', {
    operationId: 'get-association-by-object-keys',
    scope: read,
    locationIn: 'query',
  }),
  createAssociation: endpoint('associations.json', 'POST /associations/', {
    operationId: 'create-association',
    scope: write,
    locationIn: 'body',
  }),
  updateAssociation: endpoint('associations.json', 'PUT /associations/{associationId}', {
    operationId: 'update-association',
    scope: write,
  }),
  deleteAssociation: endpoint('associations.json', 'DELETE /associations/{associationId}', {
    operationId: 'delete-association',
    scope: write,
  }),
  listRelations: endpoint('associations.json', 'GET /associations/relations/{recordId}', {
    operationId: 'get-relations-by-record-id',
    scope: relRead,
    locationIn: 'query',
  }),
  createRelation: endpoint('associations.json', 'POST /associations/relations', {
    operationId: 'create-relation',
    scope: relWrite,
    locationIn: 'body',
  }),
  deleteRelation: endpoint('associations.json', 'DELETE /associations/relations/{relationId}', {
    operationId: 'delete-relation',
    scope: relWrite,
    locationIn: 'query',
  }),
};
