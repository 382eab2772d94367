import { endpoint } from './endpoint';

// Opportunities and pipelines (opportunities.json). The record's path parameter is `{id}`.
const read = 'opportunities.readonly';
const write = 'opportunities.write';

export const opportunitiesApi = {
  /** The advanced search: filters and server-side sort (date_added, date_updated, last_stage_change_date, ...). */
  searchOpportunities: endpoint('opportunities.json', 'POST /opportunities/search', {
    operationId: 'search-opportunities-advanced',
    scope: read,
    locationIn: 'body',
  }),
  getOpportunity: endpoint('opportunities.json', 'GET /opportunities/{id}', { operationId: 'get-opportunity', scope: read }),
  listPipelines: endpoint('opportunities.json', 'GET /opportunities/pipelines', {
    operationId: 'get-pipelines',
    scope: read,
    locationIn: 'query',
  }),
  createOpportunity: endpoint('opportunities.json', 'POST /opportunities/', {
    operationId: 'create-opportunity',
    scope: write,
    locationIn: 'body',
  }),
  updateOpportunity: endpoint('opportunities.json', 'PUT /opportunities/{id}', { operationId: 'update-opportunity', scope: write }),
  deleteOpportunity: endpoint('opportunities.json', 'DELETE /opportunities/{id}', { operationId: 'delete-opportunity', scope: write }),
  updateOpportunityStatus: endpoint('opportunities.json', 'PUT /opportunities/{id}/status', {
    operationId: 'update-opportunity-status',
    scope: write,
  }),
  upsertOpportunity: endpoint('opportunities.json', 'POST /opportunities/upsert', {
    operationId: 'Upsert-opportunity',
    scope: write,
    locationIn: 'body',
  }),
  addFollowers: endpoint('opportunities.json', 'POST /opportunities/{id}/followers', {
    operationId: 'add-followers-opportunity',
    scope: write,
  }),
  removeFollowers: endpoint('opportunities.json', 'DELETE /opportunities/{id}/followers', {
    operationId: 'remove-followers-opportunity',
    scope: write,
  }),
};
