import { opportunitiesApi } from '../src/api/opportunities';
import { createAction } from '../src/factories/create';
import { deleteAction } from '../src/factories/delete';
import { optional, required } from '../src/fields/field';
import {
  followersField,
  opportunityFields as f,
  opportunityIdField,
  opportunityOutputFields,
  opportunityOutputSample,
  opportunitySample,
} from '../src/fields/opportunity';
import { pipelineNames } from '../src/pipelines';

// Opportunity endpoints name the record `{id}` in the path; the zap calls it `opportunityId`.

/** What an opportunity write compares with HighLevel's answer (src/unsaved.ts). */
const OPPORTUNITY_UNSAVED = { name: 'text', status: 'text', monetaryValue: 'number', pipelineStageId: 'id', assignedTo: 'id' } as const;

/** Create and Update answer alike: the opportunity, its custom fields labelled and its pipeline and stage named. */
const answersOpportunity = {
  customFields: 'opportunity',
  enrich: pipelineNames,
  resultKey: 'opportunity',
  sample: opportunityOutputSample,
  outputFields: opportunityOutputFields,
  unsaved: OPPORTUNITY_UNSAVED,
} as const;

export const createOpportunity = createAction({
  key: 'create_opportunity',
  noun: 'Opportunity',
  label: 'Create Opportunity',
  description: 'Creates an opportunity (deal) for a contact in a pipeline.',
  endpoint: opportunitiesApi.createOpportunity,
  fields: [
    required(f.pipelineId),
    f.pipelineStageId,
    required(f.name),
    { ...f.status, helpText: 'Open (default), Won, Lost or Abandoned.', default: 'open' },
    required(f.contactId),
    f.monetaryValue,
    f.assignedTo,
  ],
  request: (input) => ({ body: { ...input, status: input.status ?? 'open' } }),
  ...answersOpportunity,
});

export const updateOpportunity = createAction({
  key: 'update_opportunity',
  noun: 'Opportunity',
  label: 'Update Opportunity',
  description: 'Changes an opportunity: name, pipeline, stage, status, value or owner. Only the fields you fill in are changed.',
  endpoint: opportunitiesApi.updateOpportunity,
  fields: [opportunityIdField, optional(f.pipelineId), f.pipelineStageId, optional(f.name), f.status, f.monetaryValue, f.assignedTo],
  pathFrom: { id: 'opportunityId' },
  ...answersOpportunity,
});

/**
 * Create or Update Opportunity: HighLevel's upsert finds the opportunity by its ID or, without one, by the
 * contact in the pipeline (the spec does not document the matching key). `isNew` says which happened.
 */
export const upsertOpportunity = createAction({
  key: 'upsert_opportunity',
  noun: 'Opportunity',
  label: 'Create or Update Opportunity',
  description: "Updates the contact's opportunity in a pipeline, or creates it when there is none.",
  endpoint: opportunitiesApi.upsertOpportunity,
  fields: [
    {
      ...opportunityIdField,
      required: false,
      helpText: 'Update exactly this opportunity (optional). Without it HighLevel matches on contact and pipeline.',
    },
    required(f.pipelineId),
    required(f.contactId),
    f.name,
    f.pipelineStageId,
    f.status,
    f.monetaryValue,
    f.assignedTo,
  ],
  request: ({ opportunityId, ...rest }) => ({ body: { ...(opportunityId ? { id: opportunityId } : {}), ...rest } }),
  result: (data) => ({ ...data.opportunity, isNew: data.new }),
  enrich: pipelineNames,
  resultKey: 'opportunity',
  sample: { ...opportunityOutputSample, isNew: true },
  sampleAnswer: { opportunity: opportunityOutputSample, new: true },
  outputFields: [...opportunityOutputFields, { key: 'isNew', label: 'Created (Not Updated)', type: 'boolean' }],
  unsaved: OPPORTUNITY_UNSAVED,
});

export const updateOpportunityStatus = createAction({
  key: 'update_opportunity_status',
  noun: 'Opportunity',
  label: 'Update Opportunity Status',
  description: 'Marks an opportunity as won, lost, abandoned or open.',
  endpoint: opportunitiesApi.updateOpportunityStatus,
  fields: [opportunityIdField, required(f.status)],
  pathFrom: { id: 'opportunityId' },
  // HighLevel answers `{ succeded: true }` only: the step returns the opportunity ID and the new status.
  result: (data, input) => ({ id: input.opportunityId, status: input.status, succeded: data.succeded ?? true }),
  sample: { id: opportunitySample.id, status: 'won', succeded: true },
  outputFields: [
    { key: 'id', label: 'Opportunity ID' },
    { key: 'status', label: 'Status' },
    { key: 'succeded', label: 'Succeeded', type: 'boolean' },
  ],
});

export const deleteOpportunity = deleteAction({
  key: 'delete_opportunity',
  noun: 'Opportunity',
  description: 'Deletes an opportunity for good.',
  endpoint: opportunitiesApi.deleteOpportunity,
  fields: [opportunityIdField],
  pathFrom: { id: 'opportunityId' },
  idKey: 'opportunityId',
  answer: { succeded: true },
  sampleIds: { id: opportunitySample.id },
});

const followersOutput = (changed: 'followersAdded' | 'followersRemoved', label: string) => [
  { key: 'id', label: 'Opportunity ID' },
  { key: 'followers', label: 'Followers (User IDs)' },
  { key: changed, label },
];

export const addOpportunityFollowers = createAction({
  key: 'add_opportunity_followers',
  noun: 'Opportunity',
  label: 'Add Opportunity Followers',
  description: 'Adds users as followers of an opportunity, so they are notified of its changes.',
  endpoint: opportunitiesApi.addFollowers,
  fields: [opportunityIdField, followersField],
  pathFrom: { id: 'opportunityId' },
  result: (data, input) => ({ id: input.opportunityId, ...data }),
  sample: {
    id: opportunitySample.id,
    followers: ['y0BeYjuRIlDwsDcOHOJo', 'Ka6wyHhbFdRXh302LLsA'],
    followersAdded: ['Ka6wyHhbFdRXh302LLsA'],
  },
  outputFields: followersOutput('followersAdded', 'Followers Added (User IDs)'),
});

export const removeOpportunityFollowers = createAction({
  key: 'remove_opportunity_followers',
  noun: 'Opportunity',
  label: 'Remove Opportunity Followers',
  description: 'Removes users from the followers of an opportunity.',
  endpoint: opportunitiesApi.removeFollowers,
  fields: [opportunityIdField, { ...followersField, helpText: 'Users to stop following the opportunity: pick users or map user IDs.' }],
  // DELETE with a JSON body, as HighLevel declares it.
  request: ({ opportunityId, followers }) => ({ path: { id: opportunityId }, body: { followers } }),
  result: (data, input) => ({ id: input.opportunityId, ...data }),
  sample: { id: opportunitySample.id, followers: ['y0BeYjuRIlDwsDcOHOJo'], followersRemoved: ['Ka6wyHhbFdRXh302LLsA'] },
  outputFields: followersOutput('followersRemoved', 'Followers Removed (User IDs)'),
});
