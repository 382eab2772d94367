import { newId, pick, Rec, SandboxState } from '../state';
import { assertLocation, contactOf, created, fail, ok, Route, RouteRequest } from './route';

/** What a task answer carries (TaskSchema): the stored dates stay inside, as HighLevel's tasks have none. */
const TASK_FIELDS = ['id', 'title', 'body', 'assignedTo', 'dueDate', 'completed', 'contactId'];
const EDITABLE = ['title', 'body', 'dueDate', 'completed', 'assignedTo'];
const DEFAULT_SEARCH_LIMIT = 10;

const view = (task: Rec) => pick(task, TASK_FIELDS);

function taskOf(req: RouteRequest, state: SandboxState): Rec {
  const contact = contactOf(req, state, req.params.contactId);
  const task = state.tasks.get(req.params.taskId);
  if (!task || task.contactId !== contact.id) fail(404, 'Task not found');
  return task;
}

function saveTask(state: SandboxState, task: Rec, changes: Rec): Rec {
  const updated = { ...task, ...pick(changes, EDITABLE), dateUpdated: state.now() };
  state.tasks.set(task.id, updated);
  return view(updated);
}

/** A location-wide search hit: `_id` (not `id`) and the contact's and assignee's details, as HighLevel answers. */
function searchHit(state: SandboxState, task: Rec): Rec {
  const { id, ...rest } = view(task);
  const contact = state.contacts.get(task.contactId);
  const user = task.assignedTo ? state.users.get(task.assignedTo) : undefined;
  return {
    _id: id,
    ...rest,
    deleted: false,
    contactDetails: contact && { id: contact.id, firstName: contact.firstName, lastName: contact.lastName },
    ...(user ? { assignedToUserDetails: { id: user.id, firstName: user.firstName, lastName: user.lastName, email: user.email } } : {}),
  };
}

export const taskRoutes: Route[] = [
  {
    method: 'GET',
    path: '/contacts/{contactId}/tasks',
    handle(req, state) {
      const contact = contactOf(req, state, req.params.contactId);
      return ok({ tasks: [...state.tasks.values()].filter((t) => t.contactId === contact.id).map(view) });
    },
  },
  {
    method: 'POST',
    path: '/contacts/{contactId}/tasks',
    handle(req, state) {
      const contact = contactOf(req, state, req.params.contactId);
      const now = state.now();
      const task = { id: newId(), ...pick(req.body, EDITABLE), contactId: contact.id, dateAdded: now, dateUpdated: now };
      state.tasks.set(task.id, task);
      return created({ task: view(task) });
    },
  },
  {
    method: 'GET',
    path: '/contacts/{contactId}/tasks/{taskId}',
    handle: (req, state) => ok({ task: view(taskOf(req, state)) }),
  },
  {
    method: 'DELETE',
    path: '/contacts/{contactId}/tasks/{taskId}',
    handle(req, state) {
      state.tasks.delete(taskOf(req, state).id);
      return ok({ succeded: true });
    },
  },
  {
    method: 'PUT',
    path: '/contacts/{contactId}/tasks/{taskId}',
    handle: (req, state) => ok({ task: saveTask(state, taskOf(req, state), req.body) }),
  },
  {
    method: 'PUT',
    path: '/contacts/{contactId}/tasks/{taskId}/completed',
    handle: (req, state) => ok({ task: saveTask(state, taskOf(req, state), { completed: req.body.completed }) }),
  },
  {
    // skip/limit paging over the location's tasks in creation order; no sort (HighLevel's search has none).
    method: 'POST',
    path: '/locations/{locationId}/tasks/search',
    handle(req, state) {
      assertLocation(req, req.params.locationId);
      const { contactId, completed, assignedTo, query } = req.body;
      const skip = Number(req.body.skip) || 0;
      const limit = Number(req.body.limit) || DEFAULT_SEARCH_LIMIT;
      const tasks = [...state.tasks.values()].filter(
        (t) =>
          state.contacts.get(t.contactId)?.locationId === req.locationId &&
          (!Array.isArray(contactId) || contactId.includes(t.contactId)) &&
          (typeof completed !== 'boolean' || t.completed === completed) &&
          (!Array.isArray(assignedTo) || assignedTo.includes(t.assignedTo)) &&
          (!query || `${t.title} ${t.body ?? ''}`.toLowerCase().includes(String(query).toLowerCase())),
      );
      return ok({ tasks: tasks.slice(skip, skip + limit).map((t) => searchHit(state, t)) });
    },
  },
];
