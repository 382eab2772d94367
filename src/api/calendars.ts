import { endpoint } from './endpoint';

// Calendars, appointments, blocked slots, groups, notifications, resources and appointment notes
// (calendars.json). Every calendars.json operation declares `Version: 2021-04-15`.
const version = '2021-04-15' as const;
const spec = 'calendars.json';
const cal = { version, scope: 'calendars.readonly' };
const calWrite = { version, scope: 'calendars.write' };
const groups = { version, scope: 'calendars/groups.readonly' };
const groupsWrite = { version, scope: 'calendars/groups.write' };
const events = { version, scope: 'calendars/events.readonly' };
const eventsWrite = { version, scope: 'calendars/events.write' };
const resources = { version, scope: 'calendars/resources.readonly' };
const resourcesWrite = { version, scope: 'calendars/resources.write' };

export const calendarsApi = {
  listCalendars: endpoint(spec, 'GET /calendars/', { ...cal, operationId: 'get-calendars', locationIn: 'query' }),
  getCalendar: endpoint(spec, 'GET /calendars/{calendarId}', { ...cal, operationId: 'get-calendar' }),
  getFreeSlots: endpoint(spec, 'GET /calendars/{calendarId}/free-slots', { ...cal, operationId: 'get-slots' }),
  createCalendar: endpoint(spec, 'POST /calendars/', { ...calWrite, operationId: 'create-calendar', locationIn: 'body' }),
  updateCalendar: endpoint(spec, 'PUT /calendars/{calendarId}', { ...calWrite, operationId: 'update-calendar' }),
  deleteCalendar: endpoint(spec, 'DELETE /calendars/{calendarId}', { ...calWrite, operationId: 'delete-calendar' }),

  listGroups: endpoint(spec, 'GET /calendars/groups', { ...groups, operationId: 'get-groups', locationIn: 'query' }),
  createGroup: endpoint(spec, 'POST /calendars/groups', { ...groupsWrite, operationId: 'create-calendar-group', locationIn: 'body' }),
  updateGroup: endpoint(spec, 'PUT /calendars/groups/{groupId}', { ...groupsWrite, operationId: 'edit-group' }),
  setGroupStatus: endpoint(spec, 'PUT /calendars/groups/{groupId}/status', { ...groupsWrite, operationId: 'disable-group' }),
  deleteGroup: endpoint(spec, 'DELETE /calendars/groups/{groupId}', { ...groupsWrite, operationId: 'delete-group' }),
  validateGroupSlug: endpoint(spec, 'POST /calendars/groups/validate-slug', {
    ...groupsWrite,
    operationId: 'validate-groups-slug',
    locationIn: 'body',
  }),

  listEvents: endpoint(spec, 'GET /calendars/events', { ...events, operationId: 'get-calendar-events', locationIn: 'query' }),
  listBlockedSlots: endpoint(spec, 'GET /calendars/blocked-slots', { ...events, operationId: 'get-blocked-slots', locationIn: 'query' }),
  getAppointment: endpoint(spec, 'GET /calendars/events/appointments/{eventId}', { ...events, operationId: 'get-appointment' }),
  createAppointment: endpoint(spec, 'POST /calendars/events/appointments', {
    ...eventsWrite,
    operationId: 'create-appointment',
    locationIn: 'body',
  }),
  updateAppointment: endpoint(spec, 'PUT /calendars/events/appointments/{eventId}', { ...eventsWrite, operationId: 'edit-appointment' }),
  deleteEvent: endpoint(spec, 'DELETE /calendars/events/{eventId}', { ...eventsWrite, operationId: 'delete-event' }),
  createBlockSlot: endpoint(spec, 'POST /calendars/events/block-slots', {
    ...eventsWrite,
    operationId: 'create-block-slot',
    locationIn: 'body',
  }),
  updateBlockSlot: endpoint(spec, 'PUT /calendars/events/block-slots/{eventId}', {
    ...eventsWrite,
    operationId: 'edit-block-slot',
    locationIn: 'body',
  }),

  listAppointmentNotes: endpoint(spec, 'GET /calendars/appointments/{appointmentId}/notes', {
    ...events,
    operationId: 'get-appointment-notes',
  }),
  createAppointmentNote: endpoint(spec, 'POST /calendars/appointments/{appointmentId}/notes', {
    ...eventsWrite,
    operationId: 'create-appointment-note',
  }),
  updateAppointmentNote: endpoint(spec, 'PUT /calendars/appointments/{appointmentId}/notes/{noteId}', {
    ...eventsWrite,
    operationId: 'update-appointment-note',
  }),
  deleteAppointmentNote: endpoint(spec, 'DELETE /calendars/appointments/{appointmentId}/notes/{noteId}', {
    ...eventsWrite,
    operationId: 'delete-appointment-note',
  }),

  listNotifications: endpoint(spec, 'GET /calendars/{calendarId}/notifications', { ...events, operationId: 'get-event-notification' }),
  getNotification: endpoint(spec, 'GET /calendars/{calendarId}/notifications/{notificationId}', {
    ...events,
    operationId: 'find-event-notification',
  }),
  createNotifications: endpoint(spec, 'POST /calendars/{calendarId}/notifications', {
    ...eventsWrite,
    operationId: 'create-event-notification',
  }),
  updateNotification: endpoint(spec, 'PUT /calendars/{calendarId}/notifications/{notificationId}', {
    ...eventsWrite,
    operationId: 'update-event-notification',
  }),
  deleteNotification: endpoint(spec, 'DELETE /calendars/{calendarId}/notifications/{notificationId}', {
    ...eventsWrite,
    operationId: 'delete-event-notification',
  }),

  listResources: endpoint(spec, 'GET /calendars/resources/{resourceType}', {
    ...resources,
    operationId: 'fetch-calendar-resources',
    locationIn: 'query',
  }),
  getResource: endpoint(spec, 'GET /calendars/resources/{resourceType}/{id}', { ...resources, operationId: 'get-calendar-resource' }),
  createResource: endpoint(spec, 'POST /calendars/resources/{resourceType}', {
    ...resourcesWrite,
    operationId: 'create-calendar-resource',
    locationIn: 'body',
  }),
  updateResource: endpoint(spec, 'PUT /calendars/resources/{resourceType}/{id}', {
    ...resourcesWrite,
    operationId: 'update-calendar-resource',
  }),
  deleteResource: endpoint(spec, 'DELETE /calendars/resources/{resourceType}/{id}', {
    ...resourcesWrite,
    operationId: 'delete-calendar-resource',
  }),
};
