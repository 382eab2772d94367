import { campaignsApi } from '../src/api/campaigns';
import { workflowsApi } from '../src/api/workflows';
import { dropdownTrigger } from '../src/factories/dropdown';
import { OutputField } from '../src/factories/operation';

// Workflows, campaigns and snapshots: HighLevel returns each list whole and campaigns and snapshots carry no date,
// so they feed dropdowns (used by the contact actions "Add Contact to Workflow/Campaign") and the Find searches.

export const workflowSample = {
  id: '78559bb3-b920-461e-b010-7b2a2816d2a9',
  name: 'New Lead Nurture',
  status: 'published',
  version: 4,
  createdAt: '2026-01-12T11:33:49.000Z',
  updatedAt: '2026-02-20T08:15:02.000Z',
  locationId: 've9EPM428h8vShlRW1KT',
};
export const workflowOutputFields: OutputField[] = [
  { key: 'id', label: 'Workflow ID' },
  { key: 'name', label: 'Workflow Name' },
  { key: 'status', label: 'Status' },
  { key: 'version', label: 'Version', type: 'number' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated At', type: 'datetime' },
];

export const campaignSample = { id: 'mIVALPYuTD7YjUHnFEx4', name: 'Spring Tune-Up Reminders', status: 'published', locationId: 've9EPM428h8vShlRW1KT' };
export const campaignOutputFields: OutputField[] = [
  { key: 'id', label: 'Campaign ID' },
  { key: 'name', label: 'Campaign Name' },
  { key: 'status', label: 'Status' },
];

export const snapshotSample = { id: '1eM2UgkfaECOYyUdCo9Pa', name: 'Home Services Starter', type: 'own' };
export const snapshotOutputFields: OutputField[] = [
  { key: 'id', label: 'Snapshot ID' },
  { key: 'name', label: 'Snapshot Name' },
  { key: 'type', label: 'Type (Own or Imported)' },
];

const withStatus = (item: Record<string, any>) => (item.status && item.status !== 'published' ? `${item.name} (${item.status})` : item.name || item.id);

export const workflowDropdown = dropdownTrigger({
  key: 'workflow_list',
  noun: 'Workflow',
  endpoint: workflowsApi.listWorkflows,
  request: () => ({}),
  paged: false,
  resultKey: 'workflows',
  label: withStatus,
  sample: { id: workflowSample.id, name: workflowSample.name, status: workflowSample.status },
});

export const campaignDropdown = dropdownTrigger({
  key: 'campaign_list',
  noun: 'Campaign',
  endpoint: campaignsApi.listCampaigns,
  request: () => ({}),
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
  request: () => ({}),
  paged: false,
  resultKey: 'snapshots',
  label: (s) => s.name || s.id,
  sample: { id: snapshotSample.id, name: snapshotSample.name },
});
