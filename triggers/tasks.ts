import { contactsApi } from '../src/api/contacts';
import { offsetPages } from '../src/client';
import { MAX_PAGES } from '../src/config';
import { records } from '../src/factories/operation';
import { pollingTrigger } from '../src/factories/trigger';
import { contactIdField } from '../src/fields/common';
import { taskOutputFields, taskSample } from '../src/fields/task';
import * as v from '../src/fields/values';

const PAGE = 100;

/**
 * New Task, location-wide. The task search (`POST /locations/{locationId}/tasks/search`) has no sort and its
 * tasks carry no creation date, so one poll reads the open tasks page by page (100 a page, at most
 * MAX_PAGES pages) and Zapier's dedupe on `id` picks out the new ones. Where a creation or update date is
 * present it orders the result; otherwise HighLevel's order is kept.
 */
export const newTaskTrigger = pollingTrigger({
  key: 'new_task',
  noun: 'Task',
  label: 'New Task',
  description: 'Triggers when a new task is added to any contact in your HighLevel location.',
  endpoint: contactsApi.searchLocationTasks,
  fields: [
    {
      key: 'includeCompleted',
      label: 'Include Completed Tasks',
      helpText: `No (default) watches open tasks only, which keeps each check small. HighLevel's task search cannot sort, so each check reads up to ${PAGE * MAX_PAGES} tasks; in a location with more open tasks than that, a new task may be noticed late.`,
      schema: v.bool(),
      type: 'boolean',
      default: 'false',
    },
    {
      key: 'assignedTo',
      label: 'Assigned User',
      helpText: 'Only tasks assigned to this user (optional).',
      schema: v.id(),
      dynamic: 'user_list.id.name',
    },
  ],
  perform: async (input, ctx) =>
    offsetPages(PAGE, async (skip) => {
      const body = {
        limit: PAGE,
        skip,
        ...(input.includeCompleted ? {} : { completed: false }),
        ...(input.assignedTo ? { assignedTo: [input.assignedTo] } : {}),
      };
      return records((await ctx.call(contactsApi.searchLocationTasks, { body }))?.tasks);
    }),
  newestFirst: (task) => task.dateAdded ?? task.createdAt ?? task.dateUpdated ?? task.updatedAt,
  resultKey: 'tasks',
  sample: taskSample,
  outputFields: taskOutputFields,
});

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
  resultKey: 'tasks',
  sample: taskSample,
  outputFields: taskOutputFields,
});
