import { calendarsApi } from '../api/calendars';
import { Context, Item } from '../factories/operation';
import { formatInZone, isLocalDateTime, isoInZone, MS, parseDateTime, pickTimeZone, toEpochMs } from '../time';
import { wallClockZone } from '../wallClock';
import { calendarIdField } from './calendar';
import { assignedUserField } from './common';
import { FieldDef, OutputField } from './field';
import * as v from './values';

// Appointments (calendar events), blocked slots and appointment notes, and the time-zone rules for their
// date-time inputs (see src/time.ts for gaps and overlaps).

/**
 * A date-time as the zap gave it. It is NOT converted here: a value without an offset means a wall-clock time
 * whose zone (the calendar's, else the sub-account's, else the zap's) is only known once the calendar has been read.
 */
export const zonedDateTime = () =>
  v.lazy((z) =>
    z.preprocess(
      (value) => (typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : value),
      z
        .string({ error: 'must be a date and time, e.g. 2026-03-10 09:00 or 2026-03-10T09:00:00-05:00' })
        .refine((s) => parseDateTime(s) !== undefined, 'must be a date and time, e.g. 2026-03-10 09:00 or 2026-03-10T09:00:00-05:00'),
    ),
  );

export const ZONE_HELP =
  "E.g. 2026-03-10 09:00, read in the calendar's time zone (else your sub-account's time zone, else your zap's, else UTC), or 2026-03-10T09:00:00-05:00 for that exact moment.";

export const appointmentIdField: FieldDef = {
  key: 'appointmentId',
  label: 'Appointment',
  helpText: 'The appointment. Choose the calendar to list its appointments, search for it, or map an appointment ID.',
  schema: v.id(),
  required: true,
  dynamic: 'appointment_list.id.name',
  search: 'find_appointment.id',
};

/** Shown next to an appointment dropdown: it lists the chosen calendar's appointments. */
export const appointmentCalendarField: FieldDef = {
  ...calendarIdField,
  required: false,
  helpText: 'The calendar whose appointments the Appointment dropdown lists. Leave empty when you map an appointment ID.',
  altersDynamicFields: true,
};

export const noteIdField: FieldDef = {
  key: 'noteId',
  label: 'Note',
  helpText: "One of the appointment's notes (choose the appointment first), or map a note ID.",
  schema: v.id(),
  required: true,
  dynamic: 'appointment_note_list.id.name',
};

const STATUSES = ['new', 'confirmed', 'cancelled', 'showed', 'noshow', 'invalid'] as const;
const MEETING_TYPES = ['custom', 'zoom', 'gmeet', 'phone', 'address', 'ms_teams', 'google'] as const;

export const startTimeField: FieldDef = {
  key: 'startTime',
  label: 'Start Time',
  helpText: `When it starts. ${ZONE_HELP}`,
  schema: zonedDateTime(),
};

export const endTimeField: FieldDef = {
  key: 'endTime',
  label: 'End Time',
  helpText: "When it ends, e.g. 2026-03-10 09:30 (same time zone as Start Time). Leave empty for the calendar's slot length.",
  schema: zonedDateTime(),
};

/** Appointment fields (AppointmentCreateSchema / AppointmentEditSchema), without the ids. */
export const appointmentFields: FieldDef[] = [
  startTimeField,
  endTimeField,
  { key: 'title', label: 'Title', helpText: 'Appointment title, e.g. "Discovery Call with Rosa".', schema: v.text(300) },
  {
    key: 'appointmentStatus',
    label: 'Status',
    helpText: 'Booking status. HighLevel uses "confirmed" when left empty on a calendar that auto-confirms.',
    schema: v.oneOf(STATUSES),
    choices: { new: 'New', confirmed: 'Confirmed', cancelled: 'Cancelled', showed: 'Showed', noshow: 'No Show', invalid: 'Invalid' },
  },
  { ...assignedUserField, key: 'assignedUserId', helpText: 'The team member who runs the appointment.' },
  {
    key: 'meetingLocationType',
    label: 'Meeting Type',
    helpText: 'Where it happens: custom, Zoom, Google Meet, phone, address or Microsoft Teams.',
    schema: v.oneOf(MEETING_TYPES),
    choices: {
      custom: 'Custom',
      zoom: 'Zoom',
      gmeet: 'Google Meet',
      google: 'Google',
      phone: 'Phone',
      address: 'Address',
      ms_teams: 'Microsoft Teams',
    },
  },
  { key: 'address', label: 'Meeting Location', helpText: 'The address, phone number or meeting link.', schema: v.text(1000) },
  { key: 'description', label: 'Description', helpText: 'Notes for the attendees.', schema: v.text(5000), type: 'text' },
  {
    key: 'ignoreFreeSlotValidation',
    label: 'Book Outside Free Slots',
    helpText: 'Yes books the time even if the calendar shows it as taken or outside opening hours.',
    schema: v.bool(),
    type: 'boolean',
  },
  {
    key: 'ignoreDateRange',
    label: 'Ignore Booking Window',
    helpText: "Yes books the time even if it is outside the calendar's allowed booking range.",
    schema: v.bool(),
    type: 'boolean',
  },
  {
    key: 'toNotify',
    label: 'Send Notifications',
    helpText: "Yes runs the calendar's notifications and automations for this booking.",
    schema: v.bool(),
    type: 'boolean',
  },
];

const DATE_KEYS = ['startTime', 'endTime', 'dateAdded', 'dateUpdated'] as const;

/** An appointment or blocked slot as the zap sees it: `id`, and dates as ISO-8601 with the zone's offset. */
export function appointmentOutput(record: Item, timeZone: string): Item {
  const out: Item = { ...record };
  for (const key of DATE_KEYS) if (out[key] !== undefined && out[key] !== null) out[key] = isoInZone(out[key], timeZone);
  return out;
}

/** The zap's own time zone (Zapier passes it in `bundle.meta.timezone`), else UTC. */
export function zapTimeZone(ctx: Context): string {
  return pickTimeZone((ctx.bundle.meta as Record<string, unknown> | undefined)?.timezone);
}

/**
 * The zone for a calendar's wall-clock times: the calendar's own, when its record has one (`timezone`; the spec
 * does not declare it, so it is optional), else the sub-account's (the location's `timezone`), else the zap's,
 * else UTC (src/wallClock.ts).
 */
export async function calendarTimeZone(ctx: Context, calendarId: string | undefined): Promise<string> {
  if (calendarId) {
    const data = await ctx.call(calendarsApi.getCalendar, { path: { calendarId } }, { notFoundAsNull: true });
    const calendar = data?.calendar ?? {};
    return wallClockZone(ctx.z, ctx.bundle, calendar.timezone, calendar.timeZone);
  }
  return wallClockZone(ctx.z, ctx.bundle);
}

/**
 * The given date-time inputs as ISO-8601 with offset (what appointment and block-slot bodies take), and the zone
 * used. The calendar is read only when some value has no offset of its own.
 */
export async function resolveDateTimes(
  ctx: Context,
  input: Record<string, any>,
  keys: string[],
  calendarId: () => Promise<string | undefined>,
): Promise<{ values: Record<string, string>; timeZone: string }> {
  const present = keys.filter((k) => input[k] !== undefined);
  const needsZone = present.some((k) => isLocalDateTime(input[k]));
  const timeZone = needsZone ? await calendarTimeZone(ctx, await calendarId()) : zapTimeZone(ctx);
  const values: Record<string, string> = {};
  for (const k of present) values[k] = formatInZone(toEpochMs(input[k], timeZone)!, timeZone);
  return { values, timeZone };
}

/** The appointment window the triggers and dropdowns read, in epoch ms (what GET /calendars/events takes). */
export const WINDOW_DAYS_BACK = 30;
export const WINDOW_DAYS_AHEAD = 90;
export function eventWindow(now = Date.now()): { startTime: string; endTime: string } {
  return { startTime: String(now - WINDOW_DAYS_BACK * MS.DAY), endTime: String(now + WINDOW_DAYS_AHEAD * MS.DAY) };
}

/** A calendar event (CalendarEventDTO) as the zap sees it. */
export const appointmentSample = {
  id: 'ocWd2wuBGAQzh2cH1fSZ',
  title: 'Discovery Call with Rosa Delgado',
  calendarId: '0TkCdp9PfvLeWKYRRvIz',
  locationId: 've9EPM428h8vShlRW1KT',
  contactId: 'seD4PfOuKoVMLkEZqohJ',
  groupId: 'BqTwX8QFwXzpegMve9EQ',
  appointmentStatus: 'confirmed',
  assignedUserId: 'y0BeYjuRIlDwsDcOHOJo',
  users: ['y0BeYjuRIlDwsDcOHOJo'],
  address: 'https://meet.google.com/yqp-gogr-wve',
  notes: 'Wants a quote for the spring campaign.',
  description: 'Scope the spring campaign.',
  isRecurring: false,
  startTime: '2026-03-10T09:00:00-04:00',
  endTime: '2026-03-10T09:30:00-04:00',
  dateAdded: '2026-03-02T14:12:45-05:00',
  dateUpdated: '2026-03-02T14:12:45-05:00',
  createdBy: { userId: 'y0BeYjuRIlDwsDcOHOJo', source: 'zapier' },
};

export const appointmentOutputFields: OutputField[] = [
  { key: 'id', label: 'Appointment ID' },
  { key: 'title', label: 'Title' },
  { key: 'calendarId', label: 'Calendar ID' },
  { key: 'contactId', label: 'Contact ID' },
  { key: 'groupId', label: 'Calendar Group ID' },
  { key: 'appointmentStatus', label: 'Status' },
  { key: 'assignedUserId', label: 'Assigned User ID' },
  { key: 'address', label: 'Meeting Location' },
  { key: 'startTime', label: 'Start Time', type: 'datetime' },
  { key: 'endTime', label: 'End Time', type: 'datetime' },
  { key: 'dateAdded', label: 'Date Added', type: 'datetime' },
  { key: 'dateUpdated', label: 'Date Updated', type: 'datetime' },
  { key: 'notes', label: 'Notes' },
  { key: 'description', label: 'Description' },
  { key: 'isRecurring', label: 'Recurring', type: 'boolean' },
];

/** What create/update appointment answer (AppointmentSchemaResponse). */
export const savedAppointmentSample = {
  id: 'ocWd2wuBGAQzh2cH1fSZ',
  calendarId: '0TkCdp9PfvLeWKYRRvIz',
  locationId: 've9EPM428h8vShlRW1KT',
  contactId: 'seD4PfOuKoVMLkEZqohJ',
  title: 'Discovery Call with Rosa Delgado',
  appointmentStatus: 'confirmed',
  assignedUserId: 'y0BeYjuRIlDwsDcOHOJo',
  address: 'https://meet.google.com/yqp-gogr-wve',
  meetingLocationType: 'gmeet',
  startTime: '2026-03-10T09:00:00-04:00',
  endTime: '2026-03-10T09:30:00-04:00',
  isRecurring: false,
};

export const savedAppointmentOutputFields: OutputField[] = [
  { key: 'id', label: 'Appointment ID' },
  { key: 'title', label: 'Title' },
  { key: 'calendarId', label: 'Calendar ID' },
  { key: 'contactId', label: 'Contact ID' },
  { key: 'appointmentStatus', label: 'Status' },
  { key: 'assignedUserId', label: 'Assigned User ID' },
  { key: 'address', label: 'Meeting Location' },
  { key: 'meetingLocationType', label: 'Meeting Type' },
  { key: 'startTime', label: 'Start Time', type: 'datetime' },
  { key: 'endTime', label: 'End Time', type: 'datetime' },
];

export const blockedSlotSample = {
  id: 'Bk7pQ2wuBGAQzh2cH1aa',
  locationId: 've9EPM428h8vShlRW1KT',
  title: 'Team offsite',
  calendarId: '0TkCdp9PfvLeWKYRRvIz',
  assignedUserId: 'y0BeYjuRIlDwsDcOHOJo',
  startTime: '2026-03-12T13:00:00-04:00',
  endTime: '2026-03-12T17:00:00-04:00',
};

export const blockedSlotOutputFields: OutputField[] = [
  { key: 'id', label: 'Blocked Slot ID' },
  { key: 'title', label: 'Title' },
  { key: 'calendarId', label: 'Calendar ID' },
  { key: 'assignedUserId', label: 'Assigned User ID' },
  { key: 'startTime', label: 'Start Time', type: 'datetime' },
  { key: 'endTime', label: 'End Time', type: 'datetime' },
];

export const appointmentNoteSample = {
  id: 'HGPcayliwcdoUFzvbTok',
  appointmentId: 'ocWd2wuBGAQzh2cH1fSZ',
  body: 'Client asked to bring last year’s numbers.',
  userId: 'y0BeYjuRIlDwsDcOHOJo',
  contactId: 'seD4PfOuKoVMLkEZqohJ',
  dateAdded: '2026-03-03T10:15:00.000Z',
  createdBy: { id: 'y0BeYjuRIlDwsDcOHOJo', name: 'Sam Rivera' },
};

export const appointmentNoteOutputFields: OutputField[] = [
  { key: 'id', label: 'Note ID' },
  { key: 'appointmentId', label: 'Appointment ID' },
  { key: 'body', label: 'Note' },
  { key: 'userId', label: 'User ID' },
  { key: 'contactId', label: 'Contact ID' },
  { key: 'dateAdded', label: 'Date Added', type: 'datetime' },
  { key: 'createdBy__name', label: 'Created By' },
];

export const appointmentNoteFields: FieldDef[] = [
  { key: 'body', label: 'Note', helpText: 'The note text.', schema: v.text(10000), required: true, type: 'text' },
  { ...assignedUserField, key: 'userId', label: 'Author', helpText: 'The user shown as the author (optional).' },
];
