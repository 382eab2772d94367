import { contactsApi } from '../src/api/contacts';
import { createAction } from '../src/factories/create';
import { contactIdField } from '../src/fields/common';
import * as v from '../src/fields/values';

// A contact's followers, campaigns and workflows. Campaign, workflow and user ids come from dropdowns.

const followersField = {
  key: 'followers',
  label: 'Followers',
  helpText: 'HighLevel users who follow the contact (get notified about it). Pick them or map user IDs.',
  schema: v.stringList(v.id()),
  required: true,
  list: true,
  dynamic: 'user_list.id.name',
};

const campaignIdField = {
  key: 'campaignId',
  label: 'Campaign',
  helpText: 'The (legacy) HighLevel campaign. Pick one or map a campaign ID.',
  schema: v.id(),
  required: true,
  dynamic: 'campaign_list.id.name',
};

const workflowIdField = {
  key: 'workflowId',
  label: 'Workflow',
  helpText: 'The HighLevel workflow. Pick one or map a workflow ID.',
  schema: v.id(),
  required: true,
  dynamic: 'workflow_list.id.name',
};

const doneFields = [
  { key: 'id', label: 'Contact ID' },
  { key: 'succeded', label: 'Succeeded', type: 'boolean' as const },
];

export const addContactFollowers = createAction({
  key: 'add_contact_followers',
  noun: 'Followers',
  label: 'Add Contact Followers',
  description: 'Adds users as followers of a contact, keeping the followers it already has.',
  endpoint: contactsApi.addFollowers,
  fields: [contactIdField, followersField],
  result: (data, input) => ({ id: input.contactId, followers: data.followers ?? [], followersAdded: data.followersAdded ?? [] }),
  sample: {
    id: 'seD4PfOuKoVMLkEZqohJ',
    followers: ['y0BeYjuRIlDwsDcOHOJo', 'sx6wyHhbFdRXh302Lunr'],
    followersAdded: ['sx6wyHhbFdRXh302Lunr'],
  },
  outputFields: [
    { key: 'id', label: 'Contact ID' },
    { key: 'followers', label: 'Followers' },
    { key: 'followersAdded', label: 'Followers Added' },
  ],
});

export const removeContactFollowers = createAction({
  key: 'remove_contact_followers',
  noun: 'Followers',
  label: 'Remove Contact Followers',
  description: 'Removes users from the followers of a contact.',
  endpoint: contactsApi.removeFollowers,
  fields: [contactIdField, { ...followersField, helpText: 'The users to remove as followers. Users not following are ignored.' }],
  // DELETE with a JSON body, as HighLevel declares it.
  request: ({ contactId, followers }) => ({ path: { contactId }, body: { followers } }),
  result: (data, input) => ({ id: input.contactId, followers: data.followers ?? [], followersRemoved: data.followersRemoved ?? [] }),
  sample: { id: 'seD4PfOuKoVMLkEZqohJ', followers: ['y0BeYjuRIlDwsDcOHOJo'], followersRemoved: ['sx6wyHhbFdRXh302Lunr'] },
  outputFields: [
    { key: 'id', label: 'Contact ID' },
    { key: 'followers', label: 'Followers' },
    { key: 'followersRemoved', label: 'Followers Removed' },
  ],
});

export const addContactToCampaign = createAction({
  key: 'add_contact_to_campaign',
  noun: 'Campaign',
  label: 'Add Contact to Campaign',
  description: 'Adds a contact to a (legacy) campaign.',
  endpoint: contactsApi.addToCampaign,
  fields: [contactIdField, campaignIdField],
  // The body schema is empty but required.
  result: (data, input) => ({ id: input.contactId, campaignId: input.campaignId, succeded: data.succeded !== false }),
  sample: { id: 'seD4PfOuKoVMLkEZqohJ', campaignId: 'Ar5yJbR2ZbJ3YcLAD1ex', succeded: true },
  outputFields: [...doneFields, { key: 'campaignId', label: 'Campaign ID' }],
});

export const removeContactFromCampaign = createAction({
  key: 'remove_contact_from_campaign',
  noun: 'Campaign',
  label: 'Remove Contact from Campaign',
  description: 'Removes a contact from a (legacy) campaign.',
  endpoint: contactsApi.removeFromCampaign,
  fields: [contactIdField, campaignIdField],
  result: (data, input) => ({ id: input.contactId, campaignId: input.campaignId, succeded: data.succeded !== false }),
  sample: { id: 'seD4PfOuKoVMLkEZqohJ', campaignId: 'Ar5yJbR2ZbJ3YcLAD1ex', succeded: true },
  outputFields: [...doneFields, { key: 'campaignId', label: 'Campaign ID' }],
});

export const removeContactFromAllCampaigns = createAction({
  key: 'remove_contact_from_all_campaigns',
  noun: 'Campaign',
  label: 'Remove Contact from All Campaigns',
  description: 'Removes a contact from every (legacy) campaign it is in.',
  endpoint: contactsApi.removeFromAllCampaigns,
  fields: [contactIdField],
  result: (data, input) => ({ id: input.contactId, succeded: data.succeded !== false }),
  sample: { id: 'seD4PfOuKoVMLkEZqohJ', succeded: true },
  outputFields: doneFields,
});

export const addContactToWorkflow = createAction({
  key: 'add_contact_to_workflow',
  noun: 'Workflow',
  label: 'Add Contact to Workflow',
  description: 'Enrolls a contact in a workflow.',
  endpoint: contactsApi.addToWorkflow,
  fields: [
    contactIdField,
    workflowIdField,
    {
      key: 'eventStartTime',
      label: 'Event Start Time',
      helpText: 'For workflows that wait relative to an event (e.g. reminders before an appointment): when the event starts.',
      schema: v.dateTime(),
    },
  ],
  result: (data, input) => ({ id: input.contactId, workflowId: input.workflowId, succeded: data.succeded !== false }),
  sample: { id: 'seD4PfOuKoVMLkEZqohJ', workflowId: '78559bb3-b920-461e-b010-7b2a2816d2a9', succeded: true },
  outputFields: [...doneFields, { key: 'workflowId', label: 'Workflow ID' }],
});

export const removeContactFromWorkflow = createAction({
  key: 'remove_contact_from_workflow',
  noun: 'Workflow',
  label: 'Remove Contact from Workflow',
  description: 'Removes a contact from a workflow it is enrolled in.',
  endpoint: contactsApi.removeFromWorkflow,
  fields: [contactIdField, workflowIdField],
  // HighLevel declares a (required, optional-field) JSON body even on this DELETE.
  request: ({ contactId, workflowId }) => ({ path: { contactId, workflowId }, body: {} }),
  result: (data, input) => ({ id: input.contactId, workflowId: input.workflowId, succeded: data.succeded !== false }),
  sample: { id: 'seD4PfOuKoVMLkEZqohJ', workflowId: '78559bb3-b920-461e-b010-7b2a2816d2a9', succeded: true },
  outputFields: [...doneFields, { key: 'workflowId', label: 'Workflow ID' }],
});
