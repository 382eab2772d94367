import { calendarsApi } from '../src/api/calendars';
import { createAction } from '../src/factories/create';
import { deleteAction } from '../src/factories/delete';
import { Input, OutputField } from '../src/factories/operation';
import {
  calendarBody,
  calendarFields,
  calendarIdField,
  calendarOutputFields,
  calendarSample,
  groupFields,
  groupIdField,
  groupOutputFields,
  groupSample,
  notificationBody,
  notificationFields,
  notificationIdField,
  notificationOutputFields,
  notificationSample,
  resourceFields,
  resourceIdField,
  resourceOutputFields,
  resourceSample,
  resourceTypeField,
} from '../src/fields/calendar';
import { required } from '../src/fields/field';
import * as v from '../src/fields/values';

// ---- Calendars ----

const [calendarName, ...calendarRest] = calendarFields;

export const createCalendar = createAction({
  key: 'create_calendar',
  noun: 'Calendar',
  label: 'Create Calendar',
  description: 'Creates a booking calendar in your HighLevel location.',
  endpoint: calendarsApi.createCalendar,
  fields: [required(calendarName), ...calendarRest],
  request: (input) => ({ body: calendarBody(input) }),
  resultKey: 'calendar',
  sample: calendarSample,
  outputFields: calendarOutputFields,
});

export const updateCalendar = createAction({
  key: 'update_calendar',
  noun: 'Calendar',
  label: 'Update Calendar',
  description: "Changes a calendar's settings. Only the fields you fill in are changed.",
  endpoint: calendarsApi.updateCalendar,
  // CalendarUpdateDTO has no calendarType (a calendar's type is fixed at creation): HighLevel would answer 422
  fields: [calendarIdField, ...calendarFields.filter((f) => f.key !== 'calendarType')],
  request: (input) => ({ path: { calendarId: input.calendarId }, body: calendarBody(input) }),
  resultKey: 'calendar',
  sample: calendarSample,
  outputFields: calendarOutputFields,
});

export const deleteCalendar = deleteAction({
  key: 'delete_calendar',
  noun: 'Calendar',
  description: 'Deletes a calendar. Its booked appointments are not kept bookable.',
  endpoint: calendarsApi.deleteCalendar,
  fields: [calendarIdField],
  idKey: 'calendarId',
  answer: { success: true },
});

// ---- Calendar groups ----

export const createCalendarGroup = createAction({
  key: 'create_calendar_group',
  noun: 'Calendar Group',
  label: 'Create Calendar Group',
  description: 'Creates a calendar group (a shared booking page for several calendars).',
  endpoint: calendarsApi.createGroup,
  fields: [
    ...groupFields,
    { key: 'isActive', label: 'Active', helpText: 'No creates the group disabled.', schema: v.bool(), type: 'boolean' },
  ],
  resultKey: 'group',
  sample: groupSample,
  outputFields: groupOutputFields,
});

export const updateCalendarGroup = createAction({
  key: 'update_calendar_group',
  noun: 'Calendar Group',
  label: 'Update Calendar Group',
  description: "Changes a calendar group's name, description and slug (HighLevel needs all three).",
  endpoint: calendarsApi.updateGroup,
  fields: [groupIdField, ...groupFields],
  resultKey: 'group',
  sample: groupSample,
  outputFields: groupOutputFields,
});

export const updateCalendarGroupStatus = createAction({
  key: 'update_calendar_group_status',
  noun: 'Calendar Group',
  label: 'Enable or Disable Calendar Group',
  description: 'Turns a calendar group on or off for booking.',
  endpoint: calendarsApi.setGroupStatus,
  fields: [
    groupIdField,
    {
      key: 'isActive',
      label: 'Active',
      helpText: 'Yes enables the group for booking; No disables it.',
      schema: v.bool(),
      required: true,
      type: 'boolean',
    },
  ],
  result: (data, input) => ({ ...data, id: input.groupId, isActive: input.isActive }),
  sample: { id: 'BqTwX8QFwXzpegMve9EQ', success: true, isActive: false },
  outputFields: [
    { key: 'id', label: 'Calendar Group ID' },
    { key: 'isActive', label: 'Active', type: 'boolean' },
    { key: 'success', label: 'Success', type: 'boolean' },
  ],
});

export const deleteCalendarGroup = deleteAction({
  key: 'delete_calendar_group',
  noun: 'Calendar Group',
  description: 'Deletes a calendar group. Its calendars are kept.',
  endpoint: calendarsApi.deleteGroup,
  fields: [groupIdField],
  idKey: 'groupId',
  answer: { success: true },
});

// ---- Calendar resources (rooms, equipment) ----

// The spec's resource answers declare no id: the one asked for wins, else whatever id HighLevel sends (`_id` is mapped by the factory).
const resourceResult = (data: any, input: Input) => ({ resourceType: input.resourceType, ...data, id: input.resourceId ?? data?.id });

export const createCalendarResource = createAction({
  key: 'create_calendar_resource',
  noun: 'Calendar Resource',
  label: 'Create Calendar Resource',
  description: 'Adds a room or piece of equipment that appointments can book.',
  endpoint: calendarsApi.createResource,
  // HighLevel requires every one of these when creating.
  fields: [resourceTypeField, ...resourceFields.map(required)],
  result: resourceResult,
  sample: resourceSample,
  outputFields: resourceOutputFields,
});

export const updateCalendarResource = createAction({
  key: 'update_calendar_resource',
  noun: 'Calendar Resource',
  label: 'Update Calendar Resource',
  description: 'Changes a room or piece of equipment. Only the fields you fill in are changed.',
  endpoint: calendarsApi.updateResource,
  fields: [
    resourceTypeField,
    resourceIdField,
    ...resourceFields,
    { key: 'isActive', label: 'Active', helpText: 'No stops the resource from being booked.', schema: v.bool(), type: 'boolean' },
  ],
  pathFrom: { id: 'resourceId' },
  result: resourceResult,
  sample: resourceSample,
  outputFields: resourceOutputFields,
});

export const deleteCalendarResource = deleteAction({
  key: 'delete_calendar_resource',
  noun: 'Calendar Resource',
  description: 'Deletes a room or piece of equipment.',
  endpoint: calendarsApi.deleteResource,
  fields: [resourceTypeField, resourceIdField],
  pathFrom: { id: 'resourceId' },
  idKey: 'resourceId',
  answer: { success: true },
});

// ---- Calendar notifications ----

const [notificationType, receiverType, channel, ...notificationRest] = notificationFields;

/** HighLevel takes an ARRAY of notifications and answers with an array: this action creates one. */
export const createCalendarNotification = createAction({
  key: 'create_calendar_notification',
  noun: 'Calendar Notification',
  label: 'Create Calendar Notification',
  description: 'Adds an email, SMS, WhatsApp or in-app notification to a calendar (e.g. a reminder before appointments).',
  endpoint: calendarsApi.createNotifications,
  fields: [calendarIdField, required(notificationType), required(receiverType), required(channel), ...notificationRest],
  request: (input) => ({ path: { calendarId: input.calendarId }, body: [notificationBody(input)] }),
  result: (data, input) => ({ ...((Array.isArray(data) ? data[0] : data) ?? {}), calendarId: input.calendarId }),
  sample: notificationSample,
  sampleAnswer: [notificationSample],
  outputFields: notificationOutputFields,
});

const notificationUpdateOutput: OutputField[] = [
  { key: 'id', label: 'Notification ID' },
  { key: 'calendarId', label: 'Calendar ID' },
  { key: 'message', label: 'Message from HighLevel' },
];

export const updateCalendarNotification = createAction({
  key: 'update_calendar_notification',
  noun: 'Calendar Notification',
  label: 'Update Calendar Notification',
  description: "Changes one of a calendar's notifications. Only the fields you fill in are changed.",
  endpoint: calendarsApi.updateNotification,
  fields: [calendarIdField, notificationIdField, ...notificationFields],
  request: (input) => ({ path: { calendarId: input.calendarId, notificationId: input.notificationId }, body: notificationBody(input) }),
  // HighLevel answers only `{ message }`.
  result: (data, input) => ({ ...data, id: input.notificationId, calendarId: input.calendarId }),
  sample: { id: '65f1c2d4e8a1b2c3d4e5f601', calendarId: '0TkCdp9PfvLeWKYRRvIz', message: 'Notification updated successfully' },
  outputFields: notificationUpdateOutput,
});

export const deleteCalendarNotification = deleteAction({
  key: 'delete_calendar_notification',
  noun: 'Calendar Notification',
  description: "Deletes one of a calendar's notifications.",
  endpoint: calendarsApi.deleteNotification,
  fields: [calendarIdField, notificationIdField],
  idKey: 'notificationId',
  answer: { message: 'Notification deleted successfully' },
});
