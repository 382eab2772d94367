import { contactsApi } from '../src/api/contacts';
import { pollingTrigger } from '../src/factories/trigger';
import { contactIdField } from '../src/fields/common';
import { taskOutputFields, taskSample } from '../src/fields/task';

/**
 * New Contact Task: a chosen contact's tasks (HighLevel returns them all at once). Tasks carry no creation date,
 * so HighLevel's order is kept and Zapier's dedupe on `id` picks out the new ones.
 */
export const newContactTaskTrigger = pollingTrigger({
  key: 'new_contact_task',
  noun: 'Task',
  label: 'New Contact Task',
  description: 'Triggers when a task is added to a chosen contact.',
  endpoint: contactsApi.listTasks,
  fields: [{ ...contactIdField, helpText: 'The contact whose tasks to watch. For tasks of every contact use "New Task".' }],
  request: (input) => ({ path: { contactId: input.contactId } }),
  resultKey: 'tasks',
  sample: taskSample,
  outputFields: taskOutputFields,
});
