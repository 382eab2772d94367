import { calendarsApi } from '../src/api/calendars';
import { createAction } from '../src/factories/create';
import { Context, Input } from '../src/factories/operation';
import {
  appointmentCalendarField,
  appointmentFields,
  appointmentIdField,
  appointmentNoteFields,
  appointmentNoteOutputFields,
  appointmentNoteSample,
  appointmentOutput,
  blockedSlotOutputFields,
  blockedSlotSample,
  endTimeField,
  noteIdField,
  resolveDateTimes,
  savedAppointmentOutputFields,
  savedAppointmentSample,
  startTimeField,
} from '../src/fields/appointment';
import { calendarIdField } from '../src/fields/calendar';
import { assignedUserField, contactIdField } from '../src/fields/common';
import { required } from '../src/fields/field';
import * as v from '../src/fields/values';
import { deleteAction } from '../src/factories/delete';

const TIME_KEYS = ['startTime', 'endTime'];
const [startTime, endTime, ...appointmentRest] = appointmentFields;

/** The appointment's calendar, for the time zone: the one given, else the one the appointment is on. */
async function calendarOfAppointment(ctx: Context, input: Input): Promise<string | undefined> {
  if (input.calendarId) return input.calendarId;
  const data = await ctx.call(calendarsApi.getAppointment, { path: { eventId: input.appointmentId } }, { notFoundAsNull: true });
  return data?.event?.calendarId;
}

export const createAppointment = createAction({
  key: 'create_appointment',
  noun: 'Appointment',
  label: 'Create Appointment',
  description: 'Books an appointment for a contact on a calendar.',
  endpoint: calendarsApi.createAppointment,
  alsoCalls: [calendarsApi.getCalendar],
  fields: [calendarIdField, contactIdField, required(startTime), endTime, ...appointmentRest],
  perform: async (input, ctx) => {
    const { values, timeZone } = await resolveDateTimes(ctx, input, TIME_KEYS, async () => input.calendarId);
    const data = await ctx.call(calendarsApi.createAppointment, { body: { ...input, ...values } });
    return appointmentOutput(data ?? {}, timeZone);
  },
  sample: savedAppointmentSample,
  outputFields: savedAppointmentOutputFields,
});

export const updateAppointment = createAction({
  key: 'update_appointment',
  noun: 'Appointment',
  label: 'Update Appointment',
  description: 'Reschedules or changes an appointment. Only the fields you fill in are changed.',
  endpoint: calendarsApi.updateAppointment,
  alsoCalls: [calendarsApi.getAppointment, calendarsApi.getCalendar],
  fields: [
    {
      ...appointmentCalendarField,
      helpText:
        "The appointment's calendar: lists its appointments in the dropdown and gives the time zone for times without an offset. Choosing another calendar moves the appointment there.",
    },
    appointmentIdField,
    ...appointmentFields,
  ],
  perform: async (input, ctx) => {
    const { appointmentId, ...changes } = input;
    const { values, timeZone } = await resolveDateTimes(ctx, input, TIME_KEYS, () => calendarOfAppointment(ctx, input));
    const data = await ctx.call(calendarsApi.updateAppointment, { path: { eventId: appointmentId }, body: { ...changes, ...values } });
    return appointmentOutput(data ?? {}, timeZone);
  },
  sample: savedAppointmentSample,
  outputFields: savedAppointmentOutputFields,
});

/** `DELETE /calendars/events/{eventId}`: an appointment, a blocked slot, or (with the master id) a whole series. */
export const deleteAppointment = deleteAction({
  key: 'delete_appointment',
  noun: 'Appointment',
  description: 'Deletes an appointment or blocked slot. The ID of a recurring series deletes the whole series.',
  endpoint: calendarsApi.deleteEvent,
  fields: [appointmentCalendarField, appointmentIdField],
  // The spec declares a (required, empty) JSON body for this DELETE.
  request: ({ appointmentId }) => ({ path: { eventId: appointmentId }, body: {} }),
  idKey: 'appointmentId',
  answer: { succeeded: true },
});

// ---- Blocked slots ----

const blockedSlotFields = [
  { key: 'title', label: 'Title', helpText: 'Why the time is blocked, e.g. "Team offsite".', schema: v.text(300) },
  { ...assignedUserField, key: 'assignedUserId', helpText: "Block this team member's time only (team calendars)." },
];

/** Blocked-slot date-times: same zone rules as appointments; the calendar is always given. */
async function blockedSlotBody(ctx: Context, input: Input) {
  const { values, timeZone } = await resolveDateTimes(ctx, input, TIME_KEYS, async () => input.calendarId);
  const { blockedSlotId: _id, ...rest } = input;
  return { body: { ...rest, ...values }, timeZone };
}

export const createBlockedSlot = createAction({
  key: 'create_blocked_slot',
  noun: 'Blocked Slot',
  label: 'Create Blocked Slot',
  description: 'Blocks off time on a calendar so it cannot be booked.',
  endpoint: calendarsApi.createBlockSlot,
  alsoCalls: [calendarsApi.getCalendar],
  fields: [calendarIdField, required(startTimeField), required(endTimeField), ...blockedSlotFields],
  perform: async (input, ctx) => {
    const { body, timeZone } = await blockedSlotBody(ctx, input);
    return appointmentOutput((await ctx.call(calendarsApi.createBlockSlot, { body })) ?? {}, timeZone);
  },
  sample: blockedSlotSample,
  outputFields: blockedSlotOutputFields,
});

export const updateBlockedSlot = createAction({
  key: 'update_blocked_slot',
  noun: 'Blocked Slot',
  label: 'Update Blocked Slot',
  description: 'Moves or renames a blocked slot. Only the fields you fill in are changed.',
  endpoint: calendarsApi.updateBlockSlot,
  alsoCalls: [calendarsApi.getCalendar],
  fields: [
    // The Blocked Slot dropdown lists the chosen calendar's slots.
    { ...calendarIdField, helpText: 'The calendar the blocked slot is on (HighLevel requires it).', altersDynamicFields: true },
    {
      key: 'blockedSlotId',
      label: 'Blocked Slot',
      helpText: "One of the calendar's blocked slots (choose the calendar first), or map a blocked slot ID.",
      schema: v.id(),
      required: true,
      dynamic: 'blocked_slot_list.id.name',
    },
    startTimeField,
    endTimeField,
    ...blockedSlotFields,
  ],
  perform: async (input, ctx) => {
    const { body, timeZone } = await blockedSlotBody(ctx, input);
    const data = await ctx.call(calendarsApi.updateBlockSlot, { path: { eventId: input.blockedSlotId }, body });
    return appointmentOutput(data ?? {}, timeZone);
  },
  sample: blockedSlotSample,
  outputFields: blockedSlotOutputFields,
});

// ---- Appointment notes ----

const noteResult = (data: any, input: Input) => ({ ...(data?.note ?? {}), appointmentId: input.appointmentId });

export const createAppointmentNote = createAction({
  key: 'create_appointment_note',
  noun: 'Appointment Note',
  label: 'Create Appointment Note',
  description: 'Adds a note to an appointment.',
  endpoint: calendarsApi.createAppointmentNote,
  fields: [appointmentCalendarField, appointmentIdField, ...appointmentNoteFields],
  request: ({ appointmentId, body, userId }) => ({ path: { appointmentId }, body: { body, userId } }),
  result: noteResult,
  resultKey: 'note',
  sample: appointmentNoteSample,
  outputFields: appointmentNoteOutputFields,
});

export const updateAppointmentNote = createAction({
  key: 'update_appointment_note',
  noun: 'Appointment Note',
  label: 'Update Appointment Note',
  description: "Replaces the text of an appointment's note.",
  endpoint: calendarsApi.updateAppointmentNote,
  fields: [appointmentCalendarField, appointmentIdField, noteIdField, ...appointmentNoteFields],
  request: ({ appointmentId, noteId, body, userId }) => ({ path: { appointmentId, noteId }, body: { body, userId } }),
  result: noteResult,
  resultKey: 'note',
  sample: appointmentNoteSample,
  outputFields: appointmentNoteOutputFields,
});

export const deleteAppointmentNote = deleteAction({
  key: 'delete_appointment_note',
  noun: 'Appointment Note',
  description: 'Deletes a note from an appointment.',
  endpoint: calendarsApi.deleteAppointmentNote,
  fields: [appointmentCalendarField, appointmentIdField, noteIdField],
  request: ({ appointmentId, noteId }) => ({ path: { appointmentId, noteId } }),
  idKey: 'noteId',
  answer: { success: true },
});
