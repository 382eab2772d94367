import { endpoint } from './endpoint';

// Workflows (workflows.json) and the contacts endpoints the catalog files under "Workflows & Campaigns":
// enrolling a contact in a workflow and a contact's followers. Snapshots sit in the same catalog group.
export const workflowsApi = {
  listWorkflows: endpoint('workflows.json', 'GET /workflows/', { operationId: 'get-workflow', scope: 'workflows.readonly', locationIn: 'query' }),
  addContactToWorkflow: endpoint('contacts.json', 'POST /contacts/{contactId}/workflow/{workflowId}', { operationId: 'add-contact-to-workflow', scope: 'contacts.write' }),
  removeContactFromWorkflow: endpoint('contacts.json', 'DELETE /contacts/{contactId}/workflow/{workflowId}', { operationId: 'delete-contact-from-workflow', scope: 'contacts.write' }),
  addContactFollowers: endpoint('contacts.json', 'POST /contacts/{contactId}/followers', { operationId: 'add-followers-contact', scope: 'contacts.write' }),
  removeContactFollowers: endpoint('contacts.json', 'DELETE /contacts/{contactId}/followers', { operationId: 'remove-followers-contact', scope: 'contacts.write' }),
  /** Agency tokens only; the spec declares no scope, docs/oauth/Scopes.md gives snapshots.readonly. */
  listSnapshots: endpoint('snapshots.json', 'GET /snapshots/', { operationId: 'get-custom-snapshots', scope: 'snapshots.readonly', companyIn: 'query' }),
};
