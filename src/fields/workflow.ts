import { OutputField } from './field';

// Workflows, campaigns and snapshots as HighLevel lists them (GET /workflows/, /campaigns/, /snapshots/).

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

export const campaignSample = {
  id: 'mIVALPYuTD7YjUHnFEx4',
  name: 'Spring Tune-Up Reminders',
  status: 'published',
  locationId: 've9EPM428h8vShlRW1KT',
};
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
