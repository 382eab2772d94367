import { assignedUserField } from './common';
import { FieldDef, OutputField } from './field';
import * as v from './values';

export const taskIdField: FieldDef = {
  key: 'taskId',
  label: 'Task',
  helpText: "The contact's task. Pick one (after choosing the contact) or map a task ID.",
  schema: v.id(),
  required: true,
  dynamic: 'contact_task_list.id.name',
  search: 'find_task.id',
};

/** Task fields (CreateTaskParams / UpdateTaskBody). */
export const taskFields: FieldDef[] = [
  { key: 'title', label: 'Title', helpText: 'What needs doing, e.g. "Call back about the quote".', schema: v.text(300) },
  { key: 'body', label: 'Description', helpText: 'Details for whoever does the task.', schema: v.text(5000), type: 'text' },
  { key: 'dueDate', label: 'Due Date', helpText: 'When the task is due, e.g. 2026-03-10T17:00:00-05:00.', schema: v.dateTime() },
  { ...assignedUserField, helpText: 'The user who should do the task.' },
];

export const taskSample = {
  id: 'lJpzYrWdpkC2hX6t2yue',
  title: 'Call back about the quote',
  body: 'Rosa asked for a callback after 3pm.',
  assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
  dueDate: '2026-03-05T15:00:00.000Z',
  completed: false,
  contactId: 'seD4PfOuKoVMLkEZqohJ',
};

export const taskOutputFields: OutputField[] = [
  { key: 'id', label: 'Task ID' },
  { key: 'title', label: 'Title' },
  { key: 'body', label: 'Description' },
  { key: 'assignedTo', label: 'Assigned User ID' },
  { key: 'dueDate', label: 'Due Date', type: 'datetime' },
  { key: 'completed', label: 'Completed', type: 'boolean' },
  { key: 'contactId', label: 'Contact ID' },
];
