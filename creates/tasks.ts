import { contactsApi } from '../src/api/contacts';
import { createAction } from '../src/factories/create';
import { deleteAction } from '../src/factories/delete';
import { contactIdField } from '../src/fields/common';
import { required } from '../src/fields/field';
import { taskFields, taskIdField, taskOutputFields, taskSample } from '../src/fields/task';
import * as v from '../src/fields/values';

const [title, body, dueDate, assignedTo] = taskFields;
const taskResult = (data: any, input: Record<string, any>) => ({ contactId: input.contactId, ...data.task });

export const createTask = createAction({
  key: 'create_task',
  noun: 'Task',
  label: 'Create Task',
  description: 'Adds a task to a contact.',
  endpoint: contactsApi.createTask,
  fields: [contactIdField, required(title), body, required(dueDate), assignedTo],
  request: ({ contactId, ...task }) => ({ path: { contactId }, body: { ...task, completed: false } }),
  result: taskResult,
  resultKey: 'task',
  sample: taskSample,
  outputFields: taskOutputFields,
});

export const updateTask = createAction({
  key: 'update_task',
  noun: 'Task',
  label: 'Update Task',
  description: "Changes a contact's task. Only the fields you fill in are changed.",
  endpoint: contactsApi.updateTask,
  fields: [
    contactIdField,
    taskIdField,
    ...taskFields,
    { key: 'completed', label: 'Completed', helpText: 'Yes marks the task done; No reopens it.', schema: v.bool(), type: 'boolean' },
  ],
  result: taskResult,
  resultKey: 'task',
  sample: taskSample,
  outputFields: taskOutputFields,
});

export const completeTask = createAction({
  key: 'complete_task',
  noun: 'Task',
  label: 'Complete Task',
  description: "Marks a contact's task as completed.",
  endpoint: contactsApi.completeTask,
  fields: [contactIdField, taskIdField],
  request: ({ contactId, taskId }) => ({ path: { contactId, taskId }, body: { completed: true } }),
  result: taskResult,
  resultKey: 'task',
  sample: { ...taskSample, completed: true },
  outputFields: taskOutputFields,
});

export const deleteTask = deleteAction({
  key: 'delete_task',
  noun: 'Task',
  description: "Deletes a contact's task. This cannot be undone.",
  endpoint: contactsApi.deleteTask,
  fields: [contactIdField, taskIdField],
  idKey: 'taskId',
  echo: ['contactId'],
  answer: { succeded: true },
  sampleIds: { id: 'lJpzYrWdpkC2hX6t2yue', contactId: 'seD4PfOuKoVMLkEZqohJ' },
});
