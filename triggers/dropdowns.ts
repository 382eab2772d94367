import { contactsApi } from '../src/api/contacts';
import { usersApi } from '../src/api/users';
import { dropdownTrigger, personLabel } from '../src/factories/dropdown';
import { contactIdField } from '../src/fields/common';
import { contactSample } from '../src/fields/contact';

const DROPDOWN_PAGE = 50;

/** Contacts for every contact dropdown, newest first, searchable by HighLevel's free-text query. */
export const contactDropdown = dropdownTrigger({
  key: 'contact_list',
  noun: 'Contact',
  endpoint: contactsApi.searchContacts,
  request: (_input, { page }) => ({
    body: { pageLimit: DROPDOWN_PAGE, page: page + 1, sort: [{ field: 'dateAdded', direction: 'desc' }] },
  }),
  resultKey: 'contacts',
  label: (c) =>
    personLabel(
      [c.firstName ?? c.firstNameRaw, c.lastName ?? c.lastNameRaw].filter(Boolean).join(' ') || c.name || c.contactName,
      c.email,
      c.phone,
      c.id,
    ),
  sample: { ...contactSample, name: 'Rosa Delgado (rosa.delgado@example.com)' },
});

/** The location's users, for assignee and author dropdowns. The endpoint returns them all at once. */
export const userDropdown = dropdownTrigger({
  key: 'user_list',
  noun: 'User',
  endpoint: usersApi.listUsersByLocation,
  paged: false,
  resultKey: 'users',
  label: (u) => personLabel(u.name || [u.firstName, u.lastName].filter(Boolean).join(' '), u.email, u.phone, u.id),
  sample: {
    id: 'y0BeYjuRIlDwsDcOHOJo',
    name: 'Sam Rivera (sam.rivera@example.com)',
    firstName: 'Sam',
    lastName: 'Rivera',
    email: 'sam.rivera@example.com',
  },
});

/** A contact's tasks, for the task dropdown of Update Task and Complete Task. The endpoint returns them all at once. */
export const contactTaskDropdown = dropdownTrigger({
  key: 'contact_task_list',
  noun: 'Task',
  endpoint: contactsApi.listTasks,
  fields: [contactIdField],
  paged: false,
  resultKey: 'tasks',
  label: (t) => `${t.title || t.id}${t.completed ? ' (done)' : ''}`,
  sample: { id: 'lJpzYrWdpkC2hX6t2yue', name: 'Call back about the quote', title: 'Call back about the quote' },
});
