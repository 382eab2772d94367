import { calendarsApi } from '../src/api/calendars';
import { offsetPages } from '../src/client';
import { dropdownTrigger } from '../src/factories/dropdown';
import { Item, records } from '../src/factories/operation';
import { pollingTrigger, PollContext } from '../src/factories/trigger';
import {
  appointmentIdField,
  appointmentNoteOutputFields,
  appointmentNoteSample,
  appointmentOutput,
  appointmentOutputFields,
  appointmentSample,
  blockedSlotOutputFields,
  eventWindow,
  WINDOW_DAYS_AHEAD,
  WINDOW_DAYS_BACK,
  zapTimeZone,
} from '../src/fields/appointment';
import {
  calendarIdField,
  calendarSample,
  groupSample,
  notificationLabel,
  notificationSample,
  resourceSample,
  resourceTypeField,
} from '../src/fields/calendar';
import { FieldDef } from '../src/fields/field';
import * as v from '../src/fields/values';
import { describeSpan, toEpochMs } from '../src/time';

// ---- Dropdown sources (hidden): lists without timestamps ----

/** Every calendar of the location, for calendar dropdowns. HighLevel returns them all at once. */
export const calendarDropdown = dropdownTrigger({
  key: 'calendar_list',
  noun: 'Calendar',
  endpoint: calendarsApi.listCalendars,
  paged: false,
  resultKey: 'calendars',
  label: (c) => `${c.name || c.id}${c.isActive === false ? ' (inactive)' : ''}`,
  sample: { ...calendarSample, name: 'Discovery Call' },
});

export const calendarGroupDropdown = dropdownTrigger({
  key: 'calendar_group_list',
  noun: 'Calendar Group',
  endpoint: calendarsApi.listGroups,
  paged: false,
  resultKey: 'groups',
  label: (g) => `${g.name || g.slug || g.id}${g.isActive === false ? ' (disabled)' : ''}`,
  sample: groupSample,
});

const RESOURCE_PAGE = 100;
const NOTE_PAGE = 20; // the most the notes endpoint returns at once

/** Rooms or equipment of the location. */
export const calendarResourceDropdown = dropdownTrigger({
  key: 'calendar_resource_list',
  noun: 'Calendar Resource',
  endpoint: calendarsApi.listResources,
  fields: [resourceTypeField],
  request: (input, { page }) => ({
    path: { resourceType: input.resourceType },
    query: { limit: RESOURCE_PAGE, skip: page * RESOURCE_PAGE },
  }),
  label: (r) => r.name || r.id,
  sample: { ...resourceSample, name: 'Yoga Room' },
  sampleAnswer: [resourceSample],
});

export const calendarNotificationDropdown = dropdownTrigger({
  key: 'calendar_notification_list',
  noun: 'Calendar Notification',
  endpoint: calendarsApi.listNotifications,
  fields: [calendarIdField],
  request: (input) => ({ path: { calendarId: input.calendarId }, query: { limit: 100, skip: 0 } }),
  label: notificationLabel,
  sample: { ...notificationSample, name: 'reminder email to contact (24 hours before)' },
  sampleAnswer: [notificationSample],
  paged: false,
});

/** A calendar's appointments in the trigger window, soonest first, for appointment dropdowns. */
export const appointmentDropdown = pollingTrigger({
  key: 'appointment_list',
  noun: 'Appointment',
  label: 'List Appointments',
  description: 'Lists appointments for dropdowns.',
  hidden: true,
  endpoint: calendarsApi.listEvents,
  fields: [calendarIdField],
  perform: async (input, ctx) => {
    if (ctx.page > 0) return [];
    const data = await ctx.call(calendarsApi.listEvents, { query: { calendarId: input.calendarId, ...eventWindow() } });
    const timeZone = zapTimeZone(ctx);
    return records(data?.events)
      .map((e) => appointmentOutput(e, timeZone))
      .sort((a, b) => (toEpochMs(a.startTime, 'UTC') ?? 0) - (toEpochMs(b.startTime, 'UTC') ?? 0))
      .map((e) => ({
        ...e,
        name: `${e.title ?? 'Appointment'} – ${describeSpan(toEpochMs(e.startTime, 'UTC') ?? 0, undefined, timeZone)}`,
      }));
  },
  resultKey: 'events',
  sample: { ...appointmentSample, name: 'Discovery Call with Rosa Delgado – Tue, Mar 10, 2026, 9:00 AM EDT' },
  zapier: { canPaginate: true },
});

export const appointmentNoteDropdown = dropdownTrigger({
  key: 'appointment_note_list',
  noun: 'Appointment Note',
  endpoint: calendarsApi.listAppointmentNotes,
  fields: [appointmentIdField],
  request: (input, { page }) => ({ path: { appointmentId: input.appointmentId }, query: { limit: NOTE_PAGE, offset: page * NOTE_PAGE } }),
  resultKey: 'notes',
  label: (n) => String(n.body ?? '').slice(0, 60) || n.id,
  sample: { ...appointmentNoteSample, name: 'Client asked to bring last year’s numbers.' },
});

// ---- Polling triggers: appointments and blocked slots in a rolling window ----

const WINDOW_HELP = `HighLevel lists appointments by start time only, so each check reads those starting from ${WINDOW_DAYS_BACK} days ago to ${WINDOW_DAYS_AHEAD} days ahead; appointments outside that window are not seen.`;

/** GET /calendars/events and /blocked-slots need one of calendar, user or group. */
const ownerFields: FieldDef[] = [
  { ...calendarIdField, required: false, helpText: `Watch this calendar. Fill in one of Calendar, User or Calendar Group. ${WINDOW_HELP}` },
  {
    key: 'userId',
    label: 'User',
    helpText: "Watch this team member's appointments instead of a calendar's.",
    schema: v.id(),
    dynamic: 'user_list.id.name',
  },
  {
    key: 'groupId',
    label: 'Calendar Group',
    helpText: 'Watch every calendar in this group instead of one calendar.',
    schema: v.id(),
    dynamic: 'calendar_group_list.id.name',
    search: 'find_calendar_group.id',
  },
];

function ownerQuery(input: Item, ctx: PollContext): Record<string, string> {
  const key = ['calendarId', 'userId', 'groupId'].find((k) => input[k]);
  if (key) return { [key]: input[key] };
  throw new ctx.z.errors.Error('Fill in one of Calendar (calendarId), User (userId) or Calendar Group (groupId).', 'InvalidInput', 400);
}

/** The events in the window; `extra` adds keys from HighLevel's record as sent (before dates are re-zoned). */
async function eventsInWindow(endpoint: typeof calendarsApi.listEvents, input: Item, ctx: PollContext): Promise<Item[]> {
  const query = { ...ownerQuery(input, ctx), ...eventWindow() };
  const data = await ctx.call(endpoint, { query });
  const timeZone = zapTimeZone(ctx);
  return records(data?.events).map((e) => appointmentOutput(e, timeZone));
}

/** Sort key: the instant (strings with different offsets do not compare). */
const instant = (value: unknown) => toEpochMs(value, 'UTC');
const utcIso = (value: unknown) => {
  const at = instant(value);
  return at === undefined ? undefined : new Date(at).toISOString();
};

/**
 * New / Updated Appointment: the appointments in the window of a calendar, user or group, newest first by when
 * they were booked, or (`changes`) every change as its own item: the id carries the update time, and
 * `appointmentId` keeps the record's id.
 */
function appointmentTrigger(def: { key: string; label: string; description: string; changes: boolean }) {
  return pollingTrigger({
    key: def.key,
    noun: 'Appointment',
    label: def.label,
    description: def.description,
    endpoint: calendarsApi.listEvents,
    fields: ownerFields,
    perform: (input, ctx) => eventsInWindow(calendarsApi.listEvents, input, ctx),
    ...(def.changes
      ? {
          // The change time in UTC, so the id does not change with the zap's time zone.
          changeId: { recordId: 'appointmentId', parts: (e: Item) => [utcIso(e.dateUpdated ?? e.dateAdded)] },
          newestFirst: (e: Item) => instant(e.dateUpdated),
          outputFields: [
            { key: 'appointmentId', label: 'Appointment ID' },
            ...appointmentOutputFields.map((f) => (f.key === 'id' ? { ...f, label: 'Change ID' } : f)),
          ],
        }
      : { newestFirst: (e: Item) => instant(e.dateAdded), outputFields: appointmentOutputFields }),
    resultKey: 'events',
    sample: appointmentSample,
  });
}

export const newAppointmentTrigger = appointmentTrigger({
  key: 'new_appointment',
  label: 'New Appointment',
  description: 'Triggers when an appointment is booked on a calendar, for a user, or in a calendar group.',
  changes: false,
});

export const updatedAppointmentTrigger = appointmentTrigger({
  key: 'updated_appointment',
  label: 'Updated Appointment',
  description: 'Triggers when an appointment is changed (rescheduled, confirmed, cancelled…) on a calendar, for a user, or in a group.',
  changes: true,
});

/** A blocked slot as GET /calendars/blocked-slots returns it (CalendarEventDTO). */
const blockedSlotEventSample = {
  ...appointmentSample,
  id: 'Bk7pQ2wuBGAQzh2cH1aa',
  title: 'Team offsite',
  contactId: '',
  appointmentStatus: 'confirmed',
};

/** A blocked slot's dropdown label: its title (optional in HighLevel), else its start and calendar, else its id. */
export function blockedSlotLabel(slot: Item, ctx: PollContext): string {
  if (typeof slot.title === 'string' && slot.title.trim()) return slot.title.trim();
  const start = toEpochMs(slot.startTime, 'UTC');
  if (start === undefined) return String(slot.id ?? '');
  const calendar = slot.calendarId ? ` (calendar ${slot.calendarId})` : '';
  return `Blocked from ${describeSpan(start, undefined, zapTimeZone(ctx))}${calendar}`;
}

/** The chosen calendar's blocked slots in the trigger window, for the Update Blocked Slot dropdown. */
export const blockedSlotDropdown = dropdownTrigger({
  key: 'blocked_slot_list',
  noun: 'Blocked Slot',
  endpoint: calendarsApi.listBlockedSlots,
  fields: [{ ...calendarIdField, helpText: 'The calendar whose blocked slots to list.' }],
  request: (input) => ({ query: { calendarId: input.calendarId, ...eventWindow() } }),
  paged: false, // the window comes in one answer
  resultKey: 'events',
  label: blockedSlotLabel,
  sample: { ...blockedSlotEventSample, name: 'Team offsite' },
});

export const newBlockedSlotTrigger = pollingTrigger({
  key: 'new_blocked_slot',
  noun: 'Blocked Slot',
  label: 'New Blocked Slot',
  description: 'Triggers when time is blocked off on a calendar, for a user, or in a calendar group.',
  endpoint: calendarsApi.listBlockedSlots,
  fields: ownerFields,
  perform: (input, ctx) => eventsInWindow(calendarsApi.listBlockedSlots, input, ctx),
  newestFirst: (e) => instant(e.dateAdded),
  resultKey: 'events',
  sample: blockedSlotEventSample,
  outputFields: [...blockedSlotOutputFields, { key: 'dateAdded', label: 'Date Added', type: 'datetime' }],
});

/** Notes are listed per appointment only, so the zap names the appointment. */
export const newAppointmentNoteTrigger = pollingTrigger({
  key: 'new_appointment_note',
  noun: 'Appointment Note',
  label: 'New Appointment Note',
  description: 'Triggers when a note is added to a chosen appointment.',
  endpoint: calendarsApi.listAppointmentNotes,
  fields: [
    { ...calendarIdField, required: false, helpText: 'The calendar whose appointments the Appointment dropdown lists.' },
    appointmentIdField,
  ],
  perform: async (input, ctx) =>
    offsetPages(NOTE_PAGE, async (offset) => {
      const data = await ctx.call(calendarsApi.listAppointmentNotes, {
        path: { appointmentId: input.appointmentId },
        query: { limit: NOTE_PAGE, offset },
      });
      return { items: records(data?.notes).map((n) => ({ ...n, appointmentId: input.appointmentId })), more: !!data?.hasMore };
    }),
  newestFirst: (n) => instant(n.dateAdded),
  resultKey: 'notes',
  sample: appointmentNoteSample,
  outputFields: appointmentNoteOutputFields,
});
