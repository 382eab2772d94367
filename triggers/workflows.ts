import { campaignsApi } from '../src/api/campaigns';
import { Endpoint } from '../src/api/endpoint';
import { workflowsApi } from '../src/api/workflows';
import { dropdownTrigger } from '../src/factories/dropdown';
import { Item } from '../src/factories/operation';
import { campaignSample, snapshotSample, workflowSample } from '../src/fields/workflow';

// Workflows, campaigns and snapshots: HighLevel returns each list whole and campaigns and snapshots carry no date,
// so they feed dropdowns (used by the contact actions "Add Contact to Workflow/Campaign") and the Find searches.

const withStatus = (item: Record<string, any>) =>
  item.status && item.status !== 'published' ? `${item.name} (${item.status})` : item.name || item.id;

/** Workflows and campaigns: the whole list under `resultKey`, each labelled with its status unless published. */
const withStatusDropdown = (def: { key: string; noun: string; endpoint: Endpoint; resultKey: string; sample: Item }) =>
  dropdownTrigger({
    ...def,
    paged: false,
    label: withStatus,
    sample: { id: def.sample.id, name: def.sample.name, status: def.sample.status },
  });

export const workflowDropdown = withStatusDropdown({
  key: 'workflow_list',
  noun: 'Workflow',
  endpoint: workflowsApi.listWorkflows,
  resultKey: 'workflows',
  sample: workflowSample,
});

export const campaignDropdown = withStatusDropdown({
  key: 'campaign_list',
  noun: 'Campaign',
  endpoint: campaignsApi.listCampaigns,
  resultKey: 'campaigns',
  sample: campaignSample,
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
