import { contactsApi } from '../src/api/contacts';
import { searchAction } from '../src/factories/search';
import { contactIdField } from '../src/fields/common';
import { taskIdField, taskOutputFields, taskSample } from '../src/fields/task';

/** Find Task: one of a contact's tasks by id (HighLevel has no task lookup without the contact). */
export const findTask = searchAction({
  key: 'find_task',
  noun: 'Task',
  label: 'Find Task',
  description: "Finds a contact's task by its ID.",
  endpoint: contactsApi.getTask,
  fields: [
    contactIdField,
    {
      ...taskIdField,
      label: 'Task ID',
      helpText: 'The ID of the task to find (HighLevel looks it up within the contact).',
      search: undefined,
    },
  ],
  results: (data, input) => (data?.task ? [{ contactId: input.contactId, ...data.task }] : []),
  resultKey: 'task',
  sample: taskSample,
  outputFields: taskOutputFields,
});
