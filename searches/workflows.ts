import { campaignsApi } from '../src/api/campaigns';
import { workflowsApi } from '../src/api/workflows';
import { nameSearch } from '../src/factories/nameSearch';
import {
  campaignOutputFields,
  campaignSample,
  snapshotOutputFields,
  snapshotSample,
  workflowOutputFields,
  workflowSample,
} from '../src/fields/workflow';

export const findWorkflow = nameSearch({
  key: 'find_workflow',
  noun: 'Workflow',
  description: 'Finds a workflow of your location by its name.',
  endpoint: workflowsApi.listWorkflows,
  listKey: 'workflows',
  sample: workflowSample,
  outputFields: workflowOutputFields,
});

export const findCampaign = nameSearch({
  key: 'find_campaign',
  noun: 'Campaign',
  description: 'Finds a campaign of your location by its name.',
  endpoint: campaignsApi.listCampaigns,
  listKey: 'campaigns',
  sample: campaignSample,
  outputFields: campaignOutputFields,
});

export const findSnapshot = nameSearch({
  key: 'find_snapshot',
  noun: 'Snapshot',
  description: "Finds one of your agency's snapshots by its name (needs an agency connection).",
  endpoint: workflowsApi.listSnapshots,
  listKey: 'snapshots',
  sample: snapshotSample,
  outputFields: snapshotOutputFields,
});
