import { endpoint } from './endpoint';

// Workflows (workflows.json) and snapshots (catalogued with them). Enrolling a contact in a workflow is a contacts
// action (creates/contactFollowersCampaignsWorkflows.ts).
export const workflowsApi = {
  listWorkflows: endpoint('workflows.json', 'GET /workflows/', {
    operationId: 'get-workflow',
    scope: 'workflows.readonly',
    locationIn: 'query',
  }),
  /** Agency tokens only; the spec declares no scope, docs/oauth/Scopes.md gives snapshots.readonly. */
  listSnapshots: endpoint('snapshots.json', 'GET /snapshots/', {
    operationId: 'get-custom-snapshots',
    scope: 'snapshots.readonly',
    companyIn: 'query',
    agencyOnly: true,
  }),
};
