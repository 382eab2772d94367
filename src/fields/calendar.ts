import { FieldDef, OutputField } from './field';
import * as v from './values';

// Calendars and the things configured around them: groups, resources (rooms, equipment) and notifications.

export const calendarIdField: FieldDef = {
  key: 'calendarId',
  label: 'Calendar',
  helpText: 'The HighLevel calendar. Pick one, search by name, or map a calendar ID from an earlier step.',
  schema: v.id(),
  required: true,
  dynamic: 'calendar_list.id.name',
  search: 'find_calendar.id',
};

export const groupIdField: FieldDef = {
  key: 'groupId',
  label: 'Calendar Group',
  helpText: 'The calendar group. Pick one, search by name, or map a group ID.',
  schema: v.id(),
  required: true,
  dynamic: 'calendar_group_list.id.name',
  search: 'find_calendar_group.id',
};

export const RESOURCE_TYPES = ['equipments', 'rooms'] as const;

export const resourceTypeField: FieldDef = {
  key: 'resourceType',
  label: 'Resource Type',
  helpText: 'Whether the resource is a room or a piece of equipment.',
  schema: v.oneOf(RESOURCE_TYPES),
  required: true,
  choices: { rooms: 'Room', equipments: 'Equipment' },
  altersDynamicFields: true,
};

export const resourceIdField: FieldDef = {
  key: 'resourceId',
  label: 'Resource',
  helpText: 'The room or equipment (choose the resource type first), or map a resource ID.',
  schema: v.id(),
  required: true,
  dynamic: 'calendar_resource_list.id.name',
  search: 'find_calendar_resource.id',
};

export const notificationIdField: FieldDef = {
  key: 'notificationId',
  label: 'Notification',
  helpText: "One of the calendar's notifications (choose the calendar first), or map a notification ID.",
  schema: v.id(),
  required: true,
  dynamic: 'calendar_notification_list.id.name',
  search: 'find_calendar_notification.id',
};

const CALENDAR_TYPES = ['event', 'round_robin', 'class_booking', 'collective', 'service_booking', 'personal'] as const;
const UNITS = ['mins', 'hours'] as const;

/** Calendar fields (CalendarCreateDTO / CalendarUpdateDTO): the settings people set from a zap. */
export const calendarFields: FieldDef[] = [
  { key: 'name', label: 'Name', helpText: 'The calendar name bookers see, e.g. "Discovery Call".', schema: v.text(200) },
  {
    key: 'description',
    label: 'Description',
    helpText: 'What the booking is about, shown on the booking page.',
    schema: v.text(5000),
    type: 'text',
  },
  {
    key: 'calendarType',
    label: 'Calendar Type',
    helpText: 'How bookings are shared among team members. Event (default) is a simple calendar.',
    schema: v.oneOf(CALENDAR_TYPES),
    choices: {
      event: 'Event',
      round_robin: 'Round Robin',
      class_booking: 'Class Booking',
      collective: 'Collective',
      service_booking: 'Service Booking',
      personal: 'Personal',
    },
  },
  { ...groupIdField, required: false, helpText: 'The group the calendar belongs to (optional).' },
  { key: 'slug', label: 'Slug', helpText: 'The URL part of the booking link, e.g. "discovery-call".', schema: v.text(100) },
  {
    key: 'eventTitle',
    label: 'Appointment Title',
    helpText: 'Title given to booked appointments, e.g. "{{contact.name}} – Discovery Call".',
    schema: v.text(300),
  },
  { key: 'eventColor', label: 'Color', helpText: 'Hex color of the calendar, e.g. #039be5.', schema: v.text(20) },
  {
    key: 'slotDuration',
    label: 'Slot Duration',
    helpText: 'How long one appointment lasts (in the Slot Duration Unit), e.g. 30.',
    schema: v.integer(1, 1440),
    type: 'integer',
  },
  {
    key: 'slotDurationUnit',
    label: 'Slot Duration Unit',
    helpText: 'Minutes (default) or hours.',
    schema: v.oneOf(UNITS),
    choices: { mins: 'Minutes', hours: 'Hours' },
  },
  {
    key: 'slotInterval',
    label: 'Slot Interval',
    helpText: 'Minutes between the start of two bookable slots, e.g. 30.',
    schema: v.integer(1, 1440),
    type: 'integer',
  },
  {
    key: 'appoinmentPerSlot',
    label: 'Appointments per Slot',
    helpText: 'How many bookings one slot accepts.',
    schema: v.integer(1, 1000),
    type: 'integer',
  },
  {
    key: 'appoinmentPerDay',
    label: 'Appointments per Day',
    helpText: 'The most bookings the calendar accepts in one day.',
    schema: v.integer(1, 1000),
    type: 'integer',
  },
  {
    key: 'autoConfirm',
    label: 'Auto Confirm',
    helpText: 'Yes confirms new bookings at once; No leaves them for a person to confirm.',
    schema: v.bool(),
    type: 'boolean',
  },
  {
    key: 'allowReschedule',
    label: 'Allow Reschedule',
    helpText: 'Whether bookers may reschedule from their confirmation.',
    schema: v.bool(),
    type: 'boolean',
  },
  {
    key: 'allowCancellation',
    label: 'Allow Cancellation',
    helpText: 'Whether bookers may cancel from their confirmation.',
    schema: v.bool(),
    type: 'boolean',
  },
  {
    key: 'teamMembers',
    label: 'Team Members',
    helpText: 'Users who take bookings on this calendar (one per line). Replaces the current team on update.',
    schema: v.stringList(v.id()),
    list: true,
    dynamic: 'user_list.id.name',
  },
  { key: 'isActive', label: 'Active', helpText: 'No hides the calendar from booking.', schema: v.bool(), type: 'boolean' },
];

/** The calendar fields as HighLevel wants them: team members are objects. */
export function calendarBody(input: Record<string, any>): Record<string, unknown> {
  const { teamMembers, calendarId: _calendarId, ...rest } = input;
  return { ...rest, ...(teamMembers ? { teamMembers: (teamMembers as string[]).map((userId) => ({ userId })) } : {}) };
}

export const calendarSample = {
  id: '0TkCdp9PfvLeWKYRRvIz',
  locationId: 've9EPM428h8vShlRW1KT',
  groupId: 'BqTwX8QFwXzpegMve9EQ',
  name: 'Discovery Call',
  description: 'A 30-minute call to scope your project.',
  slug: 'discovery-call',
  widgetSlug: 'discovery-call',
  calendarType: 'event',
  eventTitle: 'Discovery Call with {{contact.name}}',
  eventColor: '#039be5',
  slotDuration: 30,
  slotDurationUnit: 'mins',
  slotInterval: 30,
  slotIntervalUnit: 'mins',
  appoinmentPerSlot: 1,
  autoConfirm: true,
  allowReschedule: true,
  allowCancellation: true,
  isActive: true,
  teamMembers: [{ userId: 'y0BeYjuRIlDwsDcOHOJo', priority: 1, isPrimary: true }],
};

export const calendarOutputFields: OutputField[] = [
  { key: 'id', label: 'Calendar ID' },
  { key: 'name', label: 'Name' },
  { key: 'description', label: 'Description' },
  { key: 'calendarType', label: 'Calendar Type' },
  { key: 'groupId', label: 'Calendar Group ID' },
  { key: 'slug', label: 'Slug' },
  { key: 'slotDuration', label: 'Slot Duration', type: 'number' },
  { key: 'slotDurationUnit', label: 'Slot Duration Unit' },
  { key: 'autoConfirm', label: 'Auto Confirm', type: 'boolean' },
  { key: 'isActive', label: 'Active', type: 'boolean' },
  { key: 'locationId', label: 'Location ID' },
];

/** Group fields (GroupCreateDTO / GroupUpdateDTO: name, description and slug are all required). */
export const groupFields: FieldDef[] = [
  { key: 'name', label: 'Name', helpText: 'The group name, e.g. "Sales Team".', schema: v.text(200), required: true },
  {
    key: 'description',
    label: 'Description',
    helpText: 'What the calendars in this group are for.',
    schema: v.text(2000),
    required: true,
    type: 'text',
  },
  {
    key: 'slug',
    label: 'Slug',
    helpText: 'The URL part of the group booking link, e.g. "sales". Letters, digits and dashes.',
    schema: v.text(100),
    required: true,
  },
];

export const groupSample = {
  id: 'BqTwX8QFwXzpegMve9EQ',
  locationId: 've9EPM428h8vShlRW1KT',
  name: 'Sales Team',
  description: 'Calendars of the sales reps.',
  slug: 'sales',
  isActive: true,
};

export const groupOutputFields: OutputField[] = [
  { key: 'id', label: 'Calendar Group ID' },
  { key: 'name', label: 'Name' },
  { key: 'description', label: 'Description' },
  { key: 'slug', label: 'Slug' },
  { key: 'isActive', label: 'Active', type: 'boolean' },
];

/** Resource fields (CreateCalendarResourceDTO / UpdateCalendarResourceDTO). */
export const resourceFields: FieldDef[] = [
  { key: 'name', label: 'Name', helpText: 'The room or equipment name, e.g. "Yoga Room".', schema: v.text(200) },
  {
    key: 'description',
    label: 'Description',
    helpText: 'Details staff should know about the resource.',
    schema: v.text(2000),
    type: 'text',
  },
  {
    key: 'quantity',
    label: 'Quantity',
    helpText: 'How many of this resource exist (e.g. 3 projectors).',
    schema: v.integer(0, 100000),
    type: 'integer',
  },
  {
    key: 'outOfService',
    label: 'Out of Service',
    helpText: 'How many of them cannot be booked right now.',
    schema: v.integer(0, 100000),
    type: 'integer',
  },
  {
    key: 'capacity',
    label: 'Capacity',
    helpText: 'How many people the room holds (use 1 for equipment).',
    schema: v.integer(0, 100000),
    type: 'integer',
  },
  {
    key: 'calendarIds',
    label: 'Calendars',
    helpText: 'The calendars whose appointments use this resource (one per line).',
    schema: v.stringList(v.id()),
    list: true,
    dynamic: 'calendar_list.id.name',
  },
];

export const resourceSample = {
  id: 'Rm4xZ2qPfvLeWKYRRvab',
  locationId: 've9EPM428h8vShlRW1KT',
  name: 'Yoga Room',
  resourceType: 'rooms',
  isActive: true,
  description: 'Second floor, mats provided.',
  quantity: 1,
  outOfService: 0,
  capacity: 12,
  calendarIds: ['0TkCdp9PfvLeWKYRRvIz'],
};

export const resourceOutputFields: OutputField[] = [
  { key: 'id', label: 'Resource ID' },
  { key: 'name', label: 'Name' },
  { key: 'resourceType', label: 'Resource Type' },
  { key: 'description', label: 'Description' },
  { key: 'quantity', label: 'Quantity', type: 'number' },
  { key: 'outOfService', label: 'Out of Service', type: 'number' },
  { key: 'capacity', label: 'Capacity', type: 'number' },
  { key: 'isActive', label: 'Active', type: 'boolean' },
];

const RECEIVERS = ['contact', 'guest', 'assignedUser', 'emails', 'phoneNumbers', 'business'] as const;
const CHANNELS = ['email', 'inApp', 'sms', 'whatsapp'] as const;
export const NOTIFICATION_TYPES = ['booked', 'confirmation', 'cancellation', 'reminder', 'followup', 'reschedule'] as const;
/** The booking events a notification is sent on, as the step shows them. */
export const notificationTypeChoices: Record<(typeof NOTIFICATION_TYPES)[number], string> = {
  booked: 'Booked',
  confirmation: 'Confirmation',
  cancellation: 'Cancellation',
  reminder: 'Reminder',
  followup: 'Follow-up',
  reschedule: 'Reschedule',
};

/** Notification fields (CreateCalendarNotificationDTO / UpdateCalendarNotificationsDTO). */
export const notificationFields: FieldDef[] = [
  {
    key: 'notificationType',
    label: 'Notification Type',
    helpText: 'Which booking event sends it: booked, confirmation, cancellation, reminder, follow-up or reschedule.',
    schema: v.oneOf(NOTIFICATION_TYPES),
    choices: notificationTypeChoices,
  },
  {
    key: 'receiverType',
    label: 'Recipient',
    helpText: 'Who receives it: the contact, guests, the assigned user, the business, or the listed emails/phone numbers.',
    schema: v.oneOf(RECEIVERS),
    choices: {
      contact: 'Contact',
      guest: 'Guests',
      assignedUser: 'Assigned User',
      business: 'Business',
      emails: 'Listed Emails',
      phoneNumbers: 'Listed Phone Numbers',
    },
  },
  {
    key: 'channel',
    label: 'Channel',
    helpText: 'How it is sent.',
    schema: v.oneOf(CHANNELS),
    choices: { email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp', inApp: 'In-App' },
  },
  { key: 'subject', label: 'Subject', helpText: 'Email subject line (email channel).', schema: v.text(300) },
  {
    key: 'body',
    label: 'Message',
    helpText: 'The message text. HighLevel merge fields such as {{contact.name}} work here.',
    schema: v.text(10000),
    type: 'text',
  },
  {
    key: 'additionalEmails',
    label: 'Email Addresses',
    helpText: 'Recipients when Recipient is "Listed Emails" (one per line).',
    schema: v.stringList(v.email()),
    list: true,
  },
  {
    key: 'additionalPhoneNumbers',
    label: 'Phone Numbers',
    helpText: 'Recipients when Recipient is "Listed Phone Numbers" (one per line, with country code).',
    schema: v.stringList(v.phone()),
    list: true,
  },
  {
    key: 'beforeHours',
    label: 'Hours Before',
    helpText: 'For reminders: send this many hours before the appointment.',
    schema: v.integer(1, 24 * 60),
    type: 'integer',
  },
  {
    key: 'afterHours',
    label: 'Hours After',
    helpText: 'For follow-ups: send this many hours after the appointment.',
    schema: v.integer(1, 24 * 60),
    type: 'integer',
  },
  { key: 'isActive', label: 'Active', helpText: 'No keeps the notification but stops sending it.', schema: v.bool(), type: 'boolean' },
];

/** Notification fields as HighLevel wants them: schedules are `[{ timeOffset, unit }]`. */
export function notificationBody(input: Record<string, any>): Record<string, unknown> {
  const { beforeHours, afterHours, additionalEmails, calendarId: _c, notificationId: _n, ...rest } = input;
  return {
    ...rest,
    ...(additionalEmails ? { additionalEmailIds: additionalEmails } : {}),
    ...(beforeHours ? { beforeTime: [{ timeOffset: beforeHours, unit: 'hours' }] } : {}),
    ...(afterHours ? { afterTime: [{ timeOffset: afterHours, unit: 'hours' }] } : {}),
  };
}

export const notificationSample = {
  id: '65f1c2d4e8a1b2c3d4e5f601',
  _id: '65f1c2d4e8a1b2c3d4e5f601',
  calendarId: '0TkCdp9PfvLeWKYRRvIz',
  receiverType: 'contact',
  channel: 'email',
  notificationType: 'reminder',
  isActive: true,
  subject: 'See you tomorrow',
  body: 'Hi {{contact.first_name}}, a reminder of your appointment tomorrow.',
  beforeTime: [{ timeOffset: 24, unit: 'hours' }],
  deleted: false,
};

export const notificationOutputFields: OutputField[] = [
  { key: 'id', label: 'Notification ID' },
  { key: 'calendarId', label: 'Calendar ID' },
  { key: 'notificationType', label: 'Notification Type' },
  { key: 'receiverType', label: 'Recipient' },
  { key: 'channel', label: 'Channel' },
  { key: 'subject', label: 'Subject' },
  { key: 'body', label: 'Message' },
  { key: 'isActive', label: 'Active', type: 'boolean' },
];

/** What the editor shows for a notification (they have no name). */
export function notificationLabel(n: Record<string, any>): string {
  const when = n.beforeTime?.[0] ? ` (${n.beforeTime[0].timeOffset} ${n.beforeTime[0].unit} before)` : '';
  return `${n.notificationType ?? 'notification'} ${n.channel ?? ''} to ${n.receiverType ?? 'recipient'}${when}`
    .replace(/\s+/g, ' ')
    .trim();
}
