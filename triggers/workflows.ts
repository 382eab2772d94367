import { campaignsApi } from '../src/api/campaigns';
import { workflowsApi } from '../src/api/workflows';
import { dropdownTrigger } from '../src/factories/dropdown';
import { campaignSample, snapshotSample, workflowSample } from '../src/fields/workflow';

// Workflows, campaigns and snapshots: HighLevel returns each list whole and campaigns and snapshots carry no date,
// so they feed dropdowns (used by the contact actions "Add Contact to Workflow/Campaign") and the Find searches.

const withStatus = (item: Record<string, any>) =>
  item.status && item.status !== 'published' ? `${item.name} (${item.status})` : item.name || item.id;

export const workflowDropdown = dropdownTrigger({
  key: 'workflow_list',
  noun: 'Workflow',
  endpoint: workflowsApi.listWorkflows,
  paged: false,
  resultKey: 'workflows',
  label: withStatus,
  sample: { id: workflowSample.id, name: workflowSample.name, status: workflowSample.status },
});

export const campaignDropdown = dropdownTrigger({
  key: 'campaign_list',
  noun: 'Campaign',
  endpoint: campaignsApi.listCampaigns,
  paged: false,
  resultKey: 'campaigns',
  label: withStatus,
  sample: { id: campaignSample.id, name: campaignSample.name, status: campaignSample.status },
});

/** The agency's snapshots (agency connections only). */
export const snapshotDropdown = dropdownTrigger({
  key: 'snapshot_list',
  noun: 'Snapshot',
  endpoint: workflowsApi.listSnapshots,
  paged: false,
  resultKey: 'snapshots',
  label: (s) => s.name || s.id,
  sample: { id: snapshotSample.id, name: snapshotSample.name },
});
