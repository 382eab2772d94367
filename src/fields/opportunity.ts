import { assignedUserField, contactIdField } from './common';
import { FieldDef, OutputField } from './field';
import * as v from './values';

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost', 'abandoned'] as const;
const statusChoices = { open: 'Open', won: 'Won', lost: 'Lost', abandoned: 'Abandoned' };

export const opportunityIdField: FieldDef = {
  key: 'opportunityId',
  label: 'Opportunity',
  helpText: 'The HighLevel opportunity. Pick one, search for it, or map an opportunity ID from an earlier step.',
  schema: v.id(),
  required: true,
  dynamic: 'opportunity_list.id.name',
  search: 'find_opportunity.id',
};

/** Choosing a pipeline refreshes the stage dropdown, which lists that pipeline's stages. */
export const pipelineIdField: FieldDef = {
  key: 'pipelineId',
  label: 'Pipeline',
  helpText: 'The pipeline the opportunity belongs to. Pick one or map a pipeline ID.',
  schema: v.id(),
  dynamic: 'pipeline_list.id.name',
  search: 'find_pipeline.id',
  altersDynamicFields: true,
};

export const pipelineStageIdField: FieldDef = {
  key: 'pipelineStageId',
  label: 'Stage',
  helpText: 'The pipeline stage. Choose the pipeline first to see its stages, or map a stage ID.',
  schema: v.id(),
  dynamic: 'pipeline_stage_list.id.name',
};

export const opportunityStatusField: FieldDef = {
  key: 'status',
  label: 'Status',
  helpText: 'Open, Won, Lost or Abandoned.',
  schema: v.oneOf(OPPORTUNITY_STATUSES),
  choices: statusChoices,
};

/** Opportunity fields shared by create and update (CreateDto / UpdateOpportunityDto), in editor order. */
export const opportunityFields = {
  pipelineId: pipelineIdField,
  pipelineStageId: pipelineStageIdField,
  name: {
    key: 'name',
    label: 'Opportunity Name',
    helpText: 'What the deal is called, e.g. "Kitchen remodel – Delgado".',
    schema: v.text(300),
  } as FieldDef,
  status: opportunityStatusField,
  contactId: {
    ...contactIdField,
    helpText: 'The contact the opportunity is for. Pick one, search by name or email, or map a contact ID.',
  } as FieldDef,
  monetaryValue: {
    key: 'monetaryValue',
    label: 'Lead Value',
    helpText: 'The monetary value of the deal, a number without currency symbol, e.g. 1850.50.',
    schema: v.number(),
    type: 'number',
  } as FieldDef,
  assignedTo: { ...assignedUserField, helpText: 'The user who owns the opportunity.', search: 'find_user.id' } as FieldDef,
};

export const followersField: FieldDef = {
  key: 'followers',
  label: 'Followers',
  helpText: 'Users to notify about changes: pick users or map user IDs (one per line or separated by commas).',
  schema: v.stringList(v.id()),
  required: true,
  list: true,
  dynamic: 'user_list.id.name',
};

/** An opportunity as the search, get and create endpoints return it (SearchOpportunitiesResponseSchema). */
export const opportunitySample = {
  id: 'yWQobCRIhRguQtD2llvk',
  name: 'Kitchen remodel – Delgado',
  monetaryValue: 18500,
  pipelineId: 'VDm7RPYC2GLUvdpKmBfC',
  pipelineStageId: 'e93ba61a-53b3-45e7-985a-c7732dbcdb69',
  assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
  status: 'open',
  source: 'Website form',
  lastStatusChangeAt: '2026-03-02T16:20:11.355Z',
  lastStageChangeAt: '2026-03-04T09:12:45.120Z',
  lastActionDate: '2026-03-04T09:12:45.120Z',
  createdAt: '2026-03-02T16:20:11.355Z',
  updatedAt: '2026-03-04T09:12:45.120Z',
  contactId: 'seD4PfOuKoVMLkEZqohJ',
  locationId: 've9EPM428h8vShlRW1KT',
  contact: {
    id: 'seD4PfOuKoVMLkEZqohJ',
    name: 'Rosa Delgado',
    companyName: 'Delgado Plumbing',
    email: 'rosa.delgado@example.com',
    phone: '+15550100199',
    tags: ['kitchen', 'referral'],
  },
  customFields: [{ id: 'MgobCB14YMVKuE4Ka8p1', fieldValue: 'Spring 2026' }],
};

/** An opportunity as the steps output it: HighLevel's record plus its pipeline's and stage's names (src/pipelines.ts). */
export const opportunityOutputSample = { ...opportunitySample, pipelineName: 'Remodeling Sales', pipelineStageName: 'Quote Sent' };

export const opportunityOutputFields: OutputField[] = [
  { key: 'id', label: 'Opportunity ID' },
  { key: 'name', label: 'Opportunity Name' },
  { key: 'monetaryValue', label: 'Lead Value', type: 'number' },
  { key: 'status', label: 'Status' },
  { key: 'pipelineId', label: 'Pipeline ID' },
  { key: 'pipelineStageId', label: 'Stage ID' },
  { key: 'pipelineName', label: 'Pipeline Name' },
  { key: 'pipelineStageName', label: 'Stage Name' },
  { key: 'assignedTo', label: 'Assigned User ID' },
  { key: 'source', label: 'Source' },
  { key: 'contactId', label: 'Contact ID' },
  { key: 'contact__name', label: 'Contact Name' },
  { key: 'contact__email', label: 'Contact Email' },
  { key: 'contact__phone', label: 'Contact Phone' },
  { key: 'contact__companyName', label: 'Contact Company Name' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated At', type: 'datetime' },
  { key: 'lastStageChangeAt', label: 'Last Stage Change At', type: 'datetime' },
  { key: 'lastStatusChangeAt', label: 'Last Status Change At', type: 'datetime' },
  { key: 'locationId', label: 'Location ID' },
];

/** A pipeline with its stages (GET /opportunities/pipelines). */
export const pipelineSample = {
  id: 'VDm7RPYC2GLUvdpKmBfC',
  name: 'Remodeling Sales',
  stages: [
    { id: '5a1d7a0e-2f1b-4c55-9a0e-1c2b3d4e5f60', name: 'New Lead', position: 0 },
    { id: 'e93ba61a-53b3-45e7-985a-c7732dbcdb69', name: 'Quote Sent', position: 1 },
  ],
  showInFunnel: true,
  showInPieChart: true,
  locationId: 've9EPM428h8vShlRW1KT',
};

export const pipelineOutputFields: OutputField[] = [
  { key: 'id', label: 'Pipeline ID' },
  { key: 'name', label: 'Pipeline Name' },
  { key: 'stages[]id', label: 'Stage IDs' },
  { key: 'stages[]name', label: 'Stage Names' },
  { key: 'locationId', label: 'Location ID' },
];
